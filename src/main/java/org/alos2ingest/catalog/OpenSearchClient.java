package org.alos2ingest.catalog;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.Json;

/**
 * The few REST calls the OpenSearch catalog makes, over {@code java.net.http}: JSON in, JSON out,
 * and a refusal turned into one line naming the cluster, the call and OpenSearch's reason.
 */
final class OpenSearchClient {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

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
        String what = method + " " + path.replaceAll("\\?.*", "");
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new CatalogException(endpoint.describe() + ": cannot connect (is OpenSearch running? bin/start-opensearch starts one)", e);
        } catch (HttpTimeoutException e) {
            throw new CatalogException(endpoint.describe() + ": " + what + " timed out after " + TIMEOUT.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new CatalogException(endpoint.describe() + ": " + what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException(endpoint.describe() + ": " + what + " interrupted", e);
        }
        JsonNode json = parse(r.body());
        int status = r.statusCode();
        if (status / 100 == 2 || tolerated.contains(status)) {
            return new Response(status, json);
        }
        if (status == 401 || status == 403) {
            throw new CatalogException(endpoint.describe() + ": " + what + " refused (HTTP " + status + "): check OPENSEARCH_USER/OPENSEARCH_PASSWORD or ~/.netrc");
        }
        throw new CatalogException(endpoint.describe() + ": " + what + " failed (HTTP " + status + "): " + reason(json, r.body()));
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
