package org.alos2ingest.serve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.Json;

/** A client of a running server, as a STAC client would talk to it (java.net.http), plus raw requests. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final URI base;

    Http(URI base) {
        this.base = base;
    }

    /** A response with its body as bytes (inflated when gzip) and as JSON when it is JSON. */
    record Answer(int status, java.net.http.HttpHeaders headers, byte[] bytes) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return Json.MAPPER.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + new String(bytes, StandardCharsets.UTF_8), e);
            }
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }

    Answer get(String pathOrUrl, String... headers) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET(), headers);
    }

    Answer post(String pathOrUrl, String body, String... headers) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"), headers);
    }

    Answer method(String method, String pathOrUrl, String... headers) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).method(method, HttpRequest.BodyPublishers.noBody()), headers);
    }

    URI uri(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : base.resolve(pathOrUrl);
    }

    private static Answer send(HttpRequest.Builder b, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = r.body();
            if ("gzip".equals(r.headers().firstValue("Content-Encoding").orElse(null)) && body.length > 0) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            return new Answer(r.statusCode(), r.headers(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a request line exactly as written (no client normalising {@code ..} or re-encoding) and
     * returns the whole raw answer, headers and body.
     */
    String raw(String requestTarget) {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + requestTarget + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int rawStatus(String raw) {
        return Integer.parseInt(raw.substring(9, 12));
    }
}
