package org.alos2ingest.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.junit.jupiter.api.Test;

/** Item search (GET and POST), paging by keyset, sorting, and the answers to bad input. */
abstract class ServeSearchContract extends ServeCoreContract {

    @Test
    void searchByIdsCollectionsBboxAndDatetime() {
        assertEquals(Set.of(CHILE, FIJI), idSet(http.get("/search?ids=" + CHILE + "," + FIJI).json()));
        assertEquals(List.of(FIJI), ids(http.get("/search?collections=alos2_slc").json()));
        JsonNode first = http.get("/search").json();
        assertEquals(10, first.path("features").size(), "10 items by default");
        assertEquals(10, first.path("numberReturned").asInt());
        // the antimeridian: west > east
        assertEquals(List.of(FIJI), ids(http.get("/search?bbox=179,-18,-179,-16").json()));
        assertEquals(List.of(FIJI), ids(http.get("/search?bbox=-179.95,-17.3,-179.75,-17.2").json()));
        // open intervals
        assertEquals(Set.of(JAPAN), idSet(http.get("/search?limit=100&datetime=" + q("2020-01-01T00:00:00Z/..")).json()));
        assertEquals(Set.of(CHILE), idSet(http.get("/search?limit=100&datetime=" + q("../2018-01-01T00:00:00Z")).json()));
        assertEquals(Set.of(CHILE), idSet(http.get("/search?limit=100&datetime=" + q("/2018-01-01T00:00:00Z")).json()));
        assertEquals(Set.of(JAPAN), idSet(http.get("/search?limit=100&datetime=" + q("2020-01-01T00:00:00Z/")).json()));
        assertEquals(Set.of(runId(3)), idSet(http.get("/search?datetime=" + q("2019-01-04T05:10:05Z")).json()), "an instant inside the scene");
    }

    @Test
    void postSearchWithIntersects() {
        ObjectNode body = Json.object();
        body.putArray("collections").add("L1.5_geotiff");
        ObjectNode point = body.putObject("intersects");
        point.put("type", "Point");
        point.putArray("coordinates").add(-70.3).add(-27.2);
        body.put("datetime", "2017-02-09T00:00:00Z/2017-02-10T00:00:00Z");
        Http.Answer a = http.post("/search", Json.compact(body));
        assertEquals(200, a.status(), a.toString());
        assertEquals("application/geo+json", a.header("Content-Type"));
        assertEquals(List.of(CHILE), ids(a.json()));
        ObjectNode box = Json.object();
        box.putArray("bbox").add(179).add(-18).add(-179).add(-16);
        assertEquals(List.of(FIJI), ids(http.post("/search", Json.compact(box)).json()));
    }

    @Test
    void walkingNextLinksListsEveryItemOnce() {
        assertNoneMissing(all, walkGet("/search?limit=4"));
        assertNoneMissing(all, walkGet("/search?limit=1&sortby=id"));
        ObjectNode body = Json.object();
        body.put("limit", 5);
        assertNoneMissing(all, walkPost(body));
        List<String> run = new ArrayList<>();
        for (int i = 0; i < RUN; i++) {
            run.add(runId(i));
        }
        ObjectNode filtered = Json.object();
        filtered.put("limit", 3);
        filtered.put("datetime", "2019-01-01T00:00:00Z/2019-02-01T00:00:00Z");
        filtered.putArray("bbox").add(-73).add(-28).add(-60).add(-26.5);
        assertNoneMissing(run, walkPost(filtered));
    }

