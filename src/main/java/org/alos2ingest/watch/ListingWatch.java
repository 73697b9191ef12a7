package org.alos2ingest.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.alos2ingest.fetch.FetchConfig;
import org.alos2ingest.fetch.FolderListing;
import org.alos2ingest.fetch.UrlSource;
import org.alos2ingest.jobs.JobSpec;

/**
 * A folder of delivery zips on a web or WebDAV server ({@code --listing URL}, repeatable): each zip
 * that appears in it is a new file, ingested by a plain URL job. The login is a URL's: .netrc for
 * the host, or {@code --url-user} with its password.
 */
final class ListingWatch implements WatchedSource {

    static final String OPTION = "--listing";

    static final WatchedSourceKind KIND = new WatchedSourceKind() {
        @Override
        public String name() {
            return "listing";
        }

        @Override
        public List<Option> options() {
            return List.of(new Option(OPTION, "URL", true, "Watch a folder of delivery zips on a web server (its HTML index page) or a WebDAV server "
                    + "(PROPFIND); repeatable. Login from .netrc or --url-user."));
        }

        @Override
        public List<WatchedSource> sources(Map<String, List<String>> given, FetchConfig config) {
            List<WatchedSource> out = new ArrayList<>();
            for (String url : given.getOrDefault(OPTION, List.of())) {
                try {
                    out.add(new ListingWatch(new FolderListing(url, config)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(OPTION + " " + e.getMessage(), e);
                }
            }
            return out;
        }
    };

    private final FolderListing listing;

    ListingWatch(FolderListing listing) {
        this.listing = listing;
    }

    @Override
    public String describe() {
        return "folder " + listing.describe();
    }

    @Override
    public List<WatchedFile> poll() {
        String type = UrlSource.TYPE.name();
        List<WatchedFile> out = new ArrayList<>();
        for (FolderListing.Entry e : listing.zips()) {
            String url = e.url().toString();
            out.add(new WatchedFile(type + " " + url, e.name(), new JobSpec(type, JobSpec.nameOf(type, e.name()), Map.of("url", url)), Optional.empty()));
        }
        return out;
    }
}
