package org.alos2ingest.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The STAC item search on every catalog: pages, orders, times, areas and each CQL2 operator give
 * the answers of {@link ItemSearchReference} over the same documents, in both CQL2 encodings.
 */
abstract class ItemSearchContract {

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

    /** Synthetic scenes with varied polarisations (some single, some cross-pol only, some none). */
    static List<ObjectNode> documents(int n) {
        List<ObjectNode> docs = SyntheticCatalog.documents(new Random(1207), n);
        for (int i = 0; i < docs.size(); i++) {
            ObjectNode met = (ObjectNode) docs.get(i).path("metadata");
            if (i % 3 == 0) {
                met.putArray("polarisations").add("HH");
            } else if (i % 5 == 0) {
                met.putArray("polarisations").add("VV").add("VH");
            } else if (i % 7 == 0) {
                met.remove("polarisations");
            }
        }
        return docs;
    }

    private static List<String> ids(List<ObjectNode> docs) {
        return docs.stream().map(d -> d.path("id").asText()).toList();
    }

    /** Every page of a search, walked by its next tokens. */
    private List<String> walk(ItemSearch s, List<List<String>> pages) {
        List<String> all = new ArrayList<>();
        String token = null;
        for (int guard = 0; guard < 1000; guard++) {
            ItemPage p = catalog.searchItems(s.withAfter(token));
            pages.add(ids(p.items()));
            all.addAll(ids(p.items()));
            if (p.next().isEmpty()) {
                return all;
            }
            token = p.next().get();
        }
        throw new AssertionError("paging does not end");
    }

    @Test
    void walkingNextTokensListsEveryItemOnceInEachOrder() {
        List<ObjectNode> docs = documents(300);
        catalog.indexAll(docs);
        for (String sortby : List.of("", "+datetime", "id", "-id", "-sat:relative_orbit,+datetime", "sat:relative_orbit,-id")) {
            ItemSearch s = ItemSearch.all().withSort(ItemSort.parse(sortby)).withLimit(37);
            List<List<String>> pages = new ArrayList<>();
            List<String> got = walk(s, pages);
            List<String> want = ids(ItemSearchReference.page(docs, s.withLimit(10_000)).items());
            assertEquals(300, want.size());
            assertEquals(want, got, "sortby " + sortby);
            assertEquals(9, pages.size(), "sortby " + sortby + ": 8 full pages and 4 items");
            assertTrue(pages.subList(0, 8).stream().allMatch(p -> p.size() == 37));
        }
        // with a filter and an area the pages still add up to the whole answer
        ItemSearch s = ItemSearch.all().withArea(ItemSearch.bbox("-180,-60,180,60")).withFilter(ItemSearch.filterText("sat:orbit_state = 'ascending'"))
                .withLimit(11);
        assertEquals(ids(ItemSearchReference.page(docs, s.withLimit(10_000)).items()), walk(s, new ArrayList<>()));
    }

    @Test
    void anItemIndexedBetweenPagesIsNeitherRepeatedNorLost() {
        List<ObjectNode> docs = new ArrayList<>(CatalogContract.fixtures());
        catalog.indexAll(docs);
        ItemSearch s = ItemSearch.all().withLimit(3);
        ItemPage first = catalog.searchItems(s);
        assertEquals(List.of(CatalogContract.JAPAN_WBD, CatalogContract.CHUKOTKA, CatalogContract.JAPAN_UBS), ids(first.items()));
        // one older than the page's last item (still to come), one newer than everything (already passed)
        ObjectNode older = GrqDocuments.of("ALOS2300000000-190101-FBDR1.5GUA", "2019-01-01T00:00:00.000Z", "2019-01-01T00:00:10.000Z",
                10, 10, 11, 10, 11, 11, 10, 11);
        ObjectNode newer = GrqDocuments.of("ALOS2600000000-250101-FBDR1.5GUA", "2025-01-01T00:00:00.000Z", "2025-01-01T00:00:10.000Z",
                10, 10, 11, 10, 11, 11, 10, 11);
        catalog.indexAll(List.of(older, newer));
        List<String> afresh = walk(s, new ArrayList<>());
        List<String> after = new ArrayList<>();
        String token = first.next().orElseThrow();
        while (token != null) {
            ItemPage p = catalog.searchItems(s.withAfter(token));
            after.addAll(ids(p.items()));
            token = p.next().orElse(null);
        }
        List<String> all = new ArrayList<>(ids(first.items()));
        all.addAll(after);
        assertEquals(new HashSet<>(all).size(), all.size(), "no item twice: " + all);
        assertEquals(List.of(CatalogContract.JAPAN_WBD, CatalogContract.CHUKOTKA, CatalogContract.JAPAN_UBS, CatalogContract.FIJI,
                older.path("id").asText(), CatalogContract.CHILE, CatalogContract.CHILE_MD, CatalogContract.CHILE_SLC), all);
        // a walk begun afresh sees both new ones
        assertEquals(9, afresh.size());
        assertEquals(newer.path("id").asText(), afresh.get(0));
    }

