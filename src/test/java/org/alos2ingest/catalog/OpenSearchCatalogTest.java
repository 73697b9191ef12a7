package org.alos2ingest.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.IsoTime;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.OpenSearchServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to the GRQ catalog in OpenSearch: index names, aliases, mapping, templates. */
class OpenSearchCatalogTest {

    static final OpenSearchServer OS = OpenSearchServer.shared();

    @TempDir
    Path tmp;

    private static JsonNode get(String path) throws IOException {
        return Json.MAPPER.readTree(OS.call("GET", path, null));
    }

    private static Set<String> names(Iterator<String> it) {
        Set<String> s = new TreeSet<>();
        it.forEachRemaining(s::add);
        return s;
    }

    @Test
    void indicesAreNamedAsGrqNamesThemBehindOneAlias() throws IOException {
        String prefix = OpenSearchServer.newPrefix("grq");
        List<ObjectNode> docs = CatalogContract.fixtures();
        try (Catalog c = Catalogs.open(OS.catalogUri(prefix), GrqDocuments.DEFINITIONS)) {
            c.indexAll(docs);
            String geotiff = prefix + "_v0.2.4_alos2_geotiff";
            String slc = prefix + "_v0.1_alos2-l1.1_slc";
            String md = prefix + "_v0.1_alos2-l1.1_md";
            assertEquals(Set.of(geotiff, slc, md), names(get("/_alias/" + prefix).fieldNames()));
            assertEquals(4, get("/" + geotiff + "/_count").path("count").asInt());
            assertEquals(2, get("/" + slc + "/_count").path("count").asInt());
            assertEquals(1, get("/" + md + "/_count").path("count").asInt());
            // the same names GRQ gives with its own prefix
            assertEquals("grq_v0.2.4_alos2_geotiff", OpenSearchCatalog.indexName("grq", "v0.2.4", "ALOS2_GeoTIFF", null));
            assertEquals(GrqDocuments.DEFINITIONS.byType("alos2_slc").orElseThrow().indexName("v0.1"),
                    OpenSearchCatalog.indexName("grq", "v0.1", "ALOS2-L1.1_SLC", null));
            // the document's _id is the dataset id, and its source is the GRQ document as built
            JsonNode doc = get("/" + geotiff + "/_doc/" + CatalogContract.CHILE);
            assertTrue(doc.path("found").asBoolean());
            assertEquals(docs.get(0), doc.path("_source"));
        } finally {
            OS.drop(prefix);
        }
    }

    @Test
    void theMappingIsGrqs() throws IOException {
        String prefix = OpenSearchServer.newPrefix("mapping");
        try (Catalog c = Catalogs.open(OS.catalogUri(prefix), GrqDocuments.DEFINITIONS)) {
            c.indexAll(CatalogContract.fixtures());
            JsonNode p = get("/" + prefix + "_v0.2.4_alos2_geotiff/_mapping").elements().next().path("mappings").path("properties");
            assertEquals("geo_shape", p.path("location").path("type").asText());
            assertEquals("geo_shape", p.path("center").path("type").asText());
            for (String f : List.of("starttime", "endtime", "creation_timestamp", "@timestamp")) {
                assertEquals("date", p.path(f).path("type").asText(), f);
            }
            assertEquals("text", p.path("urls").path("type").asText());
            assertFalse(p.path("urls").has("fields"), "urls are text only");
            assertEquals("text", p.path("browse_urls").path("type").asText());
            for (JsonNode f : List.of(p.path("dataset"), p.path("dataset_type"), p.path("metadata").path("properties").path("level"),
                    p.path("metadata").path("properties").path("dfdn").path("properties").path("AcquistionMode"),
                    p.path("metadata").path("properties").path("alos2md").path("properties").path("img_scenestartdatetime"))) {
                assertEquals("text", f.path("type").asText(), f.toString());
                assertEquals("keyword", f.path("fields").path("keyword").path("type").asText());
                assertEquals(256, f.path("fields").path("keyword").path("ignore_above").asInt());
            }
            assertFalse(p.path("metadata").path("properties").path("context").path("enabled").asBoolean(true));
            assertEquals("long", p.path("metadata").path("properties").path("trackNumber").path("type").asText());
            assertEquals("keyword", p.path("prov").path("properties").path("wasDerivedFrom").path("type").asText());
            assertEquals("keyword", p.path("prov").path("properties").path("wasGeneratedBy").path("type").asText());
        } finally {
            OS.drop(prefix);
        }
    }

