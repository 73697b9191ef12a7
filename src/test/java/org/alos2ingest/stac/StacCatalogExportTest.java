package org.alos2ingest.stac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Json;
import org.alos2ingest.config.Settings;
import org.alos2ingest.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collections from the catalog's type summaries, and the static catalog stac-export writes. */
class StacCatalogExportTest {

    @TempDir
    Path tmp;

    private static final Settings SETTINGS = Settings.load(null, Map.of("ALOS2_INGEST_HOME", "/data/alos2", "STAC_HOST_NAME", "Example EO Lab",
            "STAC_HOST_URL", "https://eo.example.org/", "STAC_LICENSE_URL", "https://example.org/alos2-terms"));

    @Test
    void oneValidCollectionPerKindWithExtentsFromTheCatalog() {
        List<ObjectNode> collections;
        try (SqliteCatalog c = new SqliteCatalog(IngestedHome.home().resolve("catalog.sqlite"))) {
            collections = new StacCollections(SETTINGS).collections(DatasetDefinitions.load(null), c.typeSummaries());
        }
        assertEquals(List.of("alos2_slc_md", "L1.5_geotiff", "L1.5_ceos", "L2.1_geotiff", "alos2_slc"),
                collections.stream().map(c -> c.path("id").asText()).toList());
        StacItems items = new StacItems();
        for (ObjectNode c : collections) {
            StacSchemas.assertValid(c);
            JsonNode box = c.path("extent").path("spatial").path("bbox").get(0);
            JsonNode interval = c.path("extent").path("temporal").path("interval").get(0);
            for (ObjectNode doc : IngestedHome.documents()) {
                if (!StacCollections.idOf(doc).equals(c.path("id").asText())) {
                    continue;
                }
                ObjectNode item = items.item(doc, AssetHrefs.published());
                JsonNode b = item.path("bbox");
                // a box across the antimeridian lies within [-180, 180] in longitude only as two parts
                if (b.get(0).asDouble() <= b.get(2).asDouble()) {
                    assertTrue(box.get(0).asDouble() <= b.get(0).asDouble() + 1e-4 && box.get(2).asDouble() >= b.get(2).asDouble() - 1e-4, c.path("id") + " " + box + " " + b);
                }
                assertTrue(box.get(1).asDouble() <= b.get(1).asDouble() + 1e-4 && box.get(3).asDouble() >= b.get(3).asDouble() - 1e-4, c.path("id") + " " + box + " " + b);
                assertTrue(interval.get(0).asText().compareTo(item.path("properties").path("start_datetime").asText()) <= 0);
                assertTrue(interval.get(1).asText().compareTo(item.path("properties").path("end_datetime").asText()) >= 0);
                JsonNode s = c.path("summaries");
                assertTrue(contains(s.path("sar:instrument_mode"), item.path("properties").path("sar:instrument_mode").asText()), c.toString());
                assertTrue(contains(s.path("sat:orbit_state"), item.path("properties").path("sat:orbit_state").asText()), c.toString());
                assertTrue(contains(s.path("processing:level"), item.path("properties").path("processing:level").asText()), c.toString());
            }
        }
        ObjectNode l15 = collections.get(1);
        assertEquals(Set.of("FBD", "WBD"), strings(l15.path("summaries").path("sar:instrument_mode")));
        assertEquals(Set.of("-180.0", "180.0"), Set.of(l15.path("extent").path("spatial").path("bbox").get(0).get(0).asText(),
                l15.path("extent").path("spatial").path("bbox").get(0).get(2).asText()), "the antimeridian scene spans the world's width");
        JsonNode providers = l15.path("providers");
        assertEquals(Set.of("producer", "licensor"), strings(providers.get(0).path("roles")));
        assertTrue(providers.get(0).path("name").asText().startsWith("JAXA"));
        assertEquals("Example EO Lab", providers.get(1).path("name").asText());
        assertTrue(strings(providers.get(1).path("roles")).contains("host"));
        assertEquals("https://eo.example.org/", providers.get(1).path("url").asText());
        assertEquals("https://example.org/alos2-terms", l15.path("links").get(0).path("href").asText());
    }

