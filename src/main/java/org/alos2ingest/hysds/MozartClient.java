package org.alos2ingest.hysds;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.fetch.CredentialLookup;
import org.alos2ingest.fetch.Credentials;
import org.alos2ingest.fetch.Urls;

/**
 * Submits HySDS jobs through Mozart's REST API, as HySDS's own tools do:
 * {@code POST <rest url>/job/submit} with the form fields {@code type} ({@code job-<name>:<version>}),
 * {@code queue}, {@code priority}, {@code tags} (a JSON list), {@code name}, {@code params} (a JSON
 * object: the job-spec's parameters by name) and {@code enable_dedup}; Mozart answers
 * {@code {"success": true, "message": "", "result": "<job id>"}}. The login, if Mozart wants one,
 * is the .netrc entry of its host.
 */
public final class MozartClient {

    /** A job to submit. */
    public record Job(String type, String queue, int priority, List<String> tags, String name, Map<String, String> params) {
        public Job {
            tags = List.copyOf(tags);
            params = new LinkedHashMap<>(params);
        }
    }

    private final URI restUrl;
    private final Optional<Credentials> login;
    private final HttpClient http;

    /**
     * @param restUrl Mozart's REST API root, e.g. {@code https://mozart.example.org/mozart/api/v0.1}
     *                (celeryconfig's {@code MOZART_REST_URL})
     */
    public MozartClient(URI restUrl, CredentialLookup credentials) {
        if (restUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the Mozart URL must not hold credentials: add its host to .netrc");
        }
        this.restUrl = restUrl;
        this.login = credentials.netrcFor(restUrl.getHost());
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static URI parseUrl(String text) {
        URI u = Urls.parse(text);
        if (u.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the Mozart URL must not hold credentials: add its host to .netrc");
        }
        return u;
    }

    public URI submitUrl() {
        String base = restUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/job/submit");
    }

    public String describe() {
        return "Mozart " + Urls.display(restUrl);
    }

    /** Submits one job; returns Mozart's job id. */
    public String submit(Job job) {
        ArrayNode tags = Json.MAPPER.createArrayNode();
        job.tags().forEach(tags::add);
        ObjectNode params = Json.object();
        job.params().forEach(params::put);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", job.type());
        form.put("queue", job.queue());
        form.put("priority", String.valueOf(job.priority()));
        form.put("tags", Json.compact(tags));
        form.put("name", job.name());
        form.put("params", Json.compact(params));
        form.put("enable_dedup", "true");
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder rb = HttpRequest.newBuilder(submitUrl()).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        login.ifPresent(c -> rb.header("Authorization", c.basicAuthorization()));
        HttpResponse<String> r;
        try {
            r = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new HysdsException("cannot reach " + describe() + " to submit job " + job.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HysdsException("interrupted while submitting job " + job.name() + " to " + describe(), e);
        }
        JsonNode answer;
        try {
            answer = Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            answer = null;
        }
        if (r.statusCode() != 200 || answer == null || !answer.path("success").asBoolean(false) || answer.path("result").asText().isBlank()) {
            String why = answer != null && answer.hasNonNull("message") ? answer.path("message").asText() : abbreviate(r.body());
            throw new HysdsException(describe() + " did not take job " + job.name() + ": HTTP " + r.statusCode() + (why.isBlank() ? "" : ": " + why));
        }
        return answer.path("result").asText();
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }
}
