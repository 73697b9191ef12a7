package org.alos2ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.Catalogs;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.Ellipsoid;
import org.alos2ingest.geo.IsoTime;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.sample.ceos.CeosSampleDelivery;
import org.alos2ingest.sample.ceos.CeosSampleProduct;
import org.alos2ingest.sample.ceos.CeosSampleSpec;
import org.alos2ingest.sample.ceos.SampleGeometry;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.L11Samples;
import org.alos2ingest.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Level 1.1 deliveries (zips as JAXA packs them) ingested end to end through the command line. */
class IngestLevel11Test {

    @TempDir
    Path dir;

    private Path ingest(CeosSampleSpec spec) throws Exception {
        Path zip = CeosSampleDelivery.write(spec, dir.resolve(spec.deliveryName()), 6, Progress.silent());
        Path home = dir.resolve("home");
        CliRun r = CliRun.run("ingest", "--home", home.toString(), zip.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ingested " + spec.name().text()), r.out());
        return home;
    }

    private static Path published(Path home, String id) throws Exception {
        try (Stream<Path> s = Files.walk(home.resolve("published/datasets"))) {
            return s.filter(p -> p.getFileName().toString().equals(id) && Files.isDirectory(p)).findFirst().orElseThrow();
        }
    }

    /** Every corner of the truth has a footprint vertex within {@code metres}. */
    private static void cornersWithin(List<LonLat> truth, JsonNode polygon, double metres) {
        assertEquals("Polygon", polygon.path("type").asText());
        JsonNode ring = polygon.path("coordinates").get(0);
        assertEquals(5, ring.size(), "four corners, closed");
        for (LonLat t : truth) {
            double best = Double.MAX_VALUE;
            for (JsonNode v : ring) {
                best = Math.min(best, Ellipsoid.WGS84.distance(t, new LonLat(v.get(0).asDouble(), v.get(1).asDouble())));
            }
            assertTrue(best < metres, "corner " + t + " is " + best + " m from the footprint");
        }
    }

    @Test
    void stripmap() throws Exception {
        CeosSampleSpec spec = L11Samples.stripmap();
        CeosSampleProduct truth = new CeosSampleProduct(spec);
        SampleGeometry g = truth.geometry();
        Path home = ingest(spec);
        String id = spec.name().text();
        Path folder = published(home, id);
        assertTrue(folder.toString().contains("/datasets/alos2_slc/v0.1/2014/09/09/"), folder.toString());
        JsonNode met = Json.read(folder.resolve(id + ".met.json"));
        assertEquals("ALOS2-L1.1_SLC", met.path("dataset").asText());
        assertEquals("L1.1", met.path("level").asText());
        assertEquals("jaxa", met.path("source").asText());
        assertEquals(26, met.path("trackNumber").asInt());
        assertEquals(IsoTime.format(g.start()), met.path("starttime").asText());
        assertEquals(IsoTime.format(g.end()), met.path("endtime").asText());
        assertTrue(met.path("starttime").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        cornersWithin(g.corners(g.images().get(0)), met.path("location"), 30);
        assertTrue(met.path("footprint_method").asText().startsWith("CEOS leader facility-5 pixel/line polynomial"),
                met.path("footprint_method").asText());
        JsonNode md = met.path("alos2md");
        assertEquals("ALOS2015976960-140909", md.path("scs_sceneid").asText(), "summary.txt keys are kept");
        assertEquals(g.sceneCentre().lat(), md.path("scene_center_latitude").asDouble(), 1e-7);
        assertEquals(g.anglesAtCentre()[1], md.path("incidence_angle").asDouble(), 1e-3);
        assertEquals(g.anglesAtCentre()[0], md.path("off_nadir_angle").asDouble(), 1e-7);
        assertEquals(g.images().get(0).prf(), md.path("prf").asDouble(), 1e-6);
        assertEquals(spec.writtenSamplingRate(), md.path("range_sampling_rate").asDouble(), 1e-6);
        assertEquals("EICS", md.path("processing_facility").asText());
        assertEquals("high precision", md.path("orbit_precision").asText());
        assertEquals("ceos_leader", md.path("source").asText());
        assertTrue(md.path("geolocation").path("methods_difference_m").asDouble() < 30);
        assertTrue(md.path("geolocation").path("summary_corners_difference_m").asDouble() < 150, "summary.txt corners are rounded to 0.001 deg");
        JsonNode dataset = Json.read(folder.resolve(id + ".dataset.json"));
        assertEquals("v0.1", dataset.path("version").asText());
        assertEquals(met.path("location"), dataset.path("location"));

        for (String pol : List.of("HH", "HV")) {
            BufferedImage brs = ImageIO.read(jpeg(truth, pol, dir).toFile());
            BufferedImage browse = ImageIO.read(folder.resolve("IMG-" + pol + "-" + id + ".browse.png").toFile());
            BufferedImage small = ImageIO.read(folder.resolve("IMG-" + pol + "-" + id + ".browse_small.png").toFile());
            assertEquals(brs.getWidth(), browse.getWidth(), "stripmap browse is the quick-look's size");
            assertEquals(brs.getHeight(), browse.getHeight());
            double f = Math.min(1, 250.0 / Math.max(browse.getWidth(), browse.getHeight()));
            assertEquals(Math.round(browse.getWidth() * f), small.getWidth(), "small browse fits 250 x 250");
            assertEquals(Math.round(browse.getHeight() * f), small.getHeight());
            assertTrue(browse.getHeight() > 250, "the test exercises the shrinking");
            assertEquals(mean(brs), mean(browse), 2.0, "browse shows the quick-look's brightness");
        }
        try (Catalog c = Catalogs.open("sqlite:" + home.resolve("catalog.sqlite"))) {
            ObjectNode doc = c.get(id).orElseThrow();
            assertEquals("alos2_slc", doc.path("dataset_type").asText());
            assertEquals("ALOS2-L1.1_SLC", doc.path("dataset").asText());
            assertEquals(2, doc.path("images").size());
            assertEquals("IMG-HH-" + id + ".browse_small.png", doc.path("images").get(0).path("small_img").asText());
        }
        assertTrue(Files.exists(home.resolve("published/browse").resolve(home.resolve("published/datasets").relativize(folder))
                .resolve("IMG-HH-" + id + ".browse_small.png")), "small browse images are published to the browse location");
    }

    private static double mean(BufferedImage img) {
        double sum = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                sum += img.getRaster().getSample(x, y, 0);
            }
        }
        return sum / (img.getWidth() * (double) img.getHeight());
    }

