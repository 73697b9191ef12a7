package org.alos2ingest.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.junit.jupiter.api.Test;

/** The filter extension: queryables, CQL2-text on GET, CQL2-JSON on POST, each operator, and bad filters. */
abstract class ServeFilterContract extends ServeSearchContract {

    private Set<String> getFilter(String cql2) {
        Http.Answer a = http.get("/search?limit=100&filter=" + q(cql2));
        assertEquals(200, a.status(), cql2 + " → " + a);
        return idSet(a.json());
    }

    private Set<String> postFilter(String cql2json) throws Exception {
        ObjectNode body = Json.object();
        body.put("limit", 100);
        body.put("filter-lang", "cql2-json");
        body.set("filter", Json.MAPPER.readTree(cql2json));
        Http.Answer a = http.post("/search", Json.compact(body));
        assertEquals(200, a.status(), cql2json + " → " + a);
        return idSet(a.json());
    }

    private Set<String> run() {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < RUN; i++) {
            out.add(runId(i));
        }
        return out;
    }

    @Test
    void queryablesAreAJsonSchemaAtTheirUrl() {
        Http.Answer a = http.get("/queryables");
        assertEquals(200, a.status());
        assertEquals(Links.SCHEMA, a.header("Content-Type"));
        JsonNode schema = a.json();
        assertEquals(http.base + "queryables", schema.path("$id").asText());
        for (String q : List.of("id", "collection", "datetime", "geometry", "sar:instrument_mode", "sat:relative_orbit", "sat:orbit_state")) {
            assertTrue(schema.path("properties").has(q), q);
        }
        JsonNode one = http.get("/collections/L1.5_geotiff/queryables").json();
        assertEquals(http.base + "collections/L1.5_geotiff/queryables", one.path("$id").asText());
        assertError(http.get("/collections/nope/queryables"), 404, "nope");
        JsonNode landing = http.get("/").json();
        assertEquals(http.base + "queryables", link(landing, Links.QUERYABLES_REL).path("href").asText());
    }

    @Test
    void cql2TextOperators() {
        assertEquals(Set.of(JAPAN), getFilter("sar:instrument_mode = 'UBS'"));
        assertEquals(Set.of(JAPAN, FIJI), getFilter("sar:instrument_mode IN ('UBS', 'HBQ')"));
        assertEquals(Set.of(JAPAN), getFilter("id LIKE 'ALOS2337%'"));
        assertEquals(run(), getFilter("id LIKE 'ALOS225%'"));
        assertEquals(Set.of(FIJI), getFilter("NOT (collection = 'L1.5_geotiff')"));
        assertEquals(Set.of(FIJI), getFilter("S_INTERSECTS(geometry, POLYGON((179 -18, 179.9 -18, 179.9 -16, 179 -16, 179 -18)))"));
        assertEquals(Set.of(JAPAN), getFilter("T_INTERSECTS(datetime, INTERVAL('2020-01-01T00:00:00Z', '2021-01-01T00:00:00Z'))"));
        assertEquals(Set.of(JAPAN, CHILE), getFilter("sar:instrument_mode = 'UBS' OR datetime < TIMESTAMP('2018-01-01T00:00:00Z')"));
        assertEquals(Set.of(runId(0), runId(1)), getFilter("id LIKE 'ALOS225%' AND datetime <= TIMESTAMP('2019-01-02T23:00:00Z')"));
        // BETWEEN on the path, with the answer worked out from the catalog's own documents
        int track = catalog.get(JAPAN).orElseThrow().path("metadata").path("trackNumber").asInt();
        Set<String> onTrack = new HashSet<>();
        for (String id : all) {
            if (catalog.get(id).orElseThrow().path("metadata").path("trackNumber").asInt() == track) {
                onTrack.add(id);
            }
        }
        assertEquals(onTrack, getFilter("sat:relative_orbit BETWEEN " + track + " AND " + track));
        assertTrue(onTrack.contains(JAPAN));
    }

    @Test
    void cql2JsonOperatorsOnPostAndGet() throws Exception {
        assertEquals(Set.of(JAPAN, FIJI), postFilter("{\"op\": \"in\", \"args\": [{\"property\": \"sar:instrument_mode\"}, [\"UBS\", \"HBQ\"]]}"));
        assertEquals(Set.of(JAPAN), postFilter("{\"op\": \"like\", \"args\": [{\"property\": \"id\"}, \"ALOS2337%\"]}"));
        assertEquals(Set.of(FIJI), postFilter("{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, "
                + "{\"type\": \"Polygon\", \"coordinates\": [[[179, -18], [179.9, -18], [179.9, -16], [179, -16], [179, -18]]]}]}"));
        assertEquals(Set.of(JAPAN), postFilter("{\"op\": \"t_intersects\", \"args\": [{\"property\": \"datetime\"}, "
                + "{\"interval\": [\"2020-01-01T00:00:00Z\", \"2021-01-01T00:00:00Z\"]}]}"));
        assertEquals(Set.of(FIJI), postFilter("{\"op\": \"not\", \"args\": [{\"op\": \"=\", \"args\": [{\"property\": \"collection\"}, \"L1.5_geotiff\"]}]}"));
        String json = "{\"op\": \"=\", \"args\": [{\"property\": \"sar:instrument_mode\"}, \"UBS\"]}";
        Http.Answer get = http.get("/search?filter-lang=cql2-json&filter=" + q(json));
        assertEquals(Set.of(JAPAN), idSet(get.json()), get.toString());
        ObjectNode textInPost = Json.object();
        textInPost.put("filter-lang", "cql2-text");
        textInPost.put("filter", "sar:instrument_mode = 'HBQ'");
        assertEquals(List.of(FIJI), ids(http.post("/search", Json.compact(textInPost)).json()));
    }

    @Test
    void filteredPagesListEveryMatchOnce() {
        List<String> seen = walkGet("/search?limit=5&filter=" + q("id LIKE 'ALOS225%'"));
        assertNoneMissing(new ArrayList<>(run()), seen);
        ObjectNode body = Json.object();
        body.put("limit", 4);
        body.put("filter-lang", "cql2-text");
        body.put("filter", "id LIKE 'ALOS225%'");
        assertNoneMissing(new ArrayList<>(run()), walkPost(body));
        List<String> items = walkGet("/collections/L1.5_geotiff/items?limit=6&filter=" + q("sar:instrument_mode = 'FBD'"));
        assertTrue(items.containsAll(run()) && items.contains(CHILE) && !items.contains(JAPAN), items.toString());
    }

    @Test
    void badFiltersAre400sNamingTheFilter() {
        Map<String, String> bad = Map.of(
                "cloud_cover = 1", "cloud_cover",
                "sar:instrument_mode = ", "filter",
                "sar:instrument_mode == 'UBS'", "filter",
                "id LIKE", "filter",
                "S_INTERSECTS(geometry, POLYGON((0 0, 1 1)))", "filter",
                "T_INTERSECTS(datetime, INTERVAL('yesterday', '..'))", "filter");
        bad.forEach((cql2, mention) -> assertError(http.get("/search?filter=" + q(cql2)), 400, mention));
        assertError(http.post("/search", "{\"filter\": {\"op\": \"frobnicate\", \"args\": []}}"), 400, "filter");
        assertError(http.post("/search", "{\"filter\": {\"op\": \"=\", \"args\": [{\"property\": \"nope\"}, 1]}}"), 400, "nope");
        assertError(http.post("/search", "{\"filter-lang\": \"cql2-text\", \"filter\": {\"op\": \"=\"}}"), 400, "filter");
        assertError(http.get("/search?filter-lang=cql2-json&filter=" + q("{not json")), 400, "filter");
        assertError(http.get("/search?filter=x&filter-crs=EPSG:4326"), 400, "filter-crs");
    }
}