    @Test
    void sortBy() {
        List<String> byId = walkGet("/search?limit=6&sortby=id");
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(null);
        assertEquals(sorted, byId);
        List<String> byIdDesc = ids(http.get("/search?limit=3&sortby=-id").json());
        List<String> last3 = new ArrayList<>(sorted.subList(sorted.size() - 3, sorted.size()));
        java.util.Collections.reverse(last3);
        assertEquals(last3, byIdDesc);
        List<String> oldest = ids(http.get("/search?limit=2&sortby=%2Bdatetime").json());
        assertEquals(List.of(CHILE, runId(0)), oldest);
        List<String> newest = ids(http.get("/search?limit=1").json());
        assertEquals(List.of(JAPAN), newest, "newest first by default");
        ObjectNode body = Json.object();
        body.put("limit", 2);
        body.putArray("sortby").addObject().put("field", "properties.datetime").put("direction", "asc");
        assertEquals(List.of(CHILE, runId(0)), ids(http.post("/search", Json.compact(body)).json()));
        List<String> byOrbit = walkGet("/search?limit=5&sortby=sat:relative_orbit,id");
        assertEquals(all.size(), byOrbit.size());
    }

    @Test
    void aLargeLimitIsClampedNotRefused() {
        Http.Answer a = http.get("/search?limit=20000");
        assertEquals(200, a.status());
        assertEquals(all.size(), a.json().path("features").size());
        assertNull(link(a.json(), "next"));
    }

    @Test
    void anItemIngestedBetweenTwoPagesIsNeitherRepeatedNorLost() {
        JsonNode first = http.get("/search?limit=5&sortby=id").json();
        List<String> seen = new ArrayList<>(ids(first));
        // sorts among the pages still to come
        String late = "ALOS2999990650-190110-FBDR1.5GUA";
        ObjectNode doc = runScene(9);
        doc.put("id", late);
        doc.put("objectid", late);
        catalog.index(doc);
        try {
            String url = link(first, "next").path("href").asText();
            while (url != null) {
                JsonNode page = http.get(url).json();
                seen.addAll(ids(page));
                JsonNode next = link(page, "next");
                url = next == null ? null : next.path("href").asText();
            }
            assertEquals(seen.size(), new HashSet<>(seen).size(), "repeated: " + seen);
            assertTrue(seen.containsAll(all), "lost: " + all.stream().filter(id -> !seen.contains(id)).toList());
            assertTrue(seen.contains(late), "an item that sorts after the pages already read is listed");
        } finally {
            catalog.remove(late);
        }
    }

    @Test
    void badInputGets400Or404NamingTheParameter() {
        Map<String, String> bad = Map.ofEntries(
                Map.entry("/search?bbox=1,2,3", "bbox"),
                Map.entry("/search?bbox=a,b,c,d", "bbox"),
                Map.entry("/search?bbox=0,10,1,5", "bbox"),
                Map.entry("/search?bbox=0,0,200,1", "bbox"),
                Map.entry("/search?datetime=yesterday", "datetime"),
                Map.entry("/search?datetime=" + q("2020-01-02T00:00:00Z/2020-01-01T00:00:00Z"), "datetime"),
                Map.entry("/search?datetime=" + q("../.."), "datetime"),
                Map.entry("/search?limit=0", "limit"),
                Map.entry("/search?limit=-3", "limit"),
                Map.entry("/search?limit=ten", "limit"),
                Map.entry("/search?sortby=cloud_cover", "sortby"),
                Map.entry("/search?collections=nope", "nope"),
                Map.entry("/search?intersects=" + q("{\"type\":\"Polygon\"}"), "intersects"),
                Map.entry("/search?intersects=" + q("{not json"), "intersects"),
                Map.entry("/search?bbox=0,0,1,1&intersects=" + q("{\"type\":\"Point\",\"coordinates\":[0,0]}"), "bbox"),
                Map.entry("/search?token=garbage", "token"),
                Map.entry("/search?filter-lang=sql", "filter-lang"),
                Map.entry("/search?frobnicate=1", "frobnicate"),
                Map.entry("/collections/L1.5_geotiff/items?bbox=1,2", "bbox"),
                Map.entry("/collections/L1.5_geotiff/items?collections=x", "collections"));
        bad.forEach((url, param) -> assertError(http.get(url), 400, param));
        assertError(http.get("/nowhere"), 404, "/nowhere");
        assertError(http.get("/collections/nope/items"), 404, "nope");
        assertError(http.post("/search", "{\"limit\": \"ten\"}"), 400, "limit");
        assertError(http.post("/search", "{\"bbox\": [1, 2]}"), 400, "bbox");
        assertError(http.post("/search", "{\"sortby\": [{\"field\": \"datetime\", \"direction\": \"up\"}]}"), 400, "sortby");
        assertError(http.post("/search", "{\"ids\": \"A\"}"), 400, "ids");
        assertError(http.post("/search", "{not json"), 400, "body");
        assertError(http.post("/search", "[1, 2]"), 400, "body");
        assertError(http.post("/search", "{\"intersects\": {\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 1]]]}}"), 400, "intersects");
        assertError(http.post("/collections", "{}"), 405, "POST");
        assertError(http.method("DELETE", "/search"), 405, "DELETE");
        assertTrue(http.method("PUT", "/collections/L1.5_geotiff").header("Allow").contains("GET"));
    }