    /** The BRS JPEG the sample wrote, regenerated in a scratch folder for comparison. */
    private static Path jpeg(CeosSampleProduct p, String pol, Path dir) throws Exception {
        Path scratch = dir.resolve("scratch");
        if (!Files.exists(scratch)) {
            p.write(scratch, Progress.silent());
        }
        return scratch.resolve("BRS-" + pol + "-" + p.geometry().spec().name().text() + ".jpg");
    }

    @Test
    void scanSar() throws Exception {
        CeosSampleSpec spec = L11Samples.scanSar();
        CeosSampleProduct truth = new CeosSampleProduct(spec);
        SampleGeometry g = truth.geometry();
        Path home = ingest(spec);
        String id = spec.name().text();
        Path folder = published(home, id);
        JsonNode met = Json.read(folder.resolve(id + ".met.json"));
        assertEquals("ALOS2-L1.1_SLC", met.path("dataset").asText());
        assertEquals(IsoTime.format(g.start()), met.path("starttime").asText());
        assertEquals(IsoTime.format(g.end()), met.path("endtime").asText());
        cornersWithin(g.extent(), met.path("location"), 30);
        assertTrue(met.path("footprint_method").asText().contains("union of 5 scans"), met.path("footprint_method").asText());
        JsonNode scans = met.path("alos2md").path("scans");
        assertEquals(5, scans.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(g.images().get(i).prf(), scans.get(i).path("prf").asDouble(), 1e-3, "per-scan PRF from the signal records");
        }
        assertEquals("IMG-HH-" + id + "-F3", met.path("alos2md").path("geolocation").path("facility5_image").asText());
        BufferedImage jpeg = ImageIO.read(jpeg(truth, "HH", dir).toFile());
        BufferedImage browse = ImageIO.read(folder.resolve("IMG-HH-" + id + ".browse.png").toFile());
        assertEquals(jpeg.getWidth(), browse.getWidth(), "ScanSAR browse: 100 % across");
        assertEquals(Math.round(jpeg.getHeight() * 0.4), browse.getHeight(), "and 40 % along track");
    }
}
