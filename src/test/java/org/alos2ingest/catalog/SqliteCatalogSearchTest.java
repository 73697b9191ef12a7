package org.alos2ingest.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.cli.SearchCommandAccess;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.LonLat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search semantics of the embedded catalog, checked against {@link SearchQuery#matches}. */
class SqliteCatalogSearchTest {

    @TempDir
    Path tmp;

    private SqliteCatalog catalog;
    private final List<ObjectNode> docs = new ArrayList<>();

    static ObjectNode doc(String id, String start, String end, List<LonLat> ring, String level, String mode, int track, String dir, String type) {
        ObjectNode d = Json.object();
        d.put("id", id);
        d.put("dataset_type", type);
        d.put("dataset", "ALOS2_GeoTIFF");
        d.put("system_version", "v1");
        d.put("version", "v1");
        d.put("starttime", start);
        d.put("endtime", end);
        ObjectNode loc = Footprint.ofRing(ring, "t").toGeoJson();
        loc.put("type", loc.path("type").asText().toLowerCase());
        d.set("location", loc);
        ObjectNode met = d.putObject("metadata");
        met.put("level", level);
        met.putObject("dfdn").put("AcquistionMode", mode);
        met.put("trackNumber", track);
        met.put("direction", dir);
        return d;
    }

    static List<LonLat> box(double w, double s, double e, double n) {
        return List.of(new LonLat(w, s), new LonLat(e, s), new LonLat(e, n), new LonLat(w, n));
    }

    @BeforeEach
    void fill() {
        catalog = new SqliteCatalog(tmp.resolve("c.sqlite"));
        docs.add(doc("ALOS2146686640-170209-FBDR1.5GUA", "2017-02-09T05:10:58.457Z", "2017-02-09T05:11:08.457Z",
                box(-70.7, -27.6, -69.7, -26.7), "L1.5", "FBD", 32, "ascending", "L1.5_geotiff"));
        docs.add(doc("ALOS2337294000-200821-UBSL1.5GUD", "2020-08-21T08:10:51.491Z", "2020-08-21T08:11:01.491Z",
                box(57.3, -21.0, 58.1, -20.2), "L1.5", "UBS", 63, "descending", "L1.5_geotiff"));
        docs.add(doc("ALOS2500000100-240102-WBDR2.1GUD", "2024-01-02T02:48:44.100Z", "2024-01-02T02:49:36.100Z",
                box(138.0, 35.8, 142.4, 39.4), "L2.1", "WBD", 100, "descending", "L2.1_geotiff"));
        docs.add(doc("ALOS2400000200-220305-FBDR1.1__A", "2022-03-05T12:00:00.000Z", "2022-03-05T12:00:10.000Z",
                box(179.5, -17.0, -179.4, -16.2), "L1.1", "FBD", 5, "ascending", "alos2_slc"));
        catalog.indexAll(docs);
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    private List<String> ids(SearchQuery q) {
        List<String> got = catalog.search(q).stream().map(d -> d.path("id").asText()).toList();
        List<String> expected = docs.stream().filter(q::matches)
                .sorted((a, b) -> b.path("starttime").asText().compareTo(a.path("starttime").asText()))
                .map(d -> d.path("id").asText()).toList();
        assertEquals(expected, got, "catalog agrees with the reference semantics");
        return got;
    }

    @Test
    void allNewestFirst() {
        assertEquals(List.of("ALOS2500000100-240102-WBDR2.1GUD", "ALOS2400000200-220305-FBDR1.1__A",
                "ALOS2337294000-200821-UBSL1.5GUD", "ALOS2146686640-170209-FBDR1.5GUA"), ids(SearchQuery.all()));
        assertEquals(4, catalog.count());
    }

    @Test
    void bboxAndPolygonIntersection() {
        assertEquals(List.of("ALOS2146686640-170209-FBDR1.5GUA"), ids(SearchQuery.all().withArea(SearchCommandAccess.bbox("-71,-28,-69,-26"))));
        // inside the bounding box of the Chilean scene but outside its (tilted) footprint? boxes here are exact:
        assertEquals(List.of(), ids(SearchQuery.all().withArea(SearchCommandAccess.bbox("-69.6,-26.6,-69.5,-26.5"))));
        // a triangle touching only the Japanese scene
        ObjectNode tri = Json.object();
        tri.put("type", "Polygon");
        tri.putArray("coordinates").addArray().add(Json.MAPPER.valueToTree(new double[] {141, 38}))
                .add(Json.MAPPER.valueToTree(new double[] {145, 38})).add(Json.MAPPER.valueToTree(new double[] {145, 42}))
                .add(Json.MAPPER.valueToTree(new double[] {141, 38}));
        assertEquals(List.of("ALOS2500000100-240102-WBDR2.1GUD"), ids(SearchQuery.all().withArea(Footprint.GeoJson.read(tri))));
    }

    @Test
    void antimeridianFootprintsAndQueries() {
        // the Fiji scene is split in two; a box on either side finds it, a box between the halves of the world does not
        assertEquals(List.of("ALOS2400000200-220305-FBDR1.1__A"), ids(SearchQuery.all().withArea(SearchCommandAccess.bbox("-179.9,-17,-179.5,-16"))));
        assertEquals(List.of("ALOS2400000200-220305-FBDR1.1__A"), ids(SearchQuery.all().withArea(SearchCommandAccess.bbox("179.6,-17,179.9,-16"))));
        // a query box across the antimeridian (west > east)
        assertEquals(List.of("ALOS2400000200-220305-FBDR1.1__A"), ids(SearchQuery.all().withArea(SearchCommandAccess.bbox("170,-20,-170,-10"))));
        assertEquals(List.of(), ids(SearchQuery.all().withArea(SearchCommandAccess.bbox("0,-20,10,-10"))));
    }

    @Test
    void timeRangeOverlap() {
        assertEquals(List.of("ALOS2146686640-170209-FBDR1.5GUA"),
                ids(SearchQuery.all().withTime(Instant.parse("2017-02-09T05:11:00Z"), Instant.parse("2017-02-09T05:11:01Z"))));
        assertEquals(List.of("ALOS2500000100-240102-WBDR2.1GUD", "ALOS2400000200-220305-FBDR1.1__A"),
                ids(SearchQuery.all().withTime(Instant.parse("2021-01-01T00:00:00Z"), null)));
        assertEquals(List.of("ALOS2146686640-170209-FBDR1.5GUA"), ids(SearchQuery.all().withTime(null, Instant.parse("2017-02-09T05:10:58.457Z"))));
    }

    @Test
    void levelModePathDirectionTypeFilters() {
        assertEquals(2, ids(SearchQuery.all().withLevels(Set.of("1.5"))).size());
        assertEquals(List.of("ALOS2500000100-240102-WBDR2.1GUD"), ids(SearchQuery.all().withLevels(Set.of("l2.1"))));
        assertEquals(2, ids(SearchQuery.all().withModes(Set.of("fbd"))).size());
        assertEquals(List.of("ALOS2146686640-170209-FBDR1.5GUA"), ids(SearchQuery.all().withTrack(32)));
        assertEquals(2, ids(SearchQuery.all().withDirection("D")).size());
        assertEquals(List.of("ALOS2400000200-220305-FBDR1.1__A"), ids(SearchQuery.all().withTypes(Set.of("alos2_slc"))));
        assertEquals(List.of("ALOS2146686640-170209-FBDR1.5GUA"), ids(SearchQuery.all().withModes(Set.of("FBD")).withDirection("ascending")
                .withLevels(Set.of("L1.5")).withArea(SearchCommandAccess.bbox("-180,-90,180,90"))));
        assertEquals(1, catalog.search(SearchQuery.all().withLimit(1)).size());
    }

    @Test
    void duplicatesReplaceAndRemove() {
        assertTrue(catalog.contains("ALOS2146686640-170209-FBDR1.5GUA"));
        assertEquals(Set.of("ALOS2146686640-170209-FBDR1.5GUA"), catalog.containsAny(List.of("ALOS2146686640-170209-FBDR1.5GUA", "nope")));
        assertEquals(Set.of("ALOS2146686640-170209-FBDR1.5GUA"), catalog.idsOfScene("ALOS2146686640-170209"));
        assertEquals(Set.of(), catalog.idsOfScene("ALOS2146686640-17020"));
        ObjectNode moved = doc("ALOS2146686640-170209-FBDR1.5GUA", "2017-02-09T05:10:58.457Z", "2017-02-09T05:11:08.457Z",
                box(10, 10, 11, 11), "L1.5", "FBD", 32, "ascending", "L1.5_geotiff");
        catalog.index(moved);
        docs.set(0, moved);
        assertEquals(4, catalog.count(), "re-indexing replaces");
        assertEquals(List.of(), ids(SearchQuery.all().withArea(SearchCommandAccess.bbox("-71,-28,-69,-26"))), "old footprint gone from the index");
        assertEquals(List.of("ALOS2146686640-170209-FBDR1.5GUA"), ids(SearchQuery.all().withArea(SearchCommandAccess.bbox("10.5,10.5,12,12"))));
        assertTrue(catalog.remove("ALOS2146686640-170209-FBDR1.5GUA"));
        assertFalse(catalog.remove("ALOS2146686640-170209-FBDR1.5GUA"));
        assertFalse(catalog.contains("ALOS2146686640-170209-FBDR1.5GUA"));
        assertEquals(3, catalog.count());
    }
}
