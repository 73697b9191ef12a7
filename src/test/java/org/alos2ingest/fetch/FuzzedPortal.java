package org.alos2ingest.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.alos2ingest.testing.FuzzInputs;

/**
 * A portal whose pages are the fuzzer's input: each path answers whatever page the current input put
 * there, so that a portal's real client (login, listing, HEAD) reads it over real HTTP. One server
 * for the whole run, as the fuzzer feeds one input at a time; unlike the test servers it keeps no log
 * of requests, which millions of inputs would grow without end.
 */
final class FuzzedPortal {

    /** One answer: status, Content-Type, body and extra headers. */
    record Page(int status, String contentType, String body, Map<String, String> headers) {
        static Page html(String body) {
            return new Page(200, "text/html", body, Map.of());
        }

        static Page json(String body) {
            return new Page(200, body.stripLeading().startsWith("<") ? "text/html" : "application/json", body, Map.of());
        }
    }

    private static FuzzedPortal instance;

    private final HttpServer server;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    private FuzzedPortal() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fuzzed-portal");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    static synchronized FuzzedPortal get() {
        if (instance == null) {
            try {
                instance = new FuzzedPortal();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A configuration that logs in to this portal as alice for the source type, with no retries. */
    FetchConfig config(SourceType type) {
        Path password = FuzzInputs.file("portal-password", "pw-1\n".getBytes(StandardCharsets.UTF_8));
        return FetchConfig.builder().retries(0, Duration.ofMillis(1)).timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))
                .credentials(CredentialLookup.none())
                .service(type.name(), x -> new ServiceSettings(Optional.of(base()), Optional.of("alice"), Optional.of(password)))
                .build();
    }

    /** Replaces every page. */
    void pages(Map<String, Page> byPath) {
        pages.clear();
        pages.putAll(byPath);
    }

    private void answer(HttpExchange x) throws IOException {
        try (x) {
            x.getRequestBody().readAllBytes();
            Page p = pages.get(x.getRequestURI().getRawPath());
            if (p == null) {
                p = new Page(404, "text/html", "<html><head><title>404 Not Found</title></head></html>", Map.of());
            }
            // a header cannot carry a line break over HTTP/1.1, whatever the input says
            p.headers().forEach((k, v) -> x.getResponseHeaders().set(k, v.replaceAll("[\\r\\n]", " ")));
            x.getResponseHeaders().set("Content-Type", p.contentType() + "; charset=utf-8");
            byte[] b = p.body().getBytes(StandardCharsets.UTF_8);
            if (x.getRequestMethod().equals("HEAD")) {
                x.sendResponseHeaders(p.status(), -1);
                return;
            }
            x.sendResponseHeaders(p.status(), b.length == 0 ? -1 : b.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(b);
            }
        } catch (IOException | RuntimeException e) {
            // the client gave up on this answer: the next input gets a fresh exchange
        }
    }

    /** The input cut at NUL bytes into {@code n} parts (missing parts empty), each read as UTF-8. */
    static String[] parts(byte[] input, int n) {
        String[] out = new String[n];
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = i == n - 1 ? input.length : indexOf(input, (byte) 0, start);
            if (end < 0) {
                end = input.length;
            }
            out[i] = start >= input.length ? "" : new String(input, start, end - start, StandardCharsets.UTF_8);
            start = Math.min(input.length, end + 1);
        }
        return out;
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
