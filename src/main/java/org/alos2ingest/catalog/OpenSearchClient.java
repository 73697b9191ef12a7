package org.alos2ingest.catalog;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.Json;

/**
 * The few REST calls the OpenSearch catalog makes, over {@code java.net.http}: JSON in, JSON out,
 * and a refusal turned into one line naming the cluster, the call and OpenSearch's reason. A call
 * that cannot connect, is cut off, or meets 429/502/503/504 is tried {@value #ATTEMPTS} times in all
 * (the last three only when repeating it is safe, see {@link #repeatable}); a node that is down
 * therefore fails a call within about four seconds, with {@link CatalogUnavailableException}.
 */
final class OpenSearchClient {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** One try and three more, 0.5, 1 and 2 s apart: a node that is restarting or briefly overloaded, not one that is down. */
    static final int ATTEMPTS = 4;
    private static final long[] BACKOFF_MS = {500, 1000, 2000};
    /** Too many requests, and a proxy's or the cluster's "not now". */
    private static final Set<Integer> RETRIED_STATUS = Set.of(429, 502, 503, 504);

    private final OpenSearchEndpoint endpoint;
    private final HttpClient http;
    private final String authorization;

    OpenSearchClient(OpenSearchEndpoint endpoint) {
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).version(HttpClient.Version.HTTP_1_1).build();
        this.authorization = endpoint.user() == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((endpoint.user() + ":" + endpoint.password()).getBytes(StandardCharsets.UTF_8));
    }

    /** A response: its status and JSON body (an empty object when it had none). */
    record Response(int status, JsonNode body) {
    }

    JsonNode json(String method, String path, JsonNode body) {
        return call(method, path, body == null ? null : Json.compact(body), "application/json", Set.of()).body();
    }

    /** Like {@link #json} but returns the response for the given non-2xx statuses instead of failing. */
    Response call(String method, String path, JsonNode body, Set<Integer> tolerated) {
        return call(method, path, body == null ? null : Json.compact(body), "application/json", tolerated);
    }

    /** A {@code _bulk} request: newline-delimited JSON, ending with a newline. */
    JsonNode bulk(String path, String ndjson) {
        return call("POST", path, ndjson, "application/x-ndjson", Set.of()).body();
    }

    private Response call(String method, String path, String body, String contentType, Set<Integer> tolerated) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint.base() + path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpRequest request = b.build();
        String what = method + " " + path.replaceAll("\\?.*", "");
        boolean repeatable = repeatable(method, path);
        boolean reached = false;
        long t0 = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r;
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (ConnectException | HttpConnectTimeoutException e) {
                // the request never left: always safe to send again
                if (attempt < ATTEMPTS) {
                    pause(attempt, what);
                    continue;
                }
                throw new CatalogUnavailableException(endpoint.describe() + ": cannot connect" + tries(attempt, t0)
                        + " (is OpenSearch running? bin/start-opensearch starts one)", reached, e);
            } catch (HttpTimeoutException e) {
                // the node took the request and did not answer in time: sending it again would only wait again
                throw new CatalogUnavailableException(endpoint.describe() + ": " + what + " timed out after " + TIMEOUT.toSeconds() + " s", true, e);
            } catch (IOException e) {
                // cut off mid-request (node stopping, connection reset): it may have been applied
                reached = true;
                if (repeatable && attempt < ATTEMPTS) {
                    pause(attempt, what);
                    continue;
                }
                throw new CatalogUnavailableException(endpoint.describe() + ": " + what + " failed" + tries(attempt, t0) + ": "
                        + (e.getMessage() != null ? e.getMessage() : "the connection was closed"), true, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CatalogException(endpoint.describe() + ": " + what + " interrupted", e);
            }
            int status = r.statusCode();
            if (RETRIED_STATUS.contains(status) && repeatable && attempt < ATTEMPTS) {
                reached = true;
                pause(attempt, what);
                continue;
            }
            JsonNode json = parse(r.body());
            if (status / 100 == 2 || tolerated.contains(status)) {
                return new Response(status, json);
            }
            if (status == 401 || status == 403) {
                throw new CatalogException(endpoint.describe() + ": " + what + " refused (HTTP " + status + "): check OPENSEARCH_USER/OPENSEARCH_PASSWORD or ~/.netrc");
            }
            if (RETRIED_STATUS.contains(status)) {
                throw new CatalogUnavailableException(endpoint.describe() + ": " + what + " failed (HTTP " + status + ")" + tries(attempt, t0) + ": "
                        + reason(json, r.body()), true, null);
            }
            throw new CatalogException(endpoint.describe() + ": " + what + " failed (HTTP " + status + "): " + reason(json, r.body()));
        }
    }

    /**
     * Whether a request may be sent again after it may have reached the node: searches, counts and
     * the catalog's writes by id are (a repeat leaves the same state); a create-if-absent or a
     * compare-and-set is not (its repeat would report a conflict with itself).
     */
    static boolean repeatable(String method, String path) {
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        return !path.contains("/_create/") && !path.contains("if_seq_no=");
    }

    private static void pause(int attempt, String what) {
        try {
            Thread.sleep(BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length) - 1]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException(what + " interrupted", e);
        }
    }

    private static String tries(int attempts, long t0) {
        return attempts == 1 ? "" : String.format(Locale.ROOT, " (%d attempts in %.1f s)", attempts, (System.nanoTime() - t0) / 1e9);
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return Json.object();
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return Json.object().put("error", text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    /** OpenSearch's own words for a failure: the root cause's type and reason. */
    static String reason(JsonNode json, String raw) {
        JsonNode error = json.path("error");
        if (error.isTextual()) {
            return error.asText();
        }
        // the innermost cause says what was wrong; the outer ones only where it was found
        JsonNode cause = error;
        while (cause.path("caused_by").has("reason")) {
            cause = cause.path("caused_by");
        }
        if (cause.has("reason")) {
            return cause.path("type").asText("error") + ": " + cause.path("reason").asText();
        }
        return raw == null ? "no details" : raw.replaceAll("\\s+", " ").substring(0, Math.min(300, raw.length()));
    }
}
