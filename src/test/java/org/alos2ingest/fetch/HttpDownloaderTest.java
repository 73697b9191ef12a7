package org.alos2ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.alos2ingest.fetch.servers.FileServer;
import org.alos2ingest.fetch.servers.LocalServer;
import org.alos2ingest.util.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpDownloaderTest {

    static final String PRODUCT = "ALOS2146686640-170209-FBDR1.5GUA";
    static final String ZIP = "/data/delivery.zip";

    @TempDir
    Path tmp;

    FileServer server;
    FileServer other;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (other != null) {
            other.close();
        }
    }

    static FetchConfig.Builder fastBuilder() {
        return FetchConfig.builder().retries(3, Duration.ofMillis(20)).timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))
                .credentials(CredentialLookup.none());
    }

    static FetchConfig fast() {
        return fastBuilder().build();
    }

    HttpDownloader.Download download(FetchConfig config, java.net.URI uri, boolean zip) {
        return new HttpDownloader(new HttpSession(config, "test", true), Progress.silent()).download(uri, tmp.resolve("out"), zip);
    }

    @Test
    void aDownloadCutMidBodyIsResumedAndIdenticalToTheOriginal() throws IOException {
        byte[] data = Samples.delivery(PRODUCT);
        long cut = data.length / 2 + 123;
        server = new FileServer("127.0.0.1").serve(ZIP, data, "application/zip", null).fault(ZIP, new FileServer.Fault.Cut(cut));

        HttpDownloader.Download d = download(fast(), server.uri(ZIP), true);

        assertArrayEquals(data, Files.readAllBytes(d.file()));
        assertEquals("delivery.zip", d.fileName());
        List<LocalServer.Seen> gets = server.seen("GET", ZIP);
        assertEquals(2, gets.size(), "one cut request and one resumed request");
        assertNull(gets.get(0).header("Range"));
        assertEquals("bytes=" + cut + "-", gets.get(1).header("Range"), "resumed exactly where the first body stopped");
        assertTrue(gets.get(1).header("If-Range").startsWith("\""), "resume is conditional on the same file (ETag)");
        assertEquals(List.of("delivery.zip"), names(tmp.resolve("out")), "no partial file left behind");
        assertEquals(data.length, d.transfer().bytes());
    }

    @Test
    void fiveHundredTwiceThenSuccess() throws IOException {
        byte[] data = Samples.delivery(PRODUCT);
        server = new FileServer("127.0.0.1").serve(ZIP, data, "application/zip", null)
                .fault(ZIP, new FileServer.Fault.Status(500), new FileServer.Fault.Status(503));

        HttpDownloader.Download d = download(fast(), server.uri(ZIP), true);

        assertArrayEquals(data, Files.readAllBytes(d.file()));
        assertEquals(3, server.seen("GET", ZIP).size());
    }

    @Test
    void fiveHundredBeyondTheRetryLimitFailsWithTheStatus() throws IOException {
        byte[] data = Samples.delivery(PRODUCT);
        server = new FileServer("127.0.0.1").serve(ZIP, data, "application/zip", null);
        for (int i = 0; i < 5; i++) {
            server.fault(ZIP, new FileServer.Fault.Status(500));
        }
        FetchException e = assertThrows(FetchException.class, () -> download(fast(), server.uri(ZIP), true));
        assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
        assertTrue(e.getMessage().contains("after 3 retries"), e.getMessage());
        assertEquals(4, server.seen("GET", ZIP).size(), "the first try and three retries");
    }

    @Test
    void aStalledResponseTimesOutAndResumes() throws IOException {
        byte[] data = Samples.delivery(PRODUCT);
        server = new FileServer("127.0.0.1").serve(ZIP, data, "application/zip", null)
                .fault(ZIP, new FileServer.Fault.Stall(40_000, 2_000));
        FetchConfig config = fastBuilder().timeouts(Duration.ofSeconds(5), Duration.ofMillis(400)).build();

        HttpDownloader.Download d = download(config, server.uri(ZIP), true);

        assertArrayEquals(data, Files.readAllBytes(d.file()));
        List<LocalServer.Seen> gets = server.seen("GET", ZIP);
        assertEquals(2, gets.size());
        assertTrue(gets.get(1).header("Range").matches("bytes=\\d+-"), gets.get(1).header("Range"));
    }

    @Test
    void anHtmlPageInsteadOfAZipIsReportedAndNotSaved() throws IOException {
        byte[] data = Samples.delivery(PRODUCT);
        server = new FileServer("127.0.0.1").serve(ZIP, data, "application/zip", null)
                .fault(ZIP, new FileServer.Fault.Html("<html><head><title>Maintenance</title></head><body>back soon</body></html>"));

        UnexpectedPageException e = assertThrows(UnexpectedPageException.class, () -> download(fast(), server.uri(ZIP), true));

        assertEquals(server.uri(ZIP) + ": expected a zip but got an HTML page (HTTP 200, 'Maintenance')", e.getMessage());
        assertTrue(e.page().contains("back soon"));
        assertEquals(List.of(), names(tmp.resolve("out")), "nothing saved");
    }

    @Test
    void aBodyThatIsNotAZipIsRefusedEvenWithoutHtml() throws IOException {
        server = new FileServer("127.0.0.1").serve(ZIP, "just some text\n".getBytes(), "application/octet-stream", null);
        UnexpectedPageException e = assertThrows(UnexpectedPageException.class, () -> download(fast(), server.uri(ZIP), true));
        assertTrue(e.getMessage().contains("'application/octet-stream' content"), e.getMessage());
    }

    @Test
    void aServerThatAlwaysCutsFailsAfterTheRetriesAndKeepsThePartForLater() throws IOException {
        byte[] data = Samples.delivery(PRODUCT);
        server = new FileServer("127.0.0.1").withoutRanges().serve(ZIP, data, "application/zip", null);
        for (int i = 0; i < 10; i++) {
            server.fault(ZIP, new FileServer.Fault.Cut(1000));
        }
        Path partial = tmp.resolve("partial");
        FetchException e = assertThrows(FetchException.class, () -> download(fastBuilder().partialDir(partial).build(), server.uri(ZIP), true));
        assertTrue(e.getMessage().contains("connection closed after 1000 of " + data.length + " bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("after 3 retries"), e.getMessage());
    }

    @Test
    void aLaterRunResumesThePartialFileOfAnEarlierOne() throws IOException {
        byte[] data = Samples.delivery(PRODUCT);
        server = new FileServer("127.0.0.1").serve(ZIP, data, "application/zip", null).fault(ZIP, new FileServer.Fault.Cut(70_000));
        Path partial = tmp.resolve("partial");
        FetchConfig noRetry = fastBuilder().retries(0, Duration.ofMillis(1)).partialDir(partial).build();
        assertThrows(FetchException.class, () -> download(noRetry, server.uri(ZIP), true));
        assertEquals(2, names(partial).size(), "the part and its record stay: " + names(partial));

        HttpDownloader.Download d = download(noRetry, server.uri(ZIP), true);

        assertArrayEquals(data, Files.readAllBytes(d.file()));
        assertEquals("bytes=70000-", server.seen("GET", ZIP).get(1).header("Range"));
        assertEquals(List.of(), names(partial));
    }

    @Test
    void aChangedFileOnTheServerIsFetchedAfreshNotSpliced() throws IOException {
        byte[] v1 = Samples.delivery(PRODUCT);
        byte[] v2 = Samples.delivery("ALOS2146686650-170209-FBDR1.5GUA");
        server = new FileServer("127.0.0.1").serve(ZIP, v1, "application/zip", null).fault(ZIP, new FileServer.Fault.Cut(50_000));
        Path partial = tmp.resolve("partial");
        FetchConfig noRetry = fastBuilder().retries(0, Duration.ofMillis(1)).partialDir(partial).build();
        assertThrows(FetchException.class, () -> download(noRetry, server.uri(ZIP), true));
        server.serve(ZIP, v2, "application/zip", null);

        HttpDownloader.Download d = download(noRetry, server.uri(ZIP), true);

        assertArrayEquals(v2, Files.readAllBytes(d.file()), "If-Range with the old ETag made the server send the new file whole");
    }

    @Test
    void theFileNameComesFromContentDisposition() throws IOException {
        byte[] data = Samples.delivery(PRODUCT);
        server = new FileServer("127.0.0.1").serve("/download", data, "application/zip", "attachment; filename*=UTF-8''" + Samples.deliveryName(PRODUCT));
        HttpDownloader.Download d = download(fast(), server.uri("/download?id=7"), true);
        assertEquals(Samples.deliveryName(PRODUCT), d.fileName());
        assertTrue(Files.isRegularFile(tmp.resolve("out").resolve(Samples.deliveryName(PRODUCT))));
    }

    @Test
    void basicCredentialsFromNetrcGoToTheirHostButNeverToTheHostItRedirectsTo() throws IOException {
        byte[] data = Samples.delivery(PRODUCT);
        other = new FileServer("127.0.0.1").serve("/store/delivery.zip", data, "application/zip", null);
        server = new FileServer("localhost").requireLogin("alice", "S3cret-netrc-pw");
        server.redirect(ZIP, 302, other.uri("/store/delivery.zip").toString());
        Path netrc = tmp.resolve("netrc");
        Files.writeString(netrc, "machine localhost login alice password S3cret-netrc-pw\n");
        FetchConfig config = fastBuilder().credentials(new CredentialLookup(Map.of(), netrc)).build();

        HttpDownloader.Download d = download(config, server.uri(ZIP), true);

        assertArrayEquals(data, Files.readAllBytes(d.file()));
        assertTrue(server.seen("GET", ZIP).get(0).header("Authorization").startsWith("Basic "));
        LocalServer.Seen redirected = other.seen("GET", "/store/delivery.zip").get(0);
        assertNull(redirected.header("Authorization"), "credentials must not follow a redirect to another host");
        assertNull(redirected.header("Cookie"), "cookies of one host must not go to another");
    }

    @Test
    void withoutCredentialsTheLoginIsRefusedWithAClearMessage() throws IOException {
        server = new FileServer("127.0.0.1").requireLogin("alice", "pw").serve(ZIP, Samples.delivery(PRODUCT), "application/zip", null);
        FetchException e = assertThrows(FetchException.class, () -> download(fast(), server.uri(ZIP), true));
        assertEquals(server.uri(ZIP) + ": login refused (HTTP 401): check the user and password (.netrc machine 127.0.0.1) '401 Unauthorized'",
                e.getMessage());
    }

    @Test
    void aRedirectFromHttpsToHttpIsRefused() throws Exception {
        TestTls tls = TestTls.create(tmp);
        other = new FileServer("127.0.0.1").serve("/x.zip", Samples.delivery(PRODUCT), "application/zip", null);
        server = new FileServer("127.0.0.1", tls.serverContext());
        server.redirect(ZIP, 302, other.uri("/x.zip").toString());
        FetchException e = assertThrows(FetchException.class, () -> download(fastBuilder().caCert(tls.caPem()).build(), server.uri(ZIP), true));
        assertTrue(e.getMessage().contains("refusing to leave https"), e.getMessage());
        assertTrue(other.seen().isEmpty());
    }

    @Test
    void httpsIsTrustedWithTheUsersCaFileAndOnlyThen() throws Exception {
        TestTls tls = TestTls.create(tmp);
        byte[] data = Samples.delivery(PRODUCT);
        server = new FileServer("127.0.0.1", tls.serverContext()).serve(ZIP, data, "application/zip", null);

        FetchException e = assertThrows(FetchException.class, () -> download(fast(), server.uri(ZIP), true));
        assertTrue(e.getMessage().contains("certificate is not trusted") && e.getMessage().contains("--ca-cert"), e.getMessage());

        HttpDownloader.Download d = download(fastBuilder().caCert(tls.caPem()).build(), server.uri(ZIP), true);
        assertArrayEquals(data, Files.readAllBytes(d.file()));
    }

    static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void htmlDetectionLooksAtTheBytesNotOnlyTheContentType() {
        assertTrue(HttpDownloader.isZipMagic(new byte[] {'P', 'K', 3, 4}, 4));
        assertFalse(HttpDownloader.isZipMagic("<htm".getBytes(), 4));
    }
}
