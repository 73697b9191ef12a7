package org.alos2ingest.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.format.geotiff.GeoTiffImage;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.identify.ProcessingLevel;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.testing.Gdal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Cloud-Optimized GeoTIFFs of a Level 1.5 (FBD, two polarisations) and a Level 2.1 product, as
 * GDAL reads them: valid COGs on the source's grid, the DN pixel for pixel, sigma-nought by JAXA's
 * formula, overviews as {@code gdaladdo -r rms} makes them from the source.
 */
class CloudOptimizedGeoTiffTest {

    private static final double CF = -83.0;

    @TempDir
    static Path root;
    static List<RenderedProduct> products = new ArrayList<>();

    @BeforeAll
    static void render() throws IOException {
        RenderSettings settings = new RenderSettings(false, 8, 2, new RenderSettings.Cogs(true, true, Calibration.jaxa()));
        products.add(RenderedProduct.make(SampleSpec.preset("fbd").withWidth(1200).withDefects(4, 2), root.resolve("l15"), settings));
        SampleSpec s21 = SampleSpec.generic(ObservationMode.FBD, ProcessingLevel.L2_1, 'R', OrbitDirection.DESCENDING, 'U',
                new LonLat(138.73, 35.36), LocalDateTime.of(2024, 1, 1, 3, 12, 30), 51234, 2900).withWidth(1100);
        products.add(RenderedProduct.make(s21, root.resolve("l21"), settings));
    }

    private static List<String> pols(RenderedProduct p) {
        return p.spec.polarisations();
    }

    private static Path cog(RenderedProduct p, String pol, boolean sigma0) {
        return p.folder.resolve("IMG-" + pol + "-" + p.spec.name().text() + (sigma0 ? ".sigma0.cog.tif" : ".cog.tif"));
    }

    @Test
    void everyFileIsAValidCogOnTheSourcesGridAndListedInMetJson() throws IOException {
        for (RenderedProduct p : products) {
            JsonNode listed = Json.MAPPER.readTree(p.folder.resolve(p.scene.id() + ".met.json").toFile()).path("cog_files");
            assertEquals(2 * pols(p).size(), listed.size(), p.scene.id());
            for (String pol : pols(p)) {
                JsonNode src = Gdal.info(p.tif(pol));
                for (boolean sigma0 : new boolean[] {false, true}) {
                    Path f = cog(p, pol, sigma0);
                    Gdal.Result v = Gdal.validateCog(f);
                    assertEquals(0, v.code(), v.out());
                    assertTrue(v.out().contains("is a valid cloud optimized GeoTIFF"), v.out());
                    JsonNode out = Gdal.info(f);
                    assertEquals(src.path("size"), out.path("size"), f.toString());
                    assertEquals(src.path("geoTransform"), out.path("geoTransform"), f.toString());
                    assertEquals(src.path("coordinateSystem").path("wkt"), out.path("coordinateSystem").path("wkt"), f.toString());
                    JsonNode band = out.path("bands").get(0);
                    assertEquals(sigma0 ? "Float32" : "UInt16", band.path("type").asText());
                    assertEquals(sigma0 ? "NaN" : "0.0", band.path("noDataValue").asText());
                    assertEquals(sigma0 ? "dB" : "DN", band.path("unit").asText());
                    assertTrue(band.path("overviews").size() >= 1, f + " has overviews");
                    JsonNode entry = null;
                    for (JsonNode e : listed) {
                        if (e.path("file").asText().equals(f.getFileName().toString())) {
                            entry = e;
                        }
                    }
                    assertTrue(entry != null, f + " in met.json");
                    assertEquals(Files.size(f), entry.path("bytes").asLong());
                    assertEquals(band.path("overviews").size(), entry.path("overviews").asInt());
                    assertEquals(sigma0 ? "sigma0" : "amplitude", entry.path("kind").asText());
                }
            }
        }
    }

    @Test
    void theDnCogIsTheSourcePixelForPixel() {
        for (RenderedProduct p : products) {
            for (String pol : pols(p)) {
                ByteBuffer src = Gdal.read(p.tif(pol), -1, root);
                ByteBuffer cog = Gdal.read(cog(p, pol, false), -1, root);
                assertTrue(src.remaining() > 1_000_000, "a real image");
                assertEquals(src, cog, p.scene.id() + " " + pol);
            }
        }
    }

