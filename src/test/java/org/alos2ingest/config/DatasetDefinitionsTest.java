package org.alos2ingest.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.describe.Describer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetDefinitionsTest {

    @TempDir
    Path tmp;

    private final Settings settings = Settings.load(null, Map.of("ALOS2_INGEST_HOME", "/data/a2"));

    @Test
    void shippedDefinitionsRecogniseTheFourTypes() {
        DatasetDefinitions d = DatasetDefinitions.load(null);
        assertEquals("L1.5_geotiff", type(d, "/work/ALOS2146686640-170209-FBDR1.5GUA"));
        assertEquals("L2.1_geotiff", type(d, "/ALOS2233612910-180920-UBSR2.1GUD"));
        assertEquals("alos2_slc", type(d, "/ALOS2015976960-140909-FBDR1.1__A"));
        assertEquals("alos2_slc_md", type(d, "/ALOS2015976960-140909-FBDR1.1__A-md"));
        assertTrue(d.match("/ALOS2015976960-140909-FBDR1.5GUA.zip").isEmpty(), "patterns end with $");
        DatasetDefinition slc = d.byType("alos2_slc").orElseThrow();
        assertEquals("ALOS2-L1.1_SLC", slc.dataset());
        assertEquals("grq_v0.1_alos2-l1.1_slc", slc.indexName("v0.1"));
        assertEquals("grq_v0.2.4_alos2_geotiff", d.byType("L1.5_geotiff").orElseThrow().indexName("v0.2.4"));
    }

    private static String type(DatasetDefinitions d, String path) {
        return d.match(path).orElseThrow().definition().type();
    }

    @Test
    void fillsTheLocationTemplates() {
        DatasetMatch m = DatasetDefinitions.load(null).match("/ALOS2146686640-170209-FBDR1.5GUA").orElseThrow();
        assertEquals(Map.of("misc", "146686640", "year", "17", "month", "02", "day", "09", "misc2", "-FBDR", "misc3", "GUA"), m.groups());
        ObjectNode empty = Json.object();
        assertEquals("file:///data/a2/published/datasets/L1.5_geotiff/v0.2.4/2017/02/09/ALOS2146686640-170209-FBDR1.5GUA",
                m.publishLocation(settings, "v0.2.4", empty, empty));
        assertEquals("file:///data/a2/published/browse/L1.5_geotiff/v0.2.4/2017/02/09/ALOS2146686640-170209-FBDR1.5GUA",
                m.browseLocation(settings, "v0.2.4", empty, empty));
    }

    @Test
    void usersOwnDatasetsJsonWithPythonTemplatesAndS3Placeholders() throws IOException {
        Path file = tmp.resolve("datasets.json");
        Files.writeString(file, """
                {"datasets": [{
                  "ipath": "hysds::data/ALOS2_GeoTIFF", "level": "l1.5", "type": "L1.5_geotiff",
                  "match_pattern": "/ALOS2(?P<misc>\\\\d{9})-(?P<year>\\\\d{2})(?P<month>\\\\d{2})(?P<day>\\\\d{2})(?P<misc_2>.{5})1.5(?P<misc3>.{3})$",
                  "alt_match_pattern": null, "extractor": null,
                  "publish": {"s3-profile-name": "default",
                    "location": "s3://{{ DATASET_S3_ENDPOINT }}:80/{{ DATASET_BUCKET }}/datasets/{type}/{version}/track{met[trackNumber]}/{dataset[starttime]}/{{}}x{{}}",
                    "urls": ["http://{{ DATASET_BUCKET }}.{{ DATASET_S3_WEBSITE_ENDPOINT }}/{hostname}/{misc_2}"]}
                }]}""");
        DatasetMatch m = DatasetDefinitions.load(file).match("/ALOS2146686640-170209-FBDR1.5GUA").orElseThrow();
        ObjectNode met = Json.object().put("trackNumber", 32);
        ObjectNode ds = Json.object().put("starttime", "2017-02-09T05:10:58.457Z");
        Settings s3 = Settings.load(writeSettings("{\"DATASET_BUCKET\": \"my-bucket\", \"DATASET_S3_ENDPOINT\": \"s3.example.org\"}"), Map.of());
        assertEquals("s3://s3.example.org:80/my-bucket/datasets/L1.5_geotiff/v9/track32/2017-02-09T05:10:58.457Z/{}x{}",
                m.publishLocation(s3, "v9", ds, met));
        assertEquals(List.of("http://my-bucket.s3-website-us-west-2.amazonaws.com/host1/-FBDR"), m.publishUrls(s3, "v9", ds, met, "host1"));
        assertEquals("hysds", m.definition().ipath().split("::")[0]);
        assertTrue(m.definition().browse() == null);
        assertEquals(null, m.browseLocation(s3, "v9", ds, met));
    }

    private Path writeSettings(String json) throws IOException {
        return Files.writeString(tmp.resolve("settings.json"), json);
    }

    @Test
    void clearErrorsForBrokenConfiguration() throws IOException {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, "{\"datasets\": [{\"ipath\": \"a/b\", \"level\": \"l1.5\", \"type\": \"t\"}]}");
        ConfigException e = assertThrows(ConfigException.class, () -> DatasetDefinitions.load(file));
        assertTrue(e.getMessage().startsWith(file + ": datasets[0]: datasets[0].match_pattern is missing"), e.getMessage());

        DatasetMatch m = DatasetDefinitions.load(null).match("/ALOS2146686640-170209-FBDR1.5GUA").orElseThrow();
        Settings missing = Settings.of(Map.of());
        ConfigException e2 = assertThrows(ConfigException.class, () -> m.publishLocation(missing, "v1", Json.object(), Json.object()));
        assertTrue(e2.getMessage().contains("no setting DATASET_PUBLISH_ROOT"), e2.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Template.format("{nope}", Map.of(), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Template.format("{a:>10}", Map.of("a", "x"), Map.of()));
    }

    @Test
    void versionsPerTypeFromSettings() throws IOException {
        Describer d = new Describer(Settings.load(writeSettings("{\"VERSION_L2.1_geotiff\": \"v3.0\", \"ALOS2_SLC_VERSION\": \"v0.7\"}"), Map.of()),
                DatasetDefinitions.load(null), w -> { });
        DatasetDefinitions defs = DatasetDefinitions.load(null);
        assertEquals("v3.0", d.versionOf(defs.byType("L2.1_geotiff").orElseThrow()));
        assertEquals("v0.2.4", d.versionOf(defs.byType("L1.5_geotiff").orElseThrow()));
        assertEquals("v0.7", d.versionOf(defs.byType("alos2_slc").orElseThrow()));
        assertEquals("v0.7", d.versionOf(defs.byType("alos2_slc_md").orElseThrow()));
    }
}
