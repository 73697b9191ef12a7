package org.alos2ingest.describe.ceos;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.config.Settings;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.LonLat;

/**
 * The old system's first choice for a Level 1.1 footprint: BOS SARCAT, a GeoServer WFS that knows
 * ALOS-2 scenes by their 21-character id (portals.md). Off unless the setting {@value #SETTING}
 * names the service; every detail of the protocol is in this class.
 */
public final class SarcatLookup {

    /** The settings.json key holding the service's base URL (or its full {@code .../ows} endpoint). */
    public static final String SETTING = "BOS_SARCAT_URL";
    private static final String ENDPOINT = "/geoserver/bos/ows";
    private static final String QUERY = "service=WFS&version=1.0.0&request=GetFeature&typeName=bos:sarcat&maxFeatures=50&outputFormat=json";

    /** What the service said about a scene: the first feature's geometry and properties. */
    public record Answer(Footprint footprint, ObjectNode properties, URI url) {
    }

    private final String base;
    private final HttpClient client;
    private final Duration timeout;

    public SarcatLookup(String base, Duration timeout) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The lookup the settings configure, or empty when {@value #SETTING} is unset or blank. */
    public static Optional<SarcatLookup> fromSettings(Settings settings) {
        return settings.get(SETTING).map(String::strip).filter(s -> !s.isEmpty()).map(s -> new SarcatLookup(s, Duration.ofSeconds(20)));
    }

    public String base() {
        return base;
    }

    /** The GetFeature request for one scene id, e.g. {@code ALOS2015976960-140909}. */
    public URI requestUri(String sceneId) {
        String endpoint = base.endsWith("/ows") ? base : base + ENDPOINT;
        String filter = URLEncoder.encode("(identifier='" + sceneId + "')", StandardCharsets.UTF_8);
        return URI.create(endpoint + "?" + QUERY + "&cql_filter=" + filter);
    }

    /**
     * @return the scene's footprint, or empty when the service knows no such scene
     * @throws IOException when the service does not answer, answers with an error, or not with GeoJSON
     */
    public Optional<Answer> find(String sceneId) throws IOException {
        URI uri = requestUri(sceneId);
        HttpResponse<String> r;
        try {
            r = client.send(HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + " from " + uri.getHost());
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new IOException("not JSON (" + abbreviate(r.body()) + ")");
        }
        JsonNode features = json.path("features");
        if (!"FeatureCollection".equals(json.path("type").asText()) || !features.isArray()) {
            throw new IOException("not a GeoJSON FeatureCollection (" + abbreviate(r.body()) + ")");
        }
        if (features.isEmpty()) {
            return Optional.empty();
        }
        JsonNode feature = features.get(0);
        Footprint f;
        try {
            f = footprint(feature.path("geometry"), "BOS SARCAT WFS " + base);
        } catch (IllegalArgumentException e) {
            throw new IOException("unusable geometry: " + e.getMessage());
        }
        ObjectNode props = feature.path("properties").isObject() ? (ObjectNode) feature.path("properties").deepCopy() : Json.object();
        return Optional.of(new Answer(f, props, uri));
    }

    /** A single-ring polygon goes through {@link Footprint#ofRing} so that antimeridian crossings are split like ours. */
    private static Footprint footprint(JsonNode geometry, String method) {
        if ("Polygon".equals(geometry.path("type").asText()) && geometry.path("coordinates").size() == 1) {
            List<LonLat> ring = new ArrayList<>();
            for (JsonNode p : geometry.path("coordinates").get(0)) {
                ring.add(new LonLat(p.get(0).asDouble(), p.get(1).asDouble()));
            }
            return Footprint.ofRing(ring, method);
        }
        return Footprint.fromGeoJson(geometry, method);
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 80 ? one.substring(0, 80) + "..." : one;
    }
}
