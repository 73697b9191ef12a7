package org.alos2ingest.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's life: a last-resort answer to failures, stopping gracefully, --base-url, and the command itself. */
class StacServerTest {

    @TempDir
    Path tmp;

    private static StacServer start(StacBackend backend, String baseUrl) throws Exception {
        return new StacServer(backend, new StacServer.Options("127.0.0.1", 0, baseUrl, List.of(), null, Duration.ofSeconds(5)), null).start();
    }

    private static Http http(StacServer s) {
        return new Http(URI.create("http://127.0.0.1:" + s.address().getPort() + "/"));
    }

    @Test
    void anUnexpectedFailureIsA500WithoutInternals() throws Exception {
        StubBackend backend = new StubBackend();
        backend.failure = new IllegalStateException("jdbc:sqlite:/secret/path password=hunter2");
        try (StacServer s = start(backend, null)) {
            Http.Answer a = http(s).get("/search");
            assertEquals(500, a.status());
            assertEquals("application/json", a.header("Content-Type"));
            assertEquals("InternalServerError", a.json().path("code").asText());
            assertFalse(a.text().contains("hunter2") || a.text().contains("secret") || a.text().contains("IllegalState"), a.text());
            backend.failure = null;
            assertEquals(200, http(s).get("/search").status(), "the server keeps answering");
        }
    }

    @Test
    void stoppingLetsRequestsInFlightFinishAndRefusesNewOnes() throws Exception {
        StubBackend backend = new StubBackend();
        backend.searchDelay = 1500;
        StacServer s = start(backend, null);
        Http http = http(s);
        int port = s.address().getPort();
        CompletableFuture<Http.Answer> inFlight = CompletableFuture.supplyAsync(() -> http.get("/search"));
        Thread.sleep(400);
        long t0 = System.nanoTime();
        s.close();
        Http.Answer a = inFlight.get(10, TimeUnit.SECONDS);
        assertEquals(200, a.status(), "the request in flight was answered: " + a);
        assertEquals("FeatureCollection", a.json().path("type").asText());
        assertTrue(System.nanoTime() - t0 > 500_000_000L, "stop waited for it");
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    }

    @Test
    void theBaseUrlOfAProxyIsUsedInLinks() throws Exception {
        try (StacServer s = start(new StubBackend(), "https://stac.example.org/alos2/")) {
            JsonNode landing = http(s).get("/").json();
            landing.path("links").forEach(l -> assertTrue(l.path("href").asText().startsWith("https://stac.example.org/alos2/"), l.toString()));
            assertEquals("https://stac.example.org/alos2/search", ServeApiContract.link(landing, "search").path("href").asText());
            assertEquals("https://stac.example.org/alos2/", http(s).get("/api").json().path("servers").get(0).path("url").asText());
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        for (List<String> args : List.of(List.of("--port", "70000"), List.of("--cors", "browser.example/path"),
                List.of("--base-url", "ftp://x"), List.of("--grace", "-1"))) {
            String[] all = new String[args.size() + 1];
            all[0] = "serve";
            for (int i = 0; i < args.size(); i++) {
                all[i + 1] = args.get(i);
            }
            CliRun r = CliRun.run(tmp.resolve("home"), all);
            assertEquals(2, r.exitCode(), args + ": " + r.err());
            assertTrue(r.err().contains(args.get(0)), r.err());
        }
    }

    /** The command as users run it, in a process of its own, stopped by SIGTERM. */
    @Test
    void serveRunsUntilSigterm() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), "org.alos2ingest.cli.Main",
                "serve", "--home", tmp.resolve("home").toString(), "--port", String.valueOf(port), "--cors", "*")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> banner = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            String line = banner.get(60, TimeUnit.SECONDS);
            assertTrue(line != null && line.startsWith("serving STAC API at http://127.0.0.1:" + port + "/"), line);
            assertTrue(line.contains("/published under /assets/"), line);
            Http http = new Http(URI.create("http://127.0.0.1:" + port + "/"));
            Http.Answer landing = http.get("/", "Origin", "https://anywhere.example");
            assertEquals(200, landing.status());
            assertEquals("*", landing.header("Access-Control-Allow-Origin"));
            assertEquals(200, http.get("/search").status());
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "serve stopped on SIGTERM");
            AtomicBoolean refused = new AtomicBoolean();
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                refused.set(false);
            } catch (ConnectException e) {
                refused.set(true);
            }
            assertTrue(refused.get(), "the port is free again");
        } finally {
            p.destroyForcibly();
        }
    }
}
