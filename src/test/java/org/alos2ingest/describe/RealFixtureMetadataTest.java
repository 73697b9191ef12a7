package org.alos2ingest.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.Deliveries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * met.json and dataset.json of the two real JAXA products of the fixtures, field by field against
 * the values in their summary.txt and KML.
 */
class RealFixtureMetadataTest {

    @TempDir
    Path tmp;

    private JsonNode[] ingest(String preset, String fixture, String id) throws Exception {
        Path folder = Deliveries.realFixtureFolder(tmp.resolve("in"), preset, fixture);
        Path home = tmp.resolve("home");
        CliRun r = CliRun.run(home, "ingest", folder.toString());
        assertEquals(0, r.code(), r.err());
        Path product;
        try (Stream<Path> s = Files.walk(home.resolve("published/datasets"))) {
            product = s.filter(p -> p.getFileName().toString().equals(id)).findFirst().orElseThrow();
        }
        return new JsonNode[] {Json.read(product.resolve(id + ".met.json")), Json.read(product.resolve(id + ".dataset.json")),
                Json.MAPPER.valueToTree(product.toString())};
    }

    @Test
    void fbdAscendingRightLookingPath32() throws Exception {
        String id = "ALOS2146686640-170209-FBDR1.5GUA";
        JsonNode[] j = ingest("fbd", "ALOS2146686640-170209", id);
        JsonNode met = j[0];
        assertEquals(id, met.path("prod_name").asText());
        assertEquals("ALOS2", met.path("spacecraftName").asText());
        assertEquals("ALOS2", met.path("platform").asText());
        assertEquals("ALOS2", met.path("dataset_type").asText());
        assertEquals(14668, met.path("orbitNumber").asInt());
        assertTrue(met.path("orbitNumber").isInt());
        assertEquals(6640, met.path("frameID").asInt());
        assertEquals(32, met.path("trackNumber").asInt(), "KML Path No");
        assertEquals("2017-02-09", met.path("prod_date").asText());
        assertEquals("FBD", met.path("dfdn").path("AcquistionMode").asText());
        assertEquals("R", met.path("dfdn").path("LookSide").asText());
        assertEquals("right", met.path("lookDirection").asText());
        assertEquals("L1.5", met.path("level").asText());
        assertEquals("G", met.path("processingOption").asText());
        assertEquals("U", met.path("mapProjection").asText());
        assertEquals("ascending", met.path("direction").asText());
        assertEquals("2017-02-09T05:10:58.457Z", met.path("starttime").asText());
        assertEquals("2017-02-09T05:11:08.457Z", met.path("endtime").asText());
        assertEquals("ALOS2_GeoTIFF", met.path("dataset").asText());
        assertEquals("jaxa", met.path("source").asText());
        assertEquals(id + ".zip", met.path("archive_filename").asText());
        assertEquals(tmp.resolve("in").resolve("ALOS2146686640-170209").toAbsolutePath().toString(), met.path("download_source").asText());
        // alos2md: every key of the real file, lower-cased, value as written
        assertEquals(61, met.path("alos2md").size());
        assertEquals("SARD000000148073-00012-001-019", met.path("alos2md").path("odi_sceneid").asText());
        assertEquals("19", met.path("alos2md").path("pds_utm_zoneno").asText());
        assertEquals("", met.path("alos2md").path("ach_prf_check").asText());
        assertEquals("https://stac-extensions.github.io/sar/v1.0.0/schema.json", met.path("alos2md").path("lbi_sensor").asText());
        // footprint: the Img_ImageScene corners, counter-clockwise like JAXA's KML: LT, LB, RB, RT, LT
        assertRing(met.path("location"), new double[][] {
                {-70.663, -26.935}, {-70.501, -27.543}, {-69.781, -27.384}, {-69.947, -26.776}, {-70.663, -26.935}});
        JsonNode ds = j[1];
        assertEquals("v0.2.4", ds.path("version").asText());
        assertEquals(id, ds.path("label").asText());
        assertEquals("2017-02-09T05:10:58.457Z", ds.path("starttime").asText());
        assertEquals("2017-02-09T05:11:08.457Z", ds.path("endtime").asText());
        assertEquals(met.path("location"), ds.path("location"));
        assertTrue(j[2].asText().endsWith("datasets/L1.5_geotiff/v0.2.4/2017/02/09/" + id), j[2].asText());
    }

    @Test
    void ubsDescendingLeftLookingPath63() throws Exception {
        String id = "ALOS2337294000-200821-UBSL1.5GUD";
        JsonNode[] j = ingest("ubs", "ALOS2337294000-200821", id);
        JsonNode met = j[0];
        assertEquals(33729, met.path("orbitNumber").asInt());
        assertEquals(4000, met.path("frameID").asInt());
        assertEquals(63, met.path("trackNumber").asInt(), "KML Path No");
        assertEquals("2020-08-21", met.path("prod_date").asText());
        assertEquals("UBS", met.path("dfdn").path("AcquistionMode").asText());
        assertEquals("L", met.path("dfdn").path("LookSide").asText());
        assertEquals("left", met.path("lookDirection").asText());
        assertEquals("descending", met.path("direction").asText());
        assertEquals("L1.5", met.path("level").asText());
        assertEquals("2020-08-21T08:10:51.491Z", met.path("starttime").asText());
        assertEquals("2020-08-21T08:11:01.491Z", met.path("endtime").asText());
        assertEquals(59, met.path("alos2md").size());
        assertEquals("40", met.path("alos2md").path("pds_utm_zoneno").asText());
        // LT, RT, RB, LB runs clockwise in this product: the ring is reversed to be counter-clockwise
        assertRing(met.path("location"), new double[][] {
                {57.477, -20.217}, {57.348, -20.829}, {57.890, -20.926}, {58.016, -20.315}, {57.477, -20.217}});
        assertEquals(List.of("HH"), Json.MAPPER.convertValue(met.path("polarisations"), List.class));
    }

    private static void assertRing(JsonNode location, double[][] expected) {
        assertEquals("Polygon", location.path("type").asText());
        JsonNode ring = location.path("coordinates").get(0);
        assertEquals(expected.length, ring.size(), ring.toString());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], ring.get(i).get(0).asDouble(), 1e-9, "lon " + i);
            assertEquals(expected[i][1], ring.get(i).get(1).asDouble(), 1e-9, "lat " + i);
        }
    }
}
