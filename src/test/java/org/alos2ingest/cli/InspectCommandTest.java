package org.alos2ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.format.geotiff.CogWriter;
import org.alos2ingest.sample.SampleDelivery;
import org.alos2ingest.sample.SampleProduct;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.sample.ceos.CeosSampleDelivery;
import org.alos2ingest.sample.ceos.CeosSampleProduct;
import org.alos2ingest.sample.ceos.CeosSampleSpec;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.Cogs;
import org.alos2ingest.testing.Gdal;
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

    /** A JAXA GeoTIFF product's images are reported with their georeferencing, and as no COG: stripped. */
    @Test
    void aGeoTiffProductsImagesAreNotCogs() throws Exception {
        SampleSpec spec = SampleSpec.preset("fbd").withWidth(1200);
        Path folder = dir.resolve("fbd");
        new SampleProduct(spec).write(folder);
        CliRun r = CliRun.run("inspect", folder.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode images = Json.MAPPER.readTree(r.out()).path("products").get(0).path("geotiff").path("images");
        assertEquals(2, images.size(), images.toString());
        for (int i = 0; i < 2; i++) {
            JsonNode image = images.get(i);
            String pol = List.of("HH", "HV").get(i);
            assertEquals("IMG-" + pol + "-" + spec.name().text() + ".tif", image.path("file").asText());
            JsonNode g = image.path("geotiff");
            assertEquals(1200, g.path("width").asInt());
            assertEquals(spec.height(), g.path("height").asInt());
            assertEquals(spec.epsg(), g.path("epsg").asInt());
            assertEquals(spec.originX(), g.path("geotransform").get(0).asDouble(), 1e-6);
            assertEquals(spec.originY(), g.path("geotransform").get(3).asDouble(), 1e-6);
            assertEquals(-spec.pixelSpacing(), g.path("geotransform").get(5).asDouble(), 1e-9);
            JsonNode cog = image.path("cog");
            assertFalse(cog.path("valid").asBoolean(true), cog.toString());
            assertEquals("[\"The file is greater than 512xH or Wx512, but is not tiled\"]", cog.path("errors").toString());
            assertEquals("[\"The file is greater than 512xH or Wx512, it is recommended to include internal overviews\"]", cog.path("warnings").toString());
            assertFalse(cog.path("tiled").asBoolean(true));
            assertTrue(cog.path("tile_size").isNull());
            assertEquals(8, cog.path("rows_per_strip").asInt());
            assertEquals("uncompressed", cog.path("compression").asText());
            assertEquals("UInt16", cog.path("data_type").asText());
            assertEquals(0, cog.path("overviews").asInt(-1));
        }
        Gdal.Result gdal = Gdal.validateCog(folder.resolve(images.get(0).path("file").asText()));
        assertTrue(gdal.out().contains("but is not tiled"), "GDAL agrees: " + gdal.out());

        Path zip = SampleDelivery.write(List.of(spec), dir.resolve(spec.deliveryName()), 1);
        CliRun z = CliRun.run("inspect", zip.toString());
        assertEquals(0, z.code(), z.err());
        JsonNode zipped = Json.MAPPER.readTree(z.out()).path("products").get(0).path("geotiff").path("images").get(0);
        assertEquals(images.get(0).path("cog"), zipped.path("cog"), "the same verdict from the zip's first megabyte");
        assertEquals(images.get(0).path("geotiff"), zipped.path("geotiff"));
    }

    /** A single .tif: render's lossless DN COG is valid; a Float32 COG the image reader refuses still gets its verdict. */
    @Test
    void aSingleCogFile() throws Exception {
        SampleSpec spec = SampleSpec.preset("fbd").withWidth(1200).withPolarisations(List.of("HH"));
        Path folder = dir.resolve("fbd");
        new SampleProduct(spec).write(folder);
        Path img = folder.resolve("IMG-HH-" + spec.name().text() + ".tif");
        // named as render names them
        Path dn = dir.resolve("IMG-HH-" + spec.name().text() + ".cog.tif");
        Path sigma = dir.resolve("IMG-HH-" + spec.name().text() + ".sigma0.cog.tif");
        Cogs.write(img, dn, CogWriter.SampleType.UINT16);
        Cogs.write(img, sigma, CogWriter.SampleType.FLOAT32);

        CliRun r = CliRun.run("inspect", dn.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertEquals("file", json.path("kind").asText());
        assertFalse(json.has("name_error"), json.toString());
        assertEquals(spec.epsg(), json.path("geotiff").path("epsg").asInt());
        assertEquals(spec.originX(), json.path("geotiff").path("geotransform").get(0).asDouble(), 1e-6);
        JsonNode cog = json.path("cog");
        assertTrue(cog.path("valid").asBoolean(false), cog.toString());
        assertEquals("[]", cog.path("errors").toString());
        assertEquals("[1200," + spec.height() + "]", cog.path("size").toString());
        assertEquals("[512,512]", cog.path("tile_size").toString());
        assertEquals(2, cog.path("overviews").asInt());
        assertEquals("[[600," + (spec.height() + 1) / 2 + "],[300," + ((spec.height() + 1) / 2 + 1) / 2 + "]]", cog.path("overview_sizes").toString());
        assertEquals("Deflate", cog.path("compression").asText());
        assertEquals(2, cog.path("predictor").asInt());
        assertTrue(cog.path("blocks_checked").asBoolean(false));
        assertTrue(Gdal.validateCog(dn).out().contains("is a valid cloud optimized GeoTIFF"));

        CliRun s = CliRun.run("inspect", sigma.toString());
        assertEquals(0, s.code(), s.err());
        JsonNode sj = Json.MAPPER.readTree(s.out());
        JsonNode grid = sj.path("geotiff");
        assertEquals(1200, grid.path("width").asInt(), grid.toString());
        assertEquals("floating point", grid.path("sample_format").asText());
        assertEquals(json.path("geotiff").path("epsg"), grid.path("epsg"), "the sigma-nought COG is on the DN COG's grid");
        assertEquals(json.path("geotiff").path("geotransform"), grid.path("geotransform"));
        assertFalse(grid.path("pixels_readable").asBoolean(true));
        assertEquals("BitsPerSample is 32; expected 16 (UInt16 amplitude) or 8", grid.path("reason").asText());
        assertTrue(sj.path("cog").path("valid").asBoolean(false));
        assertEquals("Float32", sj.path("cog").path("data_type").asText());
        assertEquals(3, sj.path("cog").path("predictor").asInt());

        CliRun jaxa = CliRun.run("inspect", img.toString());
        JsonNode jj = Json.MAPPER.readTree(jaxa.out());
        assertEquals("IMG", jj.path("type").asText());
        assertEquals("[\"The file is greater than 512xH or Wx512, but is not tiled\"]", jj.path("cog").path("errors").toString());
    }

    @Test
    void aBrokenTifIsOneLineWithTheOffset() throws Exception {
        Path f = dir.resolve("broken.cog.tif");
        SampleSpec spec = SampleSpec.preset("fbd").withWidth(600).withPolarisations(List.of("HH"));
        new SampleProduct(spec).write(dir.resolve("p"));
        Cogs.write(dir.resolve("p/IMG-HH-" + spec.name().text() + ".tif"), f, CogWriter.SampleType.UINT16);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        CliRun r = CliRun.run("inspect", f.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().strip().matches("error: " + Pattern.quote(f.toString()) + ": offset \\d+: Main resolution image: block \\(\\d+, \\d+\\) "
                + "\\(\\d+ bytes\\) lies outside the file \\(\\d+ bytes\\): truncated or corrupt TIFF"), r.err());
    }

    private static String polarisation(JsonNode record) {
        return (record.path("transmitted_pulse_polarization").asInt() == 0 ? "H" : "V")
                + (record.path("received_pulse_polarization").asInt() == 0 ? "H" : "V");
    }
}