    @Test
    void openDatetimeIntervalsAndInstants() {
        List<ObjectNode> docs = CatalogContract.fixtures();
        catalog.indexAll(docs);
        // equal centre times: then by id, in the same direction
        check(docs, ItemSearch.all().withDatetime("../2018-01-01T00:00:00Z"),
                CatalogContract.CHILE, CatalogContract.CHILE_MD, CatalogContract.CHILE_SLC);
        check(docs, ItemSearch.all().withDatetime("2021-01-01T00:00:00Z/.."), CatalogContract.JAPAN_WBD, CatalogContract.CHUKOTKA);
        check(docs, ItemSearch.all().withDatetime("2021-01-01T00:00:00Z/"), CatalogContract.JAPAN_WBD, CatalogContract.CHUKOTKA);
        check(docs, ItemSearch.all().withDatetime("/2018-01-01T00:00:00Z"), CatalogContract.CHILE, CatalogContract.CHILE_MD, CatalogContract.CHILE_SLC);
        check(docs, ItemSearch.all().withDatetime("../2018-01-01T00:00:00Z").withSort(ItemSort.parse("+datetime")),
                CatalogContract.CHILE_SLC, CatalogContract.CHILE_MD, CatalogContract.CHILE);
        check(docs, ItemSearch.all().withDatetime("2019-01-01T00:00:00Z/2021-01-01T00:00:00Z"), CatalogContract.JAPAN_UBS, CatalogContract.FIJI);
        // an instant inside the acquisition: overlap, not equality with the centre
        check(docs, ItemSearch.all().withDatetime("2019-05-05T10:20:31.5Z"), CatalogContract.FIJI);
        check(docs, ItemSearch.all().withDatetime("2019-05-05T10:20:40.000Z"), CatalogContract.FIJI);
        check(docs, ItemSearch.all().withDatetime("2019-05-05T10:20:40.001Z"));
    }

    @Test
    void bboxAcrossTheAntimeridian() {
        List<ObjectNode> docs = CatalogContract.fixtures();
        catalog.indexAll(docs);
        check(docs, ItemSearch.all().withArea(ItemSearch.bbox("179,-18,-179,-16")), CatalogContract.FIJI);
        check(docs, ItemSearch.all().withArea(ItemSearch.bbox("170,-20,-170,70")), CatalogContract.CHUKOTKA, CatalogContract.FIJI);
        check(docs, ItemSearch.all().withArea(ItemSearch.bbox("-179.5,-18,-179,-16")));
        check(docs, ItemSearch.all().withArea(ItemSearch.bbox("179.7,-17.3,0,179.9,-17.2,10")), CatalogContract.FIJI);
        check(docs, ItemSearch.all().withArea(ItemSearch.intersects(json("{\"type\":\"Point\",\"coordinates\":[139.8,35.65]}"))),
                CatalogContract.JAPAN_WBD, CatalogContract.JAPAN_UBS);
        check(docs, ItemSearch.all().withIds(List.of(CatalogContract.FIJI, CatalogContract.CHILE, "nope")), CatalogContract.FIJI, CatalogContract.CHILE);
        check(docs, ItemSearch.all().withCollections(List.of("alos2_slc_md", "L2.1_geotiff")), CatalogContract.JAPAN_WBD, CatalogContract.CHILE_MD);
    }

    private void check(List<ObjectNode> docs, ItemSearch s, String... expected) {
        List<String> got = ids(catalog.searchItems(s).items());
        assertEquals(ids(ItemSearchReference.page(docs, s).items()), got, "reference for " + s);
        assertEquals(List.of(expected), got);
    }

