package org.alos2ingest.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The files of local publishing over HTTP: ranges, validators, media types, and nothing outside the root. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssetFilesTest {
    private static final String SECRET = "SECRET-OUTSIDE-THE-PUBLISH-ROOT";

    @TempDir
    static Path tmp;

    private StacServer server;
    private Http http;
    private byte[] zip;

    @BeforeAll
    void start() throws Exception {
        Path root = tmp.resolve("home/published");
        Path folder = Files.createDirectories(root.resolve("datasets/L1.5_geotiff/v0.2.4/2017/02/09/A B"));
        zip = new byte[100_000];
        new Random(7).nextBytes(zip);
        Files.write(folder.resolve("A.zip"), zip);
        Map<String, String> files = Map.of("A.png", "png", "A.met.json", "{\"a\": 1}", "A.kml", "<kml/>", "index.html", "<html></html>",
                "A.tif", "tif", "A.txt", "x");
        for (var e : files.entrySet()) {
            Files.writeString(folder.resolve(e.getKey()), e.getValue());
        }
        Files.writeString(tmp.resolve("home/catalog.sqlite"), SECRET);
        Files.writeString(tmp.resolve("secret.txt"), SECRET);
        Files.createSymbolicLink(folder.resolve("out.txt"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("datasets/outdir"), tmp);
        Files.createSymbolicLink(folder.resolve("in.zip"), folder.resolve("A.zip"));
        Path hidden = Files.createDirectories(root.resolve("datasets/.staging-1"));
        Files.writeString(hidden.resolve("B.zip"), "unfinished");
        server = new StacServer(new StubBackend(), new StacServer.Options("127.0.0.1", 0, null,
                List.of("https://browser.example"), root, Duration.ofSeconds(2)), null).start();
        http = new Http(URI.create("http://127.0.0.1:" + server.address().getPort() + "/"));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private static final String DIR = "/assets/datasets/L1.5_geotiff/v0.2.4/2017/02/09/A%20B/";

    @Test
    void aWholeFileWithItsTypeAndValidators() {
        Http.Answer a = http.get(DIR + "A.zip");
        assertEquals(200, a.status());
        assertArrayEquals(zip, a.bytes());
        assertEquals("application/zip", a.header("Content-Type"));
        assertEquals("bytes", a.header("Accept-Ranges"));
        assertNotNull(a.header("ETag"));
        assertNotNull(a.header("Last-Modified"));
        assertEquals("nosniff", a.header("X-Content-Type-Options"));
    }

    @Test
    void mediaTypesByExtension() {
        Map<String, String> expected = Map.of("A.png", "image/png", "A.met.json", "application/json",
                "A.kml", "application/vnd.google-earth.kml+xml", "index.html", "text/html; charset=utf-8",
                "A.tif", "image/tiff; application=geotiff", "A.zip", "application/zip");
        expected.forEach((file, type) -> assertEquals(type, http.get(DIR + file).header("Content-Type"), file));
    }

    @Test
    void byteRanges() {
        Http.Answer part = http.get(DIR + "A.zip", "Range", "bytes=100-199");
        assertEquals(206, part.status());
        assertArrayEquals(Arrays.copyOfRange(zip, 100, 200), part.bytes());
        assertEquals("bytes 100-199/100000", part.header("Content-Range"));

        Http.Answer tail = http.get(DIR + "A.zip", "Range", "bytes=-10");
        assertEquals(206, tail.status());
        assertArrayEquals(Arrays.copyOfRange(zip, 99_990, 100_000), tail.bytes());

        Http.Answer open = http.get(DIR + "A.zip", "Range", "bytes=99000-");
        assertEquals(206, open.status());
        assertEquals(1000, open.bytes().length);

        Http.Answer beyond = http.get(DIR + "A.zip", "Range", "bytes=100000-");
        assertEquals(416, beyond.status());
        assertEquals("bytes */100000", beyond.header("Content-Range"));
        assertTrue(beyond.json().path("description").asText().contains("Range"));

        String etag = http.get(DIR + "A.zip").header("ETag");
        assertEquals(206, http.get(DIR + "A.zip", "Range", "bytes=0-9", "If-Range", etag).status());
        assertEquals(200, http.get(DIR + "A.zip", "Range", "bytes=0-9", "If-Range", "\"stale\"").status(), "a changed file is sent whole");
    }

    @Test
    void conditionalRequestsAnswer304() {
        Http.Answer first = http.get(DIR + "A.zip");
        Http.Answer again = http.get(DIR + "A.zip", "If-None-Match", first.header("ETag"));
        assertEquals(304, again.status());
        assertEquals(0, again.bytes().length);
        assertEquals(304, http.get(DIR + "A.zip", "If-Modified-Since", first.header("Last-Modified")).status());
        assertEquals(200, http.get(DIR + "A.zip", "If-None-Match", "\"other\"").status());
    }

    @Test
    void jsonIsCompressedWhenAsked() {
        Http.Answer a = http.get(DIR + "A.met.json", "Accept-Encoding", "gzip");
        assertEquals(200, a.status());
        assertEquals("gzip", a.header("Content-Encoding"));
        assertEquals(1, a.json().path("a").asInt());
        assertEquals(null, http.get(DIR + "A.zip", "Accept-Encoding", "gzip").header("Content-Encoding"), "zips are not compressed twice");
    }

    @Test
    void headAnswersHeadersOnly() {
        Http.Answer a = http.method("HEAD", DIR + "A.zip");
        assertEquals(200, a.status());
        assertEquals("100000", a.header("Content-Length"));
        assertEquals(0, a.bytes().length);
    }

    @Test
    void aLinkInsideTheRootIsFollowed() {
        assertArrayEquals(zip, http.get(DIR + "in.zip").bytes());
    }

    @Test
    void theSearchMapIsServedFromTheJarAndNothingElseOfIt() {
        Http.Answer redirect = http.get("/map");
        assertEquals(301, redirect.status());
        assertEquals("/map/", redirect.header("Location"));
        Http.Answer page = http.get("/map/");
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
        assertTrue(page.text().contains("map.js"), "the page loads its module");
        // browsers refuse ES modules served as anything but JavaScript
        assertEquals("text/javascript", http.get("/map/map.js").header("Content-Type"));
        assertEquals("text/css", http.get("/map/map.css").header("Content-Type"));
        assertEquals(200, http.get("/map/leaflet/leaflet.js").status());
        assertEquals(404, http.get("/map/nothing.js").status());
        assertEquals(405, http.post("/map/", "{}").status());
        for (String target : List.of("/map/../org/alos2ingest/settings.json", "/map/%2e%2e/%2e%2e/settings.json", "/map/..%2f..%2fsettings.json",
                "/map//org/alos2ingest/settings.json", "/map/leaflet/../../../datasets.json", "/map/%2forg%2falos2ingest%2fsettings.json")) {
            String raw = http.raw(target);
            int status = Http.rawStatus(raw);
            assertTrue(status == 400 || status == 404, target + " → " + raw);
            assertFalse(raw.contains("DATASET_PUBLISH_ROOT") || raw.contains("\"datasets\""), target + " served a class path file");
        }
    }

    @Test
    void nothingOutsideThePublishRoot() {
        List<String> attempts = List.of(
                "/assets/../catalog.sqlite",
                "/assets/datasets/../../catalog.sqlite",
                "/assets/%2e%2e/catalog.sqlite",
                "/assets/datasets/%2e%2e/%2e%2e/catalog.sqlite",
                "/assets/%2E%2E/%2E%2E/secret.txt",
                "/assets/datasets%2f..%2f..%2fcatalog.sqlite",
                "/assets/..%2fcatalog.sqlite",
                "/assets/..%5ccatalog.sqlite",
                "/assets//etc/passwd",
                "/assets/%2fetc%2fpasswd",
                "/assets/" + tmp.resolve("secret.txt"),
                DIR + "out.txt",
                "/assets/datasets/outdir/secret.txt",
                "/assets/datasets/outdir/home/catalog.sqlite",
                "/assets/datasets/.staging-1/B.zip",
                "/assets/datasets/%2estaging-1/B.zip",
                "/assets/datasets/L1.5_geotiff%00/x",
                "/assets/%zz");
        for (String target : attempts) {
            String raw = http.raw(target);
            int status = Http.rawStatus(raw);
            assertTrue(status == 400 || status == 404, target + " → " + raw);
            assertFalse(raw.contains(SECRET), target + " leaked the file outside the root");
            assertFalse(raw.contains("unfinished"), target + " served a hidden staging file");
            assertTrue(raw.contains("\"code\"") && raw.contains("\"description\""), target + " → not a JSON error: " + raw);
        }
        assertEquals(404, http.get("/assets/datasets").status(), "no folder listings");
    }

    /** The resolver's own defence, whatever the HTTP layer in front of it lets through. */
    @Test
    void theResolverRefusesClimbsWithoutJettysHelp() {
        AssetFiles files = new AssetFiles(tmp.resolve("home/published"));
        for (String rel : List.of("..", "../catalog.sqlite", "%2e%2e/catalog.sqlite", "datasets/%2e%2e/%2e%2e/catalog.sqlite",
                "datasets%2f..%2f..%2fcatalog.sqlite", "..%5ccatalog.sqlite", "/etc/passwd", "%2fetc%2fpasswd", "a/./b", "a%00b",
                "datasets/outdir/secret.txt", "datasets/.staging-1/B.zip")) {
            ApiError e = org.junit.jupiter.api.Assertions.assertThrows(ApiError.class, () -> files.resolve(rel), rel);
            assertTrue(e.status() == 400 || e.status() == 404, rel + ": " + e.status());
        }
    }

    @Test
    void readOnly() {
        Http.Answer put = http.method("PUT", DIR + "A.zip");
        assertEquals(405, put.status());
        assertTrue(put.header("Allow").contains("GET"));
        assertEquals(405, http.method("DELETE", DIR + "A.zip").status());
        assertEquals(405, http.post(DIR + "A.zip", "{}").status());
        assertArrayEquals(zip, http.get(DIR + "A.zip").bytes());
    }

    @Test
    void corsForTheConfiguredOriginOnly() {
        Http.Answer ok = http.get(DIR + "A.txt", "Origin", "https://browser.example");
        assertEquals("https://browser.example", ok.header("Access-Control-Allow-Origin"));
        assertTrue(ok.header("Access-Control-Expose-Headers").contains("Content-Range"));
        assertEquals(null, http.get(DIR + "A.txt", "Origin", "https://evil.example").header("Access-Control-Allow-Origin"));
        Http.Answer pre = http.method("OPTIONS", "/search", "Origin", "https://browser.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        assertEquals(204, pre.status());
        assertEquals("https://browser.example", pre.header("Access-Control-Allow-Origin"));
        assertTrue(pre.header("Access-Control-Allow-Methods").contains("POST"));
        assertEquals("content-type", pre.header("Access-Control-Allow-Headers"));
        assertEquals(null, http.method("OPTIONS", "/search", "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST").header("Access-Control-Allow-Origin"));
        assertTrue(new String(http.get(DIR + "A.txt").bytes(), StandardCharsets.UTF_8).equals("x"));
    }
}
