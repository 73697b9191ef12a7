package org.alos2ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.sample.ceos.CeosSampleDelivery;
import org.alos2ingest.sample.ceos.CeosSampleProduct;
import org.alos2ingest.sample.ceos.CeosSampleSpec;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.L11Samples;
import org.alos2ingest.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

    @TempDir
    Path dir;

    @Test
    void aFullSizeUbsProductCostsKilobytesToInspect() throws Exception {
        CeosSampleSpec spec = CeosSampleSpec.preset("ubs-l11").withSparse(true);
        Path folder = dir.resolve("ubs");
        CeosSampleProduct p = new CeosSampleProduct(spec);
        p.write(folder, Progress.silent());
        Path img = folder.resolve(p.imageNames("HH").get(0));
        assertEquals(720 + 32971L * (544 + 8 * 25600), Files.size(img), "the real 6.8 GB size of GDAL's UBS L1.1 sample");

        CliRun r = CliRun.run("inspect", "--stats", folder.toString());
        assertEquals(0, r.code(), r.err());
        Matcher m = Pattern.compile("\\((\\d+) bytes in (\\d+) reads of (\\d+) files\\)").matcher(r.err());
        assertTrue(m.find(), r.err());
        long bytes = Long.parseLong(m.group(1));
        assertTrue(bytes < 100_000, bytes + " bytes read");

        JsonNode json = Json.MAPPER.readTree(r.out());
        JsonNode product = json.path("products").get(0);
        assertEquals(spec.name().text(), product.path("id").asText());
        assertEquals(28, product.path("ceos").path("leader").path("state_vectors").size());
        assertEquals(25600, product.path("ceos").path("images").get(0).path("pixels").asInt());
        assertEquals(32971, product.path("ceos").path("images").get(0).path("descriptor").path("number_of_sar_data_records").asInt());
        assertEquals(32971, product.path("ceos").path("images").get(0).path("last_record").path("sar_image_data_line_number").asInt());
        JsonNode fp = product.path("footprint");
        assertTrue(fp.path("method").asText().startsWith("CEOS leader facility-5"));
        assertEquals(4, fp.path("range_doppler_corners").size());
        assertEquals(4, fp.path("facility5_corners").size());
        assertTrue(fp.path("methods_difference_m").asDouble() < 30);
        assertEquals("left", product.path("geometry").path("look_side").asText());
        assertEquals(10.0, product.path("times").path("duration_s").asDouble(), 1e-3);
        assertEquals("alos2_slc", product.path("dataset_type").asText());
        assertEquals("ALOS2-L1.1_SLC", product.path("metadata").path("dataset").asText());
        JsonNode records = product.path("ceos").path("leader").path("records");
        assertEquals("leader file descriptor", records.get(0).path("record").asText());
        assertEquals("dataset summary", records.get(1).path("record").asText());
        assertEquals(-90.0, records.get(1).path("sensor_clock_angle").asDouble(), 0, "left-looking, as GDAL's real UBS L1.1 sample");
    }

    @Test
    void aDeliveryZipIsInspectedWithoutUnpackingIt() throws Exception {
        CeosSampleSpec spec = L11Samples.scanSar();
        Path zip = CeosSampleDelivery.write(spec, dir.resolve(spec.deliveryName()), 6, Progress.silent());
        CliRun r = CliRun.run("inspect", zip.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode product = Json.MAPPER.readTree(r.out()).path("products").get(0);
        assertEquals("zip", Json.MAPPER.readTree(r.out()).path("kind").asText());
        assertEquals(10, product.path("ceos").path("images").size());
        assertTrue(product.path("folder").asText().endsWith(".zip!"), product.path("folder").asText());
        assertEquals(5, product.path("footprint").path("per_scan_range_doppler_corners").size());
        try (var s = Files.list(dir); var t = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertEquals(1, s.count(), "nothing written beside the zip");
            assertTrue(t.noneMatch(f -> f.getFileName().toString().startsWith("alos2-inspect-")), "the peeked files are removed");
        }
    }

    @Test
    void singleFiles() throws Exception {
        CeosSampleProduct p = L11Samples.write(L11Samples.stripmap(), dir.resolve("p"));
        String id = p.geometry().spec().name().text();
        CliRun led = CliRun.run("inspect", dir.resolve("p/LED-" + id).toString());
        assertEquals(0, led.code(), led.err());
        JsonNode l = Json.MAPPER.readTree(led.out());
        assertEquals("LED", l.path("type").asText());
        assertEquals(11, l.path("leader").path("records").size());
        assertEquals(28, l.path("leader").path("state_vectors").size());
        CliRun img = CliRun.run("inspect", dir.resolve("p/IMG-HV-" + id).toString());
        assertEquals("HV", polarisation(Json.MAPPER.readTree(img.out()).path("image").path("first_record")));
        CliRun trl = CliRun.run("inspect", dir.resolve("p/TRL-" + id).toString());
        assertEquals(800, Json.MAPPER.readTree(trl.out()).path("trailer").path("quick_looks").get(0).path("width").asInt());
        CliRun vol = CliRun.run("inspect", dir.resolve("p/VOL-" + id).toString());
        assertEquals(6, Json.MAPPER.readTree(vol.out()).path("volume_directory").path("records").size());
        CliRun summary = CliRun.run("inspect", dir.resolve("p/summary.txt").toString());
        assertEquals("CEOS", Json.MAPPER.readTree(summary.out()).path("summary").path("Pdi_ProductFormat").asText());
    }

    @Test
    void aBrokenFileIsOneLineAndExitCode1() throws Exception {
        Path f = dir.resolve("LED-ALOS2015976960-140909-FBDR1.1__A");
        Files.write(f, new byte[] {0, 0, 0, 1, 11, (byte) 192, 18, 18, 0, 0, 2, (byte) 208, 'A'});
        CliRun r = CliRun.run("inspect", f.toString());
        assertEquals(1, r.code());
        assertEquals("error: " + f + ": at byte 8: record 1 (type 11,192,18,18) claims 720 bytes but the file ends 13 bytes after its start "
                + "(truncated file?)", r.err().strip());
    }

    private static String polarisation(JsonNode record) {
        return (record.path("transmitted_pulse_polarization").asInt() == 0 ? "H" : "V")
                + (record.path("received_pulse_polarization").asInt() == 0 ? "H" : "V");
    }
}
