package org.alos2ingest.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.Catalogs;
import org.alos2ingest.catalog.GrqDocuments;
import org.alos2ingest.notify.Subscriptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request bodies over {@link StacServer#MAX_BODY} are refused with a 413 and the API's JSON error,
 * whether their length is declared or they come chunked and grow past it, on both routes that read
 * a body; a body just under the limit is read.
 */
class BodyLimitTest {
    private static final String TOKEN = "a-token-of-the-test-0123456789";
    /** A page allowed to call the API: it must be able to read the refusal too. */
    private static final String ORIGIN = "https://browser.example.org";

    @TempDir
    Path tmp;
    private Catalog catalog;
    private StacServer server;

    @BeforeEach
    void start() throws Exception {
        catalog = Catalogs.open("sqlite:" + tmp.resolve("catalog.sqlite"), GrqDocuments.DEFINITIONS);
        server = new StacServer(Backends.of(catalog, GrqDocuments.DEFINITIONS, org.alos2ingest.config.Settings.load(null,
                java.util.Map.of("ALOS2_INGEST_HOME", tmp.toString()))),
                new StacServer.Options("127.0.0.1", 0, null, List.of(ORIGIN), null, Duration.ofSeconds(1)),
                new SubscriptionsApi(Subscriptions.of(catalog), TOKEN), null).start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        catalog.close();
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeTheBodyIsSent() throws Exception {
        for (String path : List.of("/search", "/subscriptions")) {
            try (Socket s = socket()) {
                s.getOutputStream().write(head(path, "Content-Length: " + (StacServer.MAX_BODY + 1)));
                // the answer comes without a byte of the body sent
                assertTooLarge(RawHttp.read(s.getInputStream()), path);
            }
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413WhileTheClientSendsIt() throws Exception {
        for (String path : List.of("/search", "/subscriptions")) {
            try (Socket s = socket()) {
                OutputStream out = s.getOutputStream();
                out.write(head(path, "Content-Length: " + 3 * StacServer.MAX_BODY));
                CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(out, 3 * StacServer.MAX_BODY, false));
                assertTooLarge(RawHttp.read(s.getInputStream()), path);
                sending.handle((v, e) -> null).get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aChunkedBodyGrowingOverTheLimitIs413() throws Exception {
        for (String path : List.of("/search", "/subscriptions")) {
            try (Socket s = socket()) {
                OutputStream out = s.getOutputStream();
                out.write(head(path, "Transfer-Encoding: chunked"));
                // more than the limit, without end: only the server can stop it
                CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(out, 100 * StacServer.MAX_BODY, true));
                assertTooLarge(RawHttp.read(s.getInputStream()), path);
                sending.handle((v, e) -> null).get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        Http http = new Http(URI.create("http://127.0.0.1:" + server.address().getPort() + "/"));
        String json = "{\"limit\": 2}";
        String body = " ".repeat(StacServer.MAX_BODY - json.length()) + json;
        Http.Answer a = http.post("/search", body);
        assertEquals(200, a.status(), a.toString());
        assertEquals("FeatureCollection", a.json().path("type").asText());
        Http.Answer over = http.post("/search", body + " ");
        assertEquals(413, over.status(), "one byte more: " + over);
    }

    private Socket socket() throws IOException {
        Socket s = new Socket("127.0.0.1", server.address().getPort());
        s.setSoTimeout(20_000);
        return s;
    }

    private static byte[] head(String path, String framing) {
        return ("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer " + TOKEN
                + "\r\nOrigin: " + ORIGIN + "\r\n" + framing + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes {@code total} bytes of a JSON-looking body (spaces), chunked or not, until done or the server closes. */
    private static void send(OutputStream out, int total, boolean chunked) {
        byte[] block = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        try {
            for (int sent = 0; sent < total; sent += block.length) {
                if (chunked) {
                    out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(block);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            out.flush();
        } catch (IOException closedByTheServer) {
            // the server stopped reading after its 413: what is expected
        }
    }

    private static void assertTooLarge(RawHttp a, String path) {
        assertEquals(413, a.status(), path + ": " + a);
        assertTrue(a.headers().get("content-type").startsWith("application/json"), a.toString());
        assertEquals("PayloadTooLarge", a.json().path("code").asText(), a.toString());
        assertEquals(ORIGIN, a.headers().get("access-control-allow-origin"), "readable by the page that sent it: " + a);
        assertTrue(a.json().path("description").asText().contains(String.valueOf(StacServer.MAX_BODY)), a.toString());
    }
}