    /** Each operator, as CQL2-text and as CQL2-JSON, against the reference. */
    @Test
    void eachCql2OperatorInBothEncodings() {
        List<ObjectNode> docs = documents(300);
        catalog.indexAll(docs);
        int nonEmpty = 0;
        for (String[] c : Cql2Cases.CASES) {
            ItemSearch text = ItemSearch.all().withLimit(10_000).withFilter(ItemSearch.filterText(c[0]));
            ItemSearch json = ItemSearch.all().withLimit(10_000).withFilter(ItemSearch.filterJson(json(c[1])));
            List<String> want = ids(ItemSearchReference.page(docs, text).items());
            assertEquals(want, ids(ItemSearchReference.page(docs, json).items()), "text and JSON mean the same: " + c[0]);
            assertEquals(want, ids(catalog.searchItems(text).items()), c[0]);
            assertEquals(want, ids(catalog.searchItems(json).items()), c[1]);
            assertTrue(want.size() < 300 || c[0].contains("platform") || c[0].contains("NOT"), "a filter that filters: " + c[0]);
            nonEmpty += want.isEmpty() ? 0 : 1;
        }
        assertTrue(nonEmpty >= Cql2Cases.CASES.length - 3, "cases that find something: " + nonEmpty + " of " + Cql2Cases.CASES.length);
    }

    @Test
    void aLimitAboveTheMaximumIsClamped() {
        List<ObjectNode> docs = documents(120);
        catalog.indexAll(docs);
        ItemSearch s = ItemSearch.all().withLimit(50_000);
        assertEquals(10_000, s.limit());
        assertEquals(10_000, ItemSearch.all().withLimit(ItemSearch.limit("99999999999999999999")).limit());
        ItemPage p = catalog.searchItems(s);
        assertEquals(120, p.items().size());
        assertTrue(p.next().isEmpty());
        assertEquals(10, catalog.searchItems(ItemSearch.all()).items().size());
        InvalidSearchException e = assertThrows(InvalidSearchException.class, () -> ItemSearch.all().withLimit(0));
        assertEquals("limit", e.parameter());
    }

    @Test
    void badInputNamesTheParameter() {
        catalog.indexAll(CatalogContract.fixtures());
        bad("bbox", () -> ItemSearch.bbox("1,2,3"));
        bad("bbox", () -> ItemSearch.bbox("10,50,20,40"));
        bad("bbox", () -> ItemSearch.bbox("west,1,2,3"));
        bad("intersects", () -> ItemSearch.intersects(json("{\"type\":\"Circle\",\"coordinates\":[1,2]}")));
        bad("datetime", () -> ItemSearch.datetime("yesterday"));
        bad("datetime", () -> ItemSearch.datetime("2020-02-01T00:00:00Z/2020-01-01T00:00:00Z"));
        bad("datetime", () -> ItemSearch.datetime("../.."));
        bad("filter", () -> ItemSearch.all().withFilter(ItemSearch.filterText("cloud_cover < 10")));
        InvalidSearchException syntax = bad("filter", () -> ItemSearch.filterText("sat:relative_orbit = "));
        assertTrue(syntax.problem().contains("position 22"), syntax.getMessage());
        bad("filter", () -> ItemSearch.all().withFilter(ItemSearch.filterText("sat:relative_orbit = 'x'")));
        bad("filter", () -> ItemSearch.all().withFilter(ItemSearch.filterText("sat:relative_orbit = 1.5")));
        bad("filter", () -> ItemSearch.all().withFilter(ItemSearch.filterText("datetime > 5")));
        bad("filter", () -> ItemSearch.filterJson(json("{\"op\":\"~\",\"args\":[]}")));
        bad("sortby", () -> ItemSort.parse("cloud_cover"));
        bad("token", () -> catalog.searchItems(ItemSearch.all().withAfter("not-a-token")));
        String byId = catalog.searchItems(ItemSearch.all().withSort(ItemSort.parse("id")).withLimit(1)).next().orElseThrow();
        bad("token", () -> catalog.searchItems(ItemSearch.all().withAfter(byId)));
    }

    private static InvalidSearchException bad(String parameter, Supplier<?> call) {
        InvalidSearchException e = assertThrows(InvalidSearchException.class, call::get);
        assertEquals(parameter, e.parameter(), e.getMessage());
        assertFalse(e.problem().isBlank());
        return e;
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

}