    @Test
    void hammeringWithJunkNeverGets5xx() {
        Random r = new Random(12);
        String[] params = {"bbox", "datetime", "limit", "ids", "collections", "intersects", "sortby", "token", "filter", "filter-lang", "x"};
        String[] junk = {"", ",", "..", "/", "-", "1e400", "NaN", "Infinity", "{", "}", "[]", "null", "%", "\u0000", "💥", "1,2,3,4,5",
                "-181,0,0,0", "2019-13-45T99:99:99Z", "../..", "+", "\"", "'", "9223372036854775808", "{\"type\":\"Point\",\"coordinates\":[]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}", "a".repeat(5000)};
        List<String> seen5xx = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder url = new StringBuilder(r.nextBoolean() ? "/search?" : "/collections/L1.5_geotiff/items?");
            for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) {
                url.append(params[r.nextInt(params.length)]).append('=').append(q(junk[r.nextInt(junk.length)])).append('&');
            }
            Http.Answer a = http.get(url.toString());
            if (a.status() >= 500) {
                seen5xx.add(url + " → " + a);
            }
            if (a.status() >= 400) {
                assertNotNull(a.json().get("description"), url + " → " + a);
            }
            ObjectNode body = Json.object();
            body.set(params[r.nextInt(params.length)], Json.MAPPER.valueToTree(junk[r.nextInt(junk.length)]));
            body.set(params[r.nextInt(params.length)], Json.MAPPER.valueToTree(List.of(r.nextInt(), junk[r.nextInt(junk.length)])));
            Http.Answer p = http.post("/search", Json.compact(body));
            if (p.status() >= 500) {
                seen5xx.add(body + " → " + p);
            }
        }
        for (String raw : List.of("/search?%", "/search?limit=%zz", "/%", "/collections/%2e%2e", "/search/../api")) {
            int status = Http.rawStatus(http.raw(raw));
            if (status >= 500) {
                seen5xx.add(raw + " → " + status);
            }
        }
        assertEquals(List.of(), seen5xx);
    }

    @Test
    void corsPreflightForTheConfiguredOrigin() {
        Http.Answer pre = http.method("OPTIONS", "/search", "Origin", ORIGIN, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type");
        assertEquals(204, pre.status());
        assertEquals(ORIGIN, pre.header("Access-Control-Allow-Origin"));
        assertTrue(pre.header("Access-Control-Allow-Methods").contains("POST"));
        assertEquals(ORIGIN, http.get("/collections", "Origin", ORIGIN).header("Access-Control-Allow-Origin"));
        assertNull(http.get("/collections", "Origin", "https://elsewhere.example").header("Access-Control-Allow-Origin"));
        assertFalse(http.get("/collections").headers().map().containsKey("access-control-allow-origin"));
    }
}
