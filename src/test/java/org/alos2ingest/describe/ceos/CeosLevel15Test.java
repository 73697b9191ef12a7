package org.alos2ingest.describe.ceos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Settings;
import org.alos2ingest.describe.Describer;
import org.alos2ingest.describe.Description;
import org.alos2ingest.describe.Provenance;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.identify.Scene;
import org.alos2ingest.identify.SceneFinder;
import org.alos2ingest.testing.CeosLevel15Product;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Level 1.5 in CEOS format, rebuilt from the real fixture's values (FBDR1.5GUA, alos2-formats.md
 * 2.3 and 3.2.3): with its summary.txt the footprint is the summary's valid-data corners and the
 * leader adds its values; without one, times come from the image lines and the footprint from the
 * map projection record's frame corners. The dataset is ALOS2_CEOS.
 */
class CeosLevel15Test {

    static final String ID = CeosLevel15Product.ID;

    @TempDir
    Path dir;

    private Path product(boolean withSummary) throws Exception {
        return CeosLevel15Product.write(dir.resolve(withSummary ? "with" : "without"), withSummary);
    }

    private Description describe(Path p, List<String> warnings) {
        List<Scene> scenes = new SceneFinder(warnings::add).find(p);
        Describer d = new Describer(Settings.load(null, Map.of("ALOS2_INGEST_HOME", dir.toString())), DatasetDefinitions.load(null), warnings::add);
        return d.describe(scenes.get(0), Provenance.local(p));
    }

    @Test
    void withoutSummaryTimesFromTheLinesAndTheFrameFromTheMapProjectionRecord() throws Exception {
        List<String> warnings = new ArrayList<>();
        Description d = describe(product(false), warnings);
        assertEquals("ALOS2_CEOS", d.met().path("dataset").asText());
        assertEquals("2014-09-09T04:33:42.052Z", d.met().path("starttime").asText());
        assertEquals("2014-09-09T04:33:52.052Z", d.met().path("endtime").asText());
        assertEquals("CEOS leader map projection record corners (raster frame)", d.footprint().method());
        List<LonLat> ring = d.footprint().ring();
        assertTrue(ring.contains(new LonLat(-62.9005207, -10.6794393)) && ring.contains(new LonLat(-62.1629744, -11.4221274)), ring.toString());
        JsonNode md = d.met().path("alos2md");
        assertEquals(-11.0510316, md.path("scene_center_latitude").asDouble(), 0);
        assertEquals(40.573, md.path("incidence_angle").asDouble(), 0);
        assertEquals("EICS", md.path("processing_facility").asText());
        assertEquals("high precision", md.path("orbit_precision").asText());
    }

    @Test
    void withSummaryTheValidDataCornersWin() throws Exception {
        List<String> warnings = new ArrayList<>();
        Description d = describe(product(true), warnings);
        assertEquals("ALOS2_CEOS", d.met().path("dataset").asText());
        assertEquals(Describer.SUMMARY_IMAGE_CORNERS, d.footprint().method());
        assertTrue(d.footprint().ring().contains(new LonLat(-62.163, -11.290)));
        assertEquals("FBDR1.5GUA", d.met().path("alos2md").path("pds_productid").asText());
        assertEquals(2122.3184485180, d.met().path("alos2md").path("prf").asDouble(), 1e-9, "and the leader's values join summary.txt's");
    }
}