    @Test
    void aNewVersionMovesTheDatasetToItsIndex() throws IOException {
        String prefix = OpenSearchServer.newPrefix("move");
        try (Catalog c = Catalogs.open(OS.catalogUri(prefix), GrqDocuments.DEFINITIONS)) {
            ObjectNode doc = CatalogContract.fixtures().get(0);
            c.index(doc);
            c.index(GrqDocuments.of(CatalogContract.CHILE, IsoTime.parse(doc.path("starttime").asText()), IsoTime.parse(doc.path("endtime").asText()),
                    Footprint.fromGeoJson(doc.path("location"), "test"), "v0.3"));
            assertEquals(0, get("/" + prefix + "_v0.2.4_alos2_geotiff/_count").path("count").asInt());
            assertEquals(1, get("/" + prefix + "_v0.3_alos2_geotiff/_count").path("count").asInt());
            assertEquals(1, c.count());
        } finally {
            OS.drop(prefix);
        }
    }

    @Test
    void definitionsChooseIndexSuffixAndAliases() throws IOException {
        String json = new String(DatasetDefinitions.class.getResourceAsStream("/org/alos2ingest/datasets.json").readAllBytes())
                .replaceFirst("\"type\": \"L1.5_geotiff\",", "\"type\": \"L1.5_geotiff\", \"index\": {\"suffix\": \"alos2_l15\", \"aliases\": [\"ALOS2_everything\"]},");
        Path file = Files.writeString(tmp.resolve("datasets.json"), json);
        String prefix = OpenSearchServer.newPrefix("suffix");
        try (Catalog c = Catalogs.open(OS.catalogUri(prefix), DatasetDefinitions.load(file))) {
            c.indexAll(CatalogContract.fixtures());
            assertEquals(3, get("/" + prefix + "_alos2_l15/_count").path("count").asInt(), "the three L1.5 datasets");
            assertEquals(3, get("/alos2_everything/_count").path("count").asInt());
            assertEquals(7, c.count());
        } finally {
            OS.drop(prefix);
            OS.call("DELETE", "/_alias/alos2_everything", null);
        }
    }

    @Test
    void aTemplateAGrqDeploymentInstalledIsLeftAlone() throws IOException {
        String prefix = OpenSearchServer.newPrefix("foreign");
        OS.call("PUT", "/_template/" + prefix, "{\"index_patterns\": [\"" + prefix + "_*\"], \"aliases\": {\"" + prefix + "\": {}},"
                + " \"mappings\": {\"properties\": {\"location\": {\"type\": \"geo_shape\"}, \"starttime\": {\"type\": \"date\"},"
                + " \"endtime\": {\"type\": \"date\"}, \"deployment_marker\": {\"type\": \"keyword\"}}}}");
        try (Catalog c = Catalogs.open(OS.catalogUri(prefix), GrqDocuments.DEFINITIONS)) {
            c.indexAll(CatalogContract.fixtures());
            assertTrue(OS.call("GET", "/_index_template/" + prefix, null).contains("index_template_missing_exception")
                    || OS.call("GET", "/_index_template/" + prefix, null).contains("resource_not_found"), "no template of ours");
            JsonNode p = get("/" + prefix + "_v0.2.4_alos2_geotiff/_mapping").elements().next().path("mappings").path("properties");
            assertEquals("keyword", p.path("deployment_marker").path("type").asText(), "the deployment's mapping was used");
            assertEquals(7, c.count());
        } finally {
            OS.drop(prefix);
            OS.call("DELETE", "/_template/" + prefix, null);
        }
    }

    @Test
    void theSearchCommandAsksIt() {
        String prefix = OpenSearchServer.newPrefix("cli");
        try (Catalog c = Catalogs.open(OS.catalogUri(prefix), GrqDocuments.DEFINITIONS)) {
            c.indexAll(CatalogContract.fixtures());
            CliRun r = CliRun.run(tmp, "search", "--catalog", OS.catalogUri(prefix), "--bbox", "170,-20,-170,70", "--format", "ids");
            assertEquals(0, r.code(), r.toString());
            assertEquals(List.of(CatalogContract.CHUKOTKA, CatalogContract.FIJI), r.out().lines().toList());
        } finally {
            OS.drop(prefix);
        }
    }

    @Test
    void aCatalogConfigFileAndItsErrors() throws IOException {
        String prefix = OpenSearchServer.newPrefix("config");
        Path file = Files.writeString(tmp.resolve("catalog.json"), "{\"url\": \"" + OS.url() + "\", \"prefix\": \"" + prefix + "\"}");
        try (Catalog c = Catalogs.open(file.toString())) {
            assertEquals(OS.catalogUri(prefix), c.describe());
            c.index(CatalogContract.fixtures().get(3));
            assertEquals(1, c.count());
        } finally {
            OS.drop(prefix);
        }
        try (Catalog c = Catalogs.open("opensearch://127.0.0.1:9/" + prefix)) {
            CatalogException e = assertThrows(CatalogException.class, () -> c.contains("x"));
            assertTrue(e.getMessage().startsWith("opensearch://127.0.0.1:9/" + prefix + ": cannot connect"), e.getMessage());
        }
    }
}
