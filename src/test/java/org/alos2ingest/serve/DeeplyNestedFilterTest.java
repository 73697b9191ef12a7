package org.alos2ingest.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.Catalogs;
import org.alos2ingest.catalog.GrqDocuments;
import org.alos2ingest.config.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filter nested far deeper than anyone writes one, as a hostile client sends it: {@code serve} over
 * SQLite must refuse it with a 400 and its JSON error naming the filter, not recurse into a
 * StackOverflowError and a 500.
 */
class DeeplyNestedFilterTest {

    private static final int DEEP = 10_000;

    @TempDir
    static Path home;
    private static Catalog catalog;
    private static StacServer server;
    private static Http http;

    @BeforeAll
    static void startServe() throws Exception {
        catalog = Catalogs.open("sqlite:" + home.resolve("catalog.sqlite"), GrqDocuments.DEFINITIONS);
        Settings settings = Settings.load(null, Map.of("ALOS2_INGEST_HOME", home.toString()));
        server = new StacServer(Backends.of(catalog, GrqDocuments.DEFINITIONS, settings), new StacServer.Options("127.0.0.1", 0, null,
                List.of(), home.resolve("published"), Duration.ofSeconds(2)), null).start();
        http = new Http(URI.create("http://127.0.0.1:" + server.address().getPort() + "/"));
    }

    @AfterAll
    static void stopServe() throws Exception {
        if (server != null) {
            server.close();
        }
        if (catalog != null) {
            catalog.close();
        }
    }

    @Test
    void cql2TextNestedTenThousandDeepIsA400NamingTheFilter() {
        String parentheses = "(".repeat(DEEP) + "id = 'x'" + ")".repeat(DEEP);
        String nots = "NOT ".repeat(DEEP) + "id = 'x'";
        for (String filter : List.of(parentheses, nots)) {
            Http.Answer a = http.post("/search", "{\"filter-lang\": \"cql2-text\", \"filter\": \"" + filter + "\"}");
            ServeApiContract.assertError(a, 400, "filter: expected at most " + org.alos2ingest.catalog.cql2.Expr.MAX_DEPTH);
        }
        // on GET, as deep as Jetty's 8 KB request line lets it be (parentheses need no escaping in a query)
        String onGet = "(".repeat(3_500) + "id='x'" + ")".repeat(3_500);
        ServeApiContract.assertError(http.get("/search?filter=" + onGet), 400, "filter: expected at most");
    }

    @Test
    void cql2JsonNestedDeepIsA400() {
        // deeper than Jackson's own limit (1000 objects and arrays): refused while reading the body
        Http.Answer tooDeepForJson = http.post("/search", "{\"filter\": " + nots(DEEP) + "}");
        ServeApiContract.assertError(tooDeepForJson, 400, "body: not valid JSON");
        // JSON Jackson reads, CQL2 the parser refuses, on POST and on GET
        ServeApiContract.assertError(http.post("/search", "{\"filter\": " + nots(400) + "}"), 400, "filter: at /args/0/args/0");
        Http.Answer get = http.get("/search?filter-lang=cql2-json&filter=" + ServeApiContract.q(nots(70)));
        ServeApiContract.assertError(get, 400, "expected expressions nested at most");
        assertEquals("InvalidParameterValue", get.json().path("code").asText());
        assertTrue(get.json().path("description").asText().startsWith("filter: "), get.toString());
    }

    private static String nots(int depth) {
        return "{\"op\":\"not\",\"args\":[".repeat(depth) + "{\"op\":\"=\",\"args\":[{\"property\":\"id\"},\"x\"]}" + "]}".repeat(depth);
    }
}
