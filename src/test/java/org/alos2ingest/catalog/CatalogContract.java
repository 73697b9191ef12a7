package org.alos2ingest.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.IsoTime;
import org.alos2ingest.geo.LonLat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * What every catalog must do, run against each implementation: the same documents, the same
 * queries, and the same answers, both as listed here by hand and as {@link SearchQuery#matches}
 * (the reference semantics) computes them.
 */
abstract class CatalogContract {

    /** FBD L1.5 ascending over northern Chile: the real fixture's scene, corners and times. */
    static final String CHILE = "ALOS2146686640-170209-FBDR1.5GUA";
    /** The same scene's Level 1.1 product. */
    static final String CHILE_SLC = "ALOS2146686640-170209-FBDR1.1__A";
    /** Its archive metadata dataset. */
    static final String CHILE_MD = "ALOS2146686640-170209-FBDR1.1__A-md";
    /** UBS L1.5 descending over Japan (the real UBS fixture). */
    static final String JAPAN_UBS = "ALOS2337294000-200821-UBSL1.5GUD";
    /** WBD L2.1 descending ScanSAR over Japan. */
    static final String JAPAN_WBD = "ALOS2513502850-240102-WBDR2.1GUD";
    /** HBQ L1.1 ascending over Fiji, crossing the antimeridian. */
    static final String FIJI = "ALOS2265433650-190505-HBQR1.1__A";
    /** FBS L1.5 descending just west of the antimeridian (Chukotka). */
    static final String CHUKOTKA = "ALOS2400001300-211111-FBSL1.5GUD";

    protected Catalog catalog;

    protected abstract Catalog open();

    @BeforeEach
    void openCatalog() {
        catalog = open();
    }

    @AfterEach
    void closeCatalog() {
        catalog.close();
    }

    static List<ObjectNode> fixtures() {
        return List.of(
                GrqDocuments.of(CHILE, "2017-02-09T05:10:58.457Z", "2017-02-09T05:11:08.457Z",
                        -70.663, -26.935, -69.947, -26.776, -69.781, -27.384, -70.501, -27.543),
                GrqDocuments.of(CHILE_SLC, "2017-02-09T05:10:58.000Z", "2017-02-09T05:11:08.000Z",
                        -70.70, -26.90, -69.90, -26.75, -69.75, -27.40, -70.55, -27.56),
                GrqDocuments.of(CHILE_MD, "2017-02-09T05:10:58.000Z", "2017-02-09T05:11:08.000Z",
                        -70.70, -26.90, -69.90, -26.75, -69.75, -27.40, -70.55, -27.56),
                GrqDocuments.of(JAPAN_UBS, "2020-08-21T02:41:28.200Z", "2020-08-21T02:41:33.200Z",
                        139.70, 35.80, 140.05, 35.76, 140.00, 35.52, 139.65, 35.56),
                GrqDocuments.of(JAPAN_WBD, "2024-01-02T02:49:10.100Z", "2024-01-02T02:50:05.300Z",
                        138.00, 37.00, 141.50, 36.50, 141.00, 34.50, 137.50, 35.00),
                GrqDocuments.of(FIJI, "2019-05-05T10:20:30.000Z", "2019-05-05T10:20:40.000Z",
                        179.60, -17.00, -179.70, -17.10, -179.80, -17.60, 179.50, -17.50),
                GrqDocuments.of(CHUKOTKA, "2021-11-11T21:00:00.000Z", "2021-11-11T21:00:10.000Z",
                        -179.90, 65.50, -179.20, 65.50, -179.20, 65.10, -179.90, 65.10));
    }

    /** The ids the reference semantics gives, in the catalog's order (newest start first, then id). */
    static List<String> expected(List<ObjectNode> docs, SearchQuery q) {
        return docs.stream().filter(q::matches)
                .sorted(Comparator.<ObjectNode, Instant>comparing(d -> IsoTime.parse(d.path("starttime").asText())).reversed()
                        .thenComparing(d -> d.path("id").asText()))
                .limit(q.limit()).map(d -> d.path("id").asText()).toList();
    }

    private List<String> ids(SearchQuery q) {
        return catalog.search(q).stream().map(d -> d.path("id").asText()).toList();
    }

    /** Asserts both the hand-listed answer and agreement with the reference semantics. */
    private void check(SearchQuery q, String... expectedIds) {
        List<String> got = ids(q);
        assertEquals(expected(fixtures(), q), got, "reference semantics for " + q);
        assertEquals(List.of(expectedIds), got, "hand-listed answer for " + q);
    }

    private static Geometry bbox(double w, double s, double e, double n) {
        double east = e < w ? e + 360 : e;
        return Footprint.ofRing(List.of(new LonLat(w, s), new LonLat(east, s), new LonLat(east, n), new LonLat(w, n)), "query").geometry();
    }

    @Test
    void findsEverythingNewestFirst() {
        catalog.indexAll(fixtures());
        assertEquals(7, catalog.count());
        check(SearchQuery.all(), JAPAN_WBD, CHUKOTKA, JAPAN_UBS, FIJI, CHILE, CHILE_SLC, CHILE_MD);
        check(SearchQuery.all().withLimit(2), JAPAN_WBD, CHUKOTKA);
    }

    @Test
    void footprintIntersection() {
        catalog.indexAll(fixtures());
        check(SearchQuery.all().withArea(bbox(-71, -28, -69, -26)), CHILE, CHILE_SLC, CHILE_MD);
        // a box that touches none of Chile's footprints although its corners surround them in longitude
        check(SearchQuery.all().withArea(bbox(-71, -26.5, -69, -26.0)));
        // the UBS scene lies inside the ScanSAR scene
        check(SearchQuery.all().withArea(bbox(139.8, 35.6, 139.9, 35.7)), JAPAN_WBD, JAPAN_UBS);
        check(SearchQuery.all().withArea(bbox(138.2, 36.0, 138.5, 36.3)), JAPAN_WBD);
        GeoJsonArea triangle = new GeoJsonArea("{\"type\":\"Polygon\",\"coordinates\":[[[138.5,35.2],[139.0,35.2],[138.75,35.6],[138.5,35.2]]]}");
        check(SearchQuery.all().withArea(triangle.geometry()), JAPAN_WBD);
    }

    @Test
    void antimeridian() {
        catalog.indexAll(fixtures());
        // a query box crossing the antimeridian (west > east) finds footprints on both sides of it
        check(SearchQuery.all().withArea(bbox(179.0, -18.0, -179.0, -16.0)), FIJI);
        check(SearchQuery.all().withArea(bbox(179.0, 60.0, -179.0, 70.0)), CHUKOTKA);
        // each half of the split Fiji footprint is found on its own side
        check(SearchQuery.all().withArea(bbox(179.7, -17.3, 179.9, -17.2)), FIJI);
        check(SearchQuery.all().withArea(bbox(-179.95, -17.3, -179.75, -17.2)), FIJI);
        // a box between Fiji's halves' envelope and the seam that touches neither
        check(SearchQuery.all().withArea(bbox(-179.5, -18.0, -179.0, -16.0)));
        // the whole band around the Earth finds both, and nothing far away
        check(SearchQuery.all().withArea(bbox(170.0, -20.0, -170.0, 70.0)), CHUKOTKA, FIJI);
    }

    /**
     * A query box split at the antimeridian next to a footprint split there whose southern edge slopes
     * down away from the seam: they do not meet (found by the benchmark; OpenSearch once took the query's
     * half on -180 for a band around the Earth).
     */
    @Test
    void antimeridianQueryBesideASlopingFootprint() {
        ObjectNode arctic = GrqDocuments.of("ALOS2240705870-210429-WBSR1.1__D", "2021-04-29T12:00:00.000Z", "2021-04-29T12:01:00.000Z",
                174.712039679, 74.574633996, 180.0 + 9.269654719, 73.849996255, 180.0 + 12.544133292, 77.641865291, 177.986518252, 78.366503032);
        catalog.index(arctic);
        assertEquals("multipolygon", arctic.path("location").path("type").asText());
        assertEquals(List.of(), ids(SearchQuery.all().withArea(bbox(146.860108797, 37.327479431, -176.485396185, 73.98197445))));
        assertEquals(List.of(), ids(SearchQuery.all().withArea(bbox(-179.9, 37.3, -176.5, 73.98))));
        assertEquals(List.of("ALOS2240705870-210429-WBSR1.1__D"), ids(SearchQuery.all().withArea(bbox(146.86, 37.33, -176.49, 74.2))));
        assertEquals(List.of("ALOS2240705870-210429-WBSR1.1__D"), ids(SearchQuery.all().withArea(bbox(170, 74.4, 175, 75))));
    }

    @Test
    void timeOverlapIsInclusive() {
        catalog.indexAll(fixtures());
        check(SearchQuery.all().withTime(IsoTime.parse("2019-01-01"), IsoTime.parse("2021-01-01")), JAPAN_UBS, FIJI);
        Instant chileEnd = IsoTime.parse("2017-02-09T05:11:08.457Z");
        Instant chileStart = IsoTime.parse("2017-02-09T05:10:58.457Z");
        // ends exactly when the query starts: included; one millisecond later: not
        check(SearchQuery.all().withTime(chileEnd, null).withTypes(Set.of("L1.5_geotiff")), CHUKOTKA, JAPAN_UBS, CHILE);
        check(SearchQuery.all().withTime(chileEnd.plusMillis(1), chileEnd.plusSeconds(60)));
        // a start finer than a millisecond is not rounded into a match
        check(SearchQuery.all().withTime(chileEnd.plusNanos(1), chileEnd.plusSeconds(60)));
        // starts exactly when the query ends: included
        check(SearchQuery.all().withTime(null, chileStart), CHILE, CHILE_SLC, CHILE_MD);
        check(SearchQuery.all().withTime(null, chileStart.minusMillis(1)), CHILE_SLC, CHILE_MD);
        check(SearchQuery.all().withTime(null, chileStart.minusNanos(500_000)), CHILE_SLC, CHILE_MD);
    }

    @Test
    void acquisitionFilters() {
        catalog.indexAll(fixtures());
        check(SearchQuery.all().withLevels(Set.of("1.5")), CHUKOTKA, JAPAN_UBS, CHILE);
        check(SearchQuery.all().withLevels(Set.of("l1.1")), FIJI, CHILE_SLC, CHILE_MD);
        check(SearchQuery.all().withLevels(Set.of("L2.1", "1.5")), JAPAN_WBD, CHUKOTKA, JAPAN_UBS, CHILE);
        check(SearchQuery.all().withModes(Set.of("fbd", "UBS")), JAPAN_UBS, CHILE, CHILE_SLC, CHILE_MD);
        int chilePath = (14 * 14668 + 24) % 207;
        check(SearchQuery.all().withTrack(chilePath), CHILE, CHILE_SLC, CHILE_MD);
        check(SearchQuery.all().withDirection("D"), JAPAN_WBD, CHUKOTKA, JAPAN_UBS);
        check(SearchQuery.all().withDirection("ascending"), FIJI, CHILE, CHILE_SLC, CHILE_MD);
        check(SearchQuery.all().withTypes(Set.of("alos2_slc_md")), CHILE_MD);
        check(SearchQuery.all().withTypes(Set.of("alos2_slc", "L2.1_geotiff")), JAPAN_WBD, FIJI, CHILE_SLC);
        // everything at once
        check(SearchQuery.all().withArea(bbox(130, 30, 145, 45)).withTime(IsoTime.parse("2020-01-01"), null)
                .withLevels(Set.of("1.5", "2.1")).withModes(Set.of("UBS", "WBD")).withDirection("descending"), JAPAN_WBD, JAPAN_UBS);
        check(SearchQuery.all().withArea(bbox(130, 30, 145, 45)).withModes(Set.of("FBD")));
    }

    @Test
    void duplicateChecks() {
        assertFalse(catalog.contains(CHILE));
        assertEquals(Set.of(), catalog.containsAny(List.of(CHILE, FIJI)));
        assertEquals(Set.of(), catalog.idsOfScene("ALOS2146686640-170209"));
        catalog.indexAll(fixtures());
        assertTrue(catalog.contains(CHILE));
        assertTrue(catalog.contains(CHILE_MD));
        assertFalse(catalog.contains("ALOS2146686640-170209-FBDR1.5GUD"));
        assertEquals(List.of(CHILE, FIJI), new ArrayList<>(catalog.containsAny(List.of(CHILE, "ALOS2000000000-000101-FBDR1.5GUA", FIJI))));
        assertEquals(Set.of(CHILE, CHILE_SLC, CHILE_MD), catalog.idsOfScene("ALOS2146686640-170209"));
        assertEquals(Set.of(), catalog.idsOfScene("ALOS2146686640-170210"));
        // many ids at once
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            many.add(String.format("ALOS2%05d0000-170209-FBDR1.5GUA", i));
        }
        many.add(1234, JAPAN_UBS);
        assertEquals(Set.of(JAPAN_UBS), catalog.containsAny(many));
    }

    @Test
    void getReturnsTheDocumentAsIndexed() {
        List<ObjectNode> docs = fixtures();
        catalog.indexAll(docs);
        assertEquals(docs.get(0), catalog.get(CHILE).orElseThrow());
        assertEquals(docs.get(5), catalog.get(FIJI).orElseThrow());
        assertTrue(catalog.get("ALOS2146686640-170209-FBDR1.5GUD").isEmpty());
    }

    @Test
    void reingestReplaces() {
        catalog.indexAll(fixtures());
        ObjectNode again = GrqDocuments.of(CHILE, "2017-02-09T05:10:58.457Z", "2017-02-09T05:11:08.457Z",
                -70.663, -26.935, -69.947, -26.776, -69.781, -27.384, -70.501, -27.543);
        again.putArray("urls").add("s3://bucket/elsewhere/" + CHILE);
        catalog.index(again);
        assertEquals(7, catalog.count());
        assertEquals("s3://bucket/elsewhere/" + CHILE, catalog.get(CHILE).orElseThrow().path("urls").path(0).asText());
        // a new version of the dataset replaces the old one: one document per id
        ObjectNode newer = GrqDocuments.of(CHILE, IsoTime.parse("2017-02-09T05:10:58.457Z"), IsoTime.parse("2017-02-09T05:11:08.457Z"),
                Footprint.fromGeoJson(again.path("location"), "test"), "v0.9");
        catalog.index(newer);
        assertEquals(7, catalog.count());
        assertEquals("v0.9", catalog.get(CHILE).orElseThrow().path("version").asText());
        assertEquals(1, ids(SearchQuery.all().withArea(bbox(-71, -28, -69, -26))).stream().filter(CHILE::equals).count());
        // the same id twice in one batch: the last wins
        ObjectNode first = again.deepCopy();
        first.putArray("urls").add("first");
        ObjectNode last = again.deepCopy();
        last.putArray("urls").add("last");
        catalog.indexAll(List.of(first, last));
        assertEquals(7, catalog.count());
        assertEquals("last", catalog.get(CHILE).orElseThrow().path("urls").path(0).asText());
        // a moved footprint is searched where it is now
        ObjectNode moved = GrqDocuments.of(FIJI, "2019-05-05T10:20:30.000Z", "2019-05-05T10:20:40.000Z",
                10, 10, 11, 10, 11, 11, 10, 11);
        catalog.index(moved);
        assertEquals(List.of(), ids(SearchQuery.all().withArea(bbox(179.0, -18.0, -179.0, -16.0))));
        assertEquals(List.of(FIJI), ids(SearchQuery.all().withArea(bbox(10.2, 10.2, 10.4, 10.4))));
    }

    @Test
    void remove() {
        catalog.indexAll(fixtures());
        assertTrue(catalog.remove(FIJI));
        assertFalse(catalog.remove(FIJI));
        assertEquals(6, catalog.count());
        assertFalse(catalog.contains(FIJI));
        assertEquals(List.of(), ids(SearchQuery.all().withArea(bbox(179.0, -18.0, -179.0, -16.0))));
        assertTrue(catalog.get(FIJI).isEmpty());
    }

    @Test
    void refusesDocumentsItCannotSearch() {
        ObjectNode noId = fixtures().get(0);
        noId.remove("id");
        assertThrows(CatalogException.class, () -> catalog.index(noId));
        ObjectNode badPlace = fixtures().get(0);
        badPlace.putObject("location").put("type", "point");
        assertThrows(CatalogException.class, () -> catalog.index(badPlace));
        assertEquals(0, catalog.count());
    }

    /** Many random footprints, times and queries: the catalog and the reference semantics agree on every one. */
    @Test
    void agreesWithReferenceSemanticsOnRandomData() {
        Random r = new Random(20240611);
        List<ObjectNode> docs = SyntheticCatalog.documents(r, 400);
        catalog.indexAll(docs);
        assertEquals(400, catalog.count());
        int nonEmpty = 0;
        for (int i = 0; i < 60; i++) {
            SearchQuery q = SyntheticCatalog.query(r).withLimit(500);
            List<String> want = expected(docs, q);
            assertEquals(want, ids(q), "query " + i + ": " + q);
            nonEmpty += want.isEmpty() ? 0 : 1;
        }
        assertTrue(nonEmpty > 30, "the random queries should mostly find something, found for " + nonEmpty);
    }

    /** Collections' extents and summaries: per type, what the documents hold, the antimeridian included. */
    @Test
    void typeSummariesAgreeWithTheDocuments() {
        assertEquals(List.of(), catalog.typeSummaries(), "an empty catalog has no types");
        catalog.indexAll(fixtures());
        List<DatasetTypeSummary> got = catalog.typeSummaries();
        List<DatasetTypeSummary> want = DatasetTypeSummary.of(fixtures());
        assertEquals(want.stream().map(s -> s.type() + "/" + s.dataset() + "/" + s.count()).toList(),
                got.stream().map(s -> s.type() + "/" + s.dataset() + "/" + s.count()).toList());
        DatasetTypeSummary slc = got.stream().filter(s -> s.type().equals("alos2_slc")).findFirst().orElseThrow();
        // Chile's and Fiji's L1.1: Fiji's two parts reach both sides of the antimeridian
        assertEquals(2, slc.count());
        assertEquals(-180, slc.west(), 1e-4);
        assertEquals(180, slc.east(), 1e-4);
        assertEquals(-27.56, slc.south(), 1e-4);
        assertEquals(-17.0, slc.north(), 1e-4);
        assertEquals(IsoTime.parse("2017-02-09T05:10:58.000Z"), slc.start());
        assertEquals(IsoTime.parse("2019-05-05T10:20:40.000Z"), slc.end());
        for (int i = 0; i < want.size(); i++) {
            DatasetTypeSummary w = want.get(i);
            DatasetTypeSummary g = got.get(i);
            assertEquals(w.west(), g.west(), 1e-4, w.type());
            assertEquals(w.south(), g.south(), 1e-4, w.type());
            assertEquals(w.east(), g.east(), 1e-4, w.type());
            assertEquals(w.north(), g.north(), 1e-4, w.type());
            assertEquals(List.of(w.start(), w.end(), w.modes(), w.polarisations(), w.directions(), w.levels()),
                    List.of(g.start(), g.end(), g.modes(), g.polarisations(), g.directions(), g.levels()), w.type());
        }
        DatasetTypeSummary l15 = got.stream().filter(s -> s.type().equals("L1.5_geotiff")).findFirst().orElseThrow();
        assertEquals(Set.of("FBD", "UBS", "FBS"), l15.modes());
        assertEquals(Set.of("HH", "HV"), l15.polarisations());
        assertEquals(Set.of("ascending", "descending"), l15.directions());
        assertEquals(Set.of("L1.5"), l15.levels());
    }

    /** A query area read from GeoJSON, as --intersects reads it. */
    record GeoJsonArea(String json) {
        Geometry geometry() {
            try {
                return Footprint.GeoJson.read(org.alos2ingest.config.Json.MAPPER.readTree(json));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
