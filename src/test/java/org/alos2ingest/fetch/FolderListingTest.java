package org.alos2ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.alos2ingest.fetch.servers.FileServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder's zips as an HTML index page or a WebDAV PROPFIND lists them, and nothing else. */
class FolderListingTest {

    static final URI DIR = URI.create("https://dav.example.org/alos2/incoming/");

    @TempDir
    Path tmp;

    @Test
    void anIndexPageGivesTheZipsDirectlyInTheFolder() {
        String page = "<html><body><a href=\"?C=N;O=D\">Name</a> <a href=\"../\">Parent</a> <a href=\"2019/\">2019/</a>"
                + "<a href=\"a.zip\">a.zip</a> <A HREF='d.ZIP'>d</A> <a href=e%20f.zip>e f</a> <a href=\"a.zip\">again</a>"
                + "<a href=\"/alos2/other/b.zip\">elsewhere</a> <a href=\"https://evil.example/alos2/incoming/c.zip\">other host</a>"
                + "<a href=\"2019/g.zip\">deeper</a> <a href=\"notes.txt\">notes</a> <a href=\"x.zip?download=1\">query</a>"
                + "<a href=\"https://dav.example.org/alos2/incoming/h.zip\">absolute</a> <a href=\"i.zip#part\">fragment</a></body></html>";
        List<FolderListing.Entry> zips = FolderListing.links(page, DIR);
        assertEquals(List.of("a.zip", "d.ZIP", "e f.zip", "h.zip"), zips.stream().map(FolderListing.Entry::name).toList());
        assertEquals(URI.create("https://dav.example.org/alos2/incoming/e%20f.zip"), zips.get(2).url());
        assertEquals(-1, zips.get(0).size(), "an index page does not reliably say sizes");
    }

    @Test
    void aMultistatusGivesTheZipsWithTheirSizesAndTags() {
        String xml = """
                <?xml version="1.0" encoding="utf-8"?>
                <d:multistatus xmlns:d="DAV:" xmlns:x="http://example.org/ns">
                  <d:response><d:href>/alos2/incoming/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop></d:propstat></d:response>
                  <d:response><d:href>/alos2/incoming/2019/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop></d:propstat></d:response>
                  <d:response><d:href>/alos2/incoming/0000148073_001001_ALOS2146686640-170209.zip</d:href>
                    <d:propstat><d:prop><d:resourcetype/><d:getcontentlength>1234</d:getcontentlength><d:getetag>"abc"</d:getetag></d:prop></d:propstat></d:response>
                  <d:response><d:href>https://dav.example.org/alos2/incoming/second%20file.zip</d:href>
                    <d:propstat><d:prop><d:getcontentlength>n/a</d:getcontentlength></d:prop></d:propstat></d:response>
                  <d:response><d:href>/alos2/incoming/readme.txt</d:href><d:propstat><d:prop><d:getcontentlength>5</d:getcontentlength></d:prop></d:propstat></d:response>
                  <d:response><d:href>/alos2/elsewhere/x.zip</d:href></d:response>
                </d:multistatus>""";
        List<FolderListing.Entry> zips = WebDavPropfind.parse(xml, DIR);
        assertEquals(List.of("0000148073_001001_ALOS2146686640-170209.zip", "second file.zip"), zips.stream().map(FolderListing.Entry::name).toList());
        assertEquals(1234, zips.get(0).size());
        assertEquals("\"abc\"", zips.get(0).etag());
        assertEquals(-1, zips.get(1).size());
    }

    @Test
    void aMultistatusWithADoctypeIsRefusedUnread() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE d:multistatus [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/alos2/incoming/&x;.zip</d:href></d:response></d:multistatus>";
        FetchException e = assertThrows(FetchException.class, () -> WebDavPropfind.parse(xml, DIR));
        assertTrue(e.getMessage().startsWith("https://dav.example.org/alos2/incoming/: the PROPFIND answer is not WebDAV XML"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"));
    }

    @Test
    void listsRealServersAndSaysWhatWentWrong() throws IOException {
        try (FileServer dav = new FileServer("localhost").requireLogin("dave", "pw-Listing-1").folder("/dav/", FileServer.Listing.WEBDAV);
             FileServer web = new FileServer("127.0.0.1").folder("/pub/", FileServer.Listing.HTML)) {
            dav.serve("/dav/a.zip", new byte[10], "application/zip", null);
            web.serve("/pub/b.zip", new byte[20], "application/zip", null);
            Path netrc = Files.writeString(tmp.resolve("netrc"), "machine localhost login dave password pw-Listing-1\n");
            FetchConfig config = FetchConfig.builder().credentials(new CredentialLookup(java.util.Map.of(), netrc)).retries(0, java.time.Duration.ofMillis(10)).build();

            // a folder URL without its final slash is the folder
            List<FolderListing.Entry> davZips = new FolderListing(dav.uri("/dav").toString(), config).zips();
            assertEquals(List.of("a.zip"), davZips.stream().map(FolderListing.Entry::name).toList());
            assertEquals(10, davZips.get(0).size());
            FolderListing webListing = new FolderListing(web.uri("/pub/").toString(), config);
            assertEquals(List.of("b.zip"), webListing.zips().stream().map(FolderListing.Entry::name).toList());
            web.serve("/pub/c.zip", new byte[1], "application/zip", null);
            assertEquals(List.of("b.zip", "c.zip"), webListing.zips().stream().map(FolderListing.Entry::name).toList());
            assertEquals(1, web.seen("PROPFIND", "/pub/").size(), "a server without WebDAV is asked once, then read by its index page");

            FetchConfig noLogin = FetchConfig.builder().credentials(CredentialLookup.none()).retries(0, java.time.Duration.ofMillis(10)).build();
            FetchException refused = assertThrows(FetchException.class, () -> new FolderListing(dav.uri("/dav/").toString(), noLogin).zips());
            assertEquals(dav.uri("/dav/") + ": HTTP 401: the login was refused (check .netrc or --url-user)", refused.getMessage());
            web.unavailable(true);
            FetchException down = assertThrows(FetchException.class, webListing::zips);
            assertTrue(down.getMessage().contains("HTTP 503"), down.getMessage());
            assertThrows(IllegalArgumentException.class, () -> new FolderListing("http://dave:pw@localhost/dav/", config));
        }
        assertEquals("a b.zip", FolderListing.name(URI.create("http://h/a%20b.zip")));
    }

    /** As python's http.server answers: 501 to a method it does not know, an index page to GET. */
    @Test
    void aServerThatDoesNotImplementPropfindIsReadByItsIndexPage() throws IOException {
        try (org.alos2ingest.fetch.servers.LocalServer py = new org.alos2ingest.fetch.servers.LocalServer("127.0.0.1")) {
            py.route("/alos2/", (x, seen) -> {
                if (seen.method().equals("PROPFIND")) {
                    org.alos2ingest.fetch.servers.LocalServer.text(x, 501, "text/html", "<html><title>Error response</title>Unsupported method</html>");
                } else {
                    org.alos2ingest.fetch.servers.LocalServer.text(x, 200, "text/html",
                            "<ul><li><a href=\"0000148073_001001_ALOS2146686640-170209.zip\">0000148073_001001_ALOS2146686640-170209.zip</a></li></ul>");
                }
            });
            FetchConfig config = FetchConfig.builder().credentials(CredentialLookup.none()).retries(0, java.time.Duration.ofMillis(10)).build();
            assertEquals(List.of("0000148073_001001_ALOS2146686640-170209.zip"),
                    new FolderListing(py.uri("/alos2/").toString(), config).zips().stream().map(FolderListing.Entry::name).toList());
        }
    }
}
