package org.alos2ingest.jobs;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;

/**
 * What a queued job is to do: a source type ({@code url}, {@code auig2}, {@code sentinel-asia},
 * {@code path}) and its plain parameters, e.g. {@code {"data_id": "JPJXisis0001201908160001",
 * "eor_id": "ERAHAC000007", ...}}. It travels as JSON (through a message broker, in a later queue),
 * so it holds no live objects and never a credential: the worker finds the login in its own
 * environment (.netrc, environment variables). A parameter named like a secret is refused.
 *
 * @param name a readable job name, e.g. {@code ingest-sentinel-asia-JPJXisis0001201908160001}
 */
public record JobSpec(String type, String name, Map<String, String> params) {

    private static final Pattern SECRET = Pattern.compile("(?i).*(password|passwd|secret|token|credential|cookie|session).*");

    public JobSpec {
        params = Map.copyOf(new TreeMap<>(params));
        for (String k : params.keySet()) {
            if (SECRET.matcher(k).matches()) {
                throw new IllegalArgumentException("job parameter '" + k + "' looks like a secret: jobs never carry credentials");
            }
        }
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("a job needs a source type");
        }
    }

    public String toJson() {
        ObjectNode o = Json.object();
        o.put("type", type);
        o.put("name", name);
        ObjectNode p = o.putObject("params");
        new TreeMap<>(params).forEach(p::put);
        return Json.compact(o);
    }

    public static JobSpec fromJson(String json) {
        try {
            JsonNode o = Json.MAPPER.readTree(json);
            Map<String, String> params = new TreeMap<>();
            o.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            return new JobSpec(o.path("type").asText(), o.path("name").asText(), params);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a job description: " + e.getMessage(), e);
        }
    }

    /** A job name that is safe in file names and queue listings. */
    public static String nameOf(String type, String subject) {
        String n = ("ingest-" + type + "-" + subject).replaceAll("[^A-Za-z0-9._-]", "_");
        return n.length() > 200 ? n.substring(0, 200) : n;
    }
}
