package org.alos2ingest.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.Catalogs;
import org.alos2ingest.catalog.GrqDocuments;
import org.alos2ingest.config.Json;
import org.alos2ingest.config.Settings;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.Deliveries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A running {@code serve} over a catalog holding two deliveries ingested by the real pipeline (FBD
 * over Chile, UBS over Japan), an HBQ scene across the antimeridian and a run of {@value #RUN} FBD
 * scenes in January 2019. Each catalog implementation runs the same suites over it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServeApiContract {
    static final String CHILE = "ALOS2146686640-170209-FBDR1.5GUA";
    static final String JAPAN = "ALOS2337294000-200821-UBSL1.5GUD";
    static final String FIJI = "ALOS2265433650-190505-HBQR1.1__A";
    static final int RUN = 24;
    static final String ORIGIN = "https://browser.example";

    protected Path home;
    protected String catalogUri;
    protected Catalog catalog;
    protected StacServer server;
    protected Http http;
    protected final List<String> all = new ArrayList<>();

    /** The catalog URI to ingest into and serve from. */
    protected abstract String catalogUri(Path home);

    protected void dropCatalog() {
    }

    @BeforeAll
    void startServe() throws IOException, Exception {
        home = Files.createTempDirectory("serve-api");
        catalogUri = catalogUri(home);
        for (String preset : List.of("fbd", "ubs")) {
            Path zip = Deliveries.zip(home.resolve("in"), preset, 200);
            CliRun r = CliRun.run(home, "ingest", "--catalog", catalogUri, "--no-tiles", zip.toString());
            assertEquals(0, r.exitCode(), r.err());
        }
        // the CLI runs pointed the log at their captured stderr: the server's failures go to the test's
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("org.alos2ingest");
        for (var h : log.getHandlers()) {
            log.removeHandler(h);
        }
        log.addHandler(new java.util.logging.ConsoleHandler());
        catalog = Catalogs.open(catalogUri, GrqDocuments.DEFINITIONS);
        List<ObjectNode> docs = new ArrayList<>();
        docs.add(GrqDocuments.of(FIJI, "2019-05-05T10:20:30.000Z", "2019-05-05T10:20:40.000Z",
                179.60, -17.00, -179.70, -17.10, -179.80, -17.60, 179.50, -17.50));
        for (int i = 0; i < RUN; i++) {
            docs.add(runScene(i));
        }
        catalog.indexAll(docs);
        all.addAll(List.of(CHILE, JAPAN, FIJI));
        for (int i = 0; i < RUN; i++) {
            all.add(runId(i));
        }
        Settings settings = Settings.load(null, java.util.Map.of("ALOS2_INGEST_HOME", home.toString()));
        server = new StacServer(Backends.of(catalog, GrqDocuments.DEFINITIONS, settings), new StacServer.Options("127.0.0.1", 0, null,
                List.of(ORIGIN), home.resolve("published"), Duration.ofSeconds(2)), null).start();
        http = new Http(URI.create("http://127.0.0.1:" + server.address().getPort() + "/"));
    }

    @AfterAll
    void stopServe() throws Exception {
        if (server != null) {
            server.close();
        }
        if (catalog != null) {
            catalog.close();
        }
        dropCatalog();
        try (Stream<Path> s = Files.walk(home)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Scene {@code i} of the January 2019 run: one a day, stepping east over northern Chile. */
    static ObjectNode runScene(int i) {
        LocalDate day = LocalDate.of(2019, 1, 1).plusDays(i);
        String start = day + "T05:10:00.000Z";
        String end = day + "T05:10:10.000Z";
        double lon = -72 + i * 0.1;
        return GrqDocuments.of(runId(i), start, end, lon, -27, lon + 0.7, -27, lon + 0.7, -27.6, lon, -27.6);
    }

    static String runId(int i) {
        LocalDate day = LocalDate.of(2019, 1, 1).plusDays(i);
        return String.format("ALOS2%05d%04d-%s-FBDR1.5GUA", 25000 + i, 6640, day.format(DateTimeFormatter.ofPattern("yyMMdd")));
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<String> ids(JsonNode featureCollection) {
        List<String> out = new ArrayList<>();
        featureCollection.path("features").forEach(f -> out.add(f.path("id").asText()));
        return out;
    }

    static Set<String> idSet(JsonNode featureCollection) {
        return new HashSet<>(ids(featureCollection));
    }

    static JsonNode link(JsonNode doc, String rel) {
        for (JsonNode l : doc.path("links")) {
            if (l.path("rel").asText().equals(rel)) {
                return l;
            }
        }
        return null;
    }

    /** Every item of a GET search, following next links; asserts no id comes twice. */
    List<String> walkGet(String first) {
        List<String> seen = new ArrayList<>();
        String url = first;
        for (int pages = 0; url != null; pages++) {
            assertTrue(pages < 100, "too many pages");
            Http.Answer a = http.get(url);
            assertEquals(200, a.status(), a.toString());
            seen.addAll(ids(a.json()));
            JsonNode next = link(a.json(), "next");
            url = next == null ? null : next.path("href").asText();
        }
        assertEquals(seen.size(), new HashSet<>(seen).size(), "an item came twice: " + seen);
        return seen;
    }

    /** Every item of a POST search, following next links as the spec says (merge the body). */
    List<String> walkPost(ObjectNode body) {
        List<String> seen = new ArrayList<>();
        ObjectNode current = body.deepCopy();
        String url = "/search";
        for (int pages = 0; url != null; pages++) {
            assertTrue(pages < 100, "too many pages");
            Http.Answer a = http.post(url, Json.compact(current));
            assertEquals(200, a.status(), a.toString());
            seen.addAll(ids(a.json()));
            JsonNode next = link(a.json(), "next");
            if (next == null) {
                break;
            }
            assertEquals("POST", next.path("method").asText());
            assertTrue(next.path("merge").asBoolean());
            assertNotNull(next.get("body"));
            url = next.path("href").asText();
            next.path("body").fields().forEachRemaining(e -> current.set(e.getKey(), e.getValue()));
        }
        assertEquals(seen.size(), new HashSet<>(seen).size(), "an item came twice: " + seen);
        return seen;
    }

    static void assertError(Http.Answer a, int status, String mentions) {
        assertEquals(status, a.status(), a.toString());
        assertEquals("application/json", a.header("Content-Type"), a.toString());
        JsonNode body = a.json();
        assertTrue(body.path("code").isTextual() && !body.path("code").asText().isEmpty(), a.toString());
        assertTrue(body.path("description").asText().contains(mentions), "expected the description to mention '" + mentions + "': " + a);
        assertFalse(a.text().contains("Exception") || a.text().contains("\tat "), "internals leaked: " + a);
    }

    static void assertNoneMissing(List<String> expected, List<String> got) {
        assertEquals(new HashSet<>(expected), new HashSet<>(got));
        assertEquals(expected.size(), got.size());
    }
}