    @Test
    void anEmptyCatalogStillHasItsValidCollections() {
        try (SqliteCatalog c = new SqliteCatalog(tmp.resolve("empty.sqlite"))) {
            List<ObjectNode> collections = new StacCollections(Settings.load(null, Map.of("ALOS2_INGEST_HOME", "/x")))
                    .collections(DatasetDefinitions.load(null), c.typeSummaries());
            assertEquals(5, collections.size());
            for (ObjectNode col : collections) {
                StacSchemas.assertValid(col);
                assertTrue(col.path("extent").path("temporal").path("interval").get(0).get(0).isNull());
            }
        }
    }

    @Test
    void stacExportWritesAValidRelativeCatalogOfEveryDataset() throws Exception {
        Path out = tmp.resolve("stac");
        CliRun r = CliRun.run(IngestedHome.home(), "stac-export", out.toString());
        assertEquals(0, r.code(), r.err());
        int datasets = IngestedHome.documents().size();
        assertTrue(r.out().contains("5 collections, " + datasets + " items"), r.out());
        JsonNode root = Json.read(out.resolve("catalog.json"));
        StacSchemas.assertValid(root);
        List<Path> items = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        for (JsonNode child : links(root, "child")) {
            Path collectionFile = resolve(out.resolve("catalog.json"), child);
            JsonNode collection = Json.read(collectionFile);
            StacSchemas.assertValid(collection);
            assertEquals(out.resolve("catalog.json"), resolve(collectionFile, links(collection, "root").get(0)));
            for (JsonNode link : links(collection, "item")) {
                Path itemFile = resolve(collectionFile, link);
                JsonNode item = Json.read(itemFile);
                StacSchemas.assertValid(item);
                assertEquals(collection.path("id").asText(), item.path("collection").asText());
                assertEquals(collectionFile, resolve(itemFile, links(item, "collection").get(0)));
                assertEquals(collectionFile, resolve(itemFile, links(item, "parent").get(0)));
                assertEquals(out.resolve("catalog.json"), resolve(itemFile, links(item, "root").get(0)));
                // the assets are where they were published: file:// URLs under the home's publish folder
                for (JsonNode asset : item.path("assets")) {
                    Path file = Path.of(java.net.URI.create(asset.path("href").asText()));
                    assertTrue(Files.isRegularFile(file), asset.path("href").asText());
                }
                items.add(itemFile);
                ids.add(item.path("id").asText());
            }
        }
        assertEquals(datasets, items.size());
        assertEquals(datasets, ids.size(), "each dataset once");

        CliRun based = CliRun.run(IngestedHome.home(), "stac-export", "--asset-base-url", "https://data.example.org/alos2", tmp.resolve("b").toString());
        assertEquals(0, based.code(), based.err());
        JsonNode item = Json.read(tmp.resolve("b/L1.5_geotiff").resolve(IngestedHome.FBD).resolve(IngestedHome.FBD + ".json"));
        assertEquals("https://data.example.org/alos2/datasets/L1.5_geotiff/v0.2.4/2017/02/09/" + IngestedHome.FBD + "/" + IngestedHome.FBD + ".zip",
                item.path("assets").path("data").path("href").asText());

        CliRun bad = CliRun.run(IngestedHome.home(), "stac-export", "--assets", "ftp", tmp.resolve("c").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--assets: ftp is not a kind of asset link; one of published, s3"), bad.err());
        assertFalse(Files.exists(tmp.resolve("c/catalog.json")));
    }

    private static List<JsonNode> links(JsonNode stac, String rel) {
        List<JsonNode> out = new ArrayList<>();
        stac.path("links").forEach(l -> {
            if (l.path("rel").asText().equals(rel)) {
                out.add(l);
            }
        });
        assertFalse(out.isEmpty(), "no " + rel + " link in " + stac.path("id"));
        return out;
    }

    private static Path resolve(Path from, JsonNode link) {
        String href = link.path("href").asText();
        assertTrue(href.startsWith("./") || href.startsWith("../"), "relative link expected: " + href);
        Path p = from.getParent().resolve(href).normalize();
        assertTrue(Files.isRegularFile(p), href + " from " + from);
        return p;
    }

    private static boolean contains(JsonNode array, String value) {
        return strings(array).contains(value);
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
