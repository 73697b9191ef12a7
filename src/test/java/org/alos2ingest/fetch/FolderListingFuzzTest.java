package org.alos2ingest.fetch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.alos2ingest.testing.FuzzInputs;

/**
 * A watched folder's listing as a server sends it: an HTML index page ({@link FolderListing#links},
 * which declares no exception) or a WebDAV PROPFIND multistatus ({@link WebDavPropfind#parse}, which
 * declares a {@link FetchException}). Every entry either gives must be a zip directly in the folder.
 */
class FolderListingFuzzTest {

    private static final URI FOLDER = URI.create("https://data.example.org/alos2/deliveries/");

    @FuzzTest(maxDuration = "10s")
    void indexPage(byte[] input) {
        inFolder(FolderListing.links(new String(input, StandardCharsets.UTF_8), FOLDER));
    }

    @FuzzTest(maxDuration = "10s")
    void propfind(byte[] input) {
        try {
            inFolder(WebDavPropfind.parse(new String(input, StandardCharsets.UTF_8), FOLDER));
        } catch (FetchException e) {
            FuzzInputs.refused(e);
        }
    }

    /** Host names are case-insensitive: the server may spell the folder's host its own way. */
    private static void inFolder(List<FolderListing.Entry> entries) {
        for (FolderListing.Entry e : entries) {
            String rest = e.url().getRawPath().substring(FOLDER.getRawPath().length());
            if (!e.url().getHost().equalsIgnoreCase(FOLDER.getHost()) || rest.isEmpty() || rest.contains("/")) {
                throw new AssertionError("listed entry " + e.url() + " is not directly in " + FOLDER);
            }
        }
    }
}
