package org.alos2ingest.describe.ceos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.alos2ingest.config.Json;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.L11Samples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optional BOS SARCAT look-up against a local HTTP server that answers WFS GetFeature requests
 * as GeoServer does: its footprint is used when it answers, native geolocation when it fails or
 * does not know the scene.
 */
class SarcatLookupTest {

    @TempDir
    static Path dir;
    static Path product;
    static String id;
    static String sceneId;

    HttpServer server;
    final List<String> queries = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile String body;

    @BeforeAll
    static void generate() throws Exception {
        product = dir.resolve("product");
        var p = L11Samples.write(L11Samples.stripmap(), product);
        id = p.geometry().spec().name().text();
        sceneId = p.geometry().spec().name().scene().text();
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/geoserver/bos/ows", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange x) throws IOException {
        queries.add(URLDecoder.decode(x.getRequestURI().getRawQuery(), StandardCharsets.UTF_8));
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static final String FEATURE = """
            {"type":"FeatureCollection","totalFeatures":1,"features":[{"type":"Feature","id":"sarcat.4711",
             "geometry":{"type":"Polygon","coordinates":[[[-62.9,-10.8],[-62.3,-10.68],[-62.16,-11.29],[-62.76,-11.42],[-62.9,-10.8]]]},
             "properties":{"identifier":"%s","mission":"ALOS-2","beam":"FBD","orbit":1597}}]}""";

    private JsonNode ingest(String name) throws Exception {
        Path home = dir.resolve(name);
        Files.createDirectories(home);
        Path settings = home.resolve("my-settings.json");
        Files.writeString(settings, "{\"BOS_SARCAT_URL\": \"" + url() + "\"}");
        CliRun r = CliRun.run("ingest", "--home", home.toString(), "--settings", settings.toString(), product.toString());
        assertEquals(0, r.code(), r.err());
        lastErr = r.err();
        try (Stream<Path> s = Files.walk(home.resolve("published/datasets"))) {
            Path met = s.filter(p -> p.getFileName().toString().equals(id + ".met.json")).findFirst().orElseThrow();
            return Json.read(met);
        }
    }

    String lastErr;

    @Test
    void usesTheServicesFootprintWhenItAnswers() throws Exception {
        body = FEATURE.formatted(sceneId);
        JsonNode met = ingest("answers");
        assertEquals(1, queries.size());
        String q = queries.get(0);
        assertTrue(q.contains("service=WFS") && q.contains("request=GetFeature") && q.contains("typeName=bos:sarcat")
                && q.contains("outputFormat=json") && q.contains("cql_filter=(identifier='" + sceneId + "')"), q);
        assertTrue(met.path("footprint_method").asText().startsWith("BOS SARCAT WFS " + url()), met.path("footprint_method").asText());
        JsonNode ring = met.path("location").path("coordinates").get(0);
        assertEquals(5, ring.size());
        assertTrue(ring.toString().contains("[-62.16,-11.29]"), ring.toString());
        assertEquals("bos_sarcat", met.path("alos2md").path("source").asText());
        assertEquals("ALOS-2", met.path("alos2md").path("sarcat").path("mission").asText());
        assertEquals("bos_sarcat", met.path("alos2md").path("geolocation").path("footprint_source").asText());
        assertTrue(met.path("alos2md").path("geolocation").path("range_doppler_corners").isArray(), "native corners are kept");
    }

    @Test
    void fallsBackToNativeGeolocationOnAnError() throws Exception {
        status = 500;
        body = "<html><body>java.lang.NullPointerException</body></html>";
        JsonNode met = ingest("error");
        assertEquals(1, queries.size());
        assertTrue(met.path("footprint_method").asText().startsWith("CEOS leader facility-5"), met.path("footprint_method").asText());
        assertEquals("ceos_leader", met.path("alos2md").path("source").asText());
        assertTrue(lastErr.contains("BOS SARCAT at " + url() + " did not answer (HTTP 500 from 127.0.0.1); using native geolocation"), lastErr);
    }

    @Test
    void fallsBackWhenTheServiceDoesNotKnowTheScene() throws Exception {
        body = "{\"type\":\"FeatureCollection\",\"totalFeatures\":0,\"features\":[]}";
        JsonNode met = ingest("unknown");
        assertTrue(met.path("footprint_method").asText().startsWith("CEOS leader facility-5"));
        assertTrue(lastErr.contains("knows no scene " + sceneId), lastErr);
    }

    @Test
    void fallsBackWhenNothingListens() throws Exception {
        body = FEATURE.formatted(sceneId);
        server.stop(0);
        JsonNode met = ingest("down");
        assertTrue(met.path("footprint_method").asText().startsWith("CEOS leader facility-5"));
        assertTrue(lastErr.contains("did not answer"), lastErr);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    }

    @Test
    void offByDefault() throws Exception {
        Path home = dir.resolve("default");
        CliRun r = CliRun.run("ingest", "--home", home.toString(), product.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(queries.isEmpty());
    }
}