    @Test
    void sigma0IsTenLog10OfDnSquaredPlusCf() {
        SplittableRandom r = new SplittableRandom(5);
        for (RenderedProduct p : products) {
            for (String pol : pols(p)) {
                short[] dn = source(p.tif(pol));
                ByteBuffer s = Gdal.read(cog(p, pol, true), -1, root);
                assertEquals(4L * dn.length, s.remaining());
                int zeros = 0;
                for (int k = 0; k < 20_000; k++) {
                    int i = r.nextInt(dn.length);
                    float got = s.getFloat(4 * i);
                    int v = dn[i] & 0xffff;
                    if (v == 0) {
                        assertTrue(Float.isNaN(got), "no data is NaN at " + i);
                        zeros++;
                    } else {
                        assertEquals(10 * Math.log10((double) v * v) + CF, got, 0.01, p.scene.id() + " " + pol + " pixel " + i + " DN " + v);
                    }
                }
                assertTrue(zeros > 100 && zeros < 19_000, "samples on and off the swath: " + zeros);
            }
        }
    }

    /**
     * Level 1 is the root mean square of each 2 x 2 block's non-zero DNs, and its sigma-nought the
     * block's mean power in dB; deeper levels agree with {@code gdaladdo -r rms} run on the source
     * with no-data 0, to within a DN of rounding.
     */
    @Test
    void overviewsAreRootMeanSquaresAsGdaladdoMakesThem() throws IOException {
        for (RenderedProduct p : products) {
            for (String pol : pols(p)) {
                short[] dn = source(p.tif(pol));
                int w;
                int h;
                try (GeoTiffImage g = GeoTiffImage.open(p.tif(pol))) {
                    w = g.width();
                    h = g.height();
                }
                int ow = (w + 1) / 2;
                int oh = (h + 1) / 2;
                ByteBuffer amp = Gdal.read(cog(p, pol, false), 0, root);
                ByteBuffer sig = Gdal.read(cog(p, pol, true), 0, root);
                assertEquals(2L * ow * oh, amp.remaining());
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        double sum = 0;
                        int n = 0;
                        for (int y = 2 * oy; y < Math.min(h, 2 * oy + 2); y++) {
                            for (int x = 2 * ox; x < Math.min(w, 2 * ox + 2); x++) {
                                int v = dn[y * w + x] & 0xffff;
                                if (v != 0) {
                                    sum += (double) v * v;
                                    n++;
                                }
                            }
                        }
                        int i = oy * ow + ox;
                        int a = amp.getShort(2 * i) & 0xffff;
                        float s = sig.getFloat(4 * i);
                        if (n == 0) {
                            assertEquals(0, a);
                            assertTrue(Float.isNaN(s));
                        } else {
                            assertEquals((int) Math.round(Math.sqrt(sum / n)), a, "level 1 pixel " + ox + "," + oy);
                            assertEquals(10 * Math.log10(sum / n) + CF, s, 0.01, "level 1 sigma0 " + ox + "," + oy);
                        }
                    }
                }
                compareWithGdaladdo(p, pol);
            }
        }
    }

    private void compareWithGdaladdo(RenderedProduct p, String pol) throws IOException {
        Path ref = root.resolve("ref-" + p.scene.id() + "-" + pol + ".tif");
        Gdal.check("gdal_translate", "-q", "-a_nodata", "0", p.tif(pol).toString(), ref.toString());
        int overviews = Gdal.info(cog(p, pol, false)).path("bands").get(0).path("overviews").size();
        List<String> cmd = new ArrayList<>(List.of("gdaladdo", "-q", "-r", "rms", ref.toString()));
        for (int l = 1; l <= overviews; l++) {
            cmd.add(Integer.toString(1 << l));
        }
        Gdal.check(cmd.toArray(String[]::new));
        for (int k = 0; k < overviews; k++) {
            ByteBuffer ours = Gdal.read(cog(p, pol, false), k, root);
            ByteBuffer gdal = Gdal.read(ref, k, root);
            assertEquals(gdal.remaining(), ours.remaining(), "overview " + k + " size");
            int worst = 0;
            int differing = 0;
            int n = ours.remaining() / 2;
            for (int i = 0; i < n; i++) {
                int d = Math.abs((ours.getShort(2 * i) & 0xffff) - (gdal.getShort(2 * i) & 0xffff));
                worst = Math.max(worst, d);
                differing += d != 0 ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "%s %s overview %d: %d of %d pixels differ from gdaladdo -r rms, by at most %d DN%n",
                    p.scene.id(), pol, k, differing, n, worst);
            assertTrue(worst <= 1, "overview " + k + ": at most 1 DN from gdaladdo -r rms, got " + worst);
            // gdaladdo halves its own rounded overview to make the next; ours keeps the mean power
            assertTrue(differing <= (k == 0 ? 0.001 : 0.15) * n, "overview " + k + ": " + differing + " of " + n + " pixels differ");
        }
    }

    private static short[] source(Path tif) {
        try (GeoTiffImage g = GeoTiffImage.open(tif); GeoTiffImage.RowReader rows = g.rows()) {
            short[] all = new short[g.width() * g.height()];
            rows.read(0, g.height(), all, 0);
            return all;
        }
    }
}
