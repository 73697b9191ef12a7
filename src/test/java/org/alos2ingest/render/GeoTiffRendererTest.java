package org.alos2ingest.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.format.geotiff.GeoTiffImage;
import org.alos2ingest.format.geotiff.GeoTiffWriter;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.MapProjection;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.geo.RingRaster;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.identify.ProcessingLevel;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.sample.SwathMask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders generated products and checks every picture against the generator's own truth. */
class GeoTiffRendererTest {

    static final int MAX_ZOOM = 12;

    @TempDir
    static Path root;
    static RenderedProduct l15;
    static RenderedProduct l21;

    @BeforeAll
    static void render() throws IOException {
        l15 = RenderedProduct.make(SampleSpec.preset("fbd").withWidth(1200).withDefects(4, 2), root.resolve("l15"),
                new RenderSettings(true, MAX_ZOOM, 2));
        SampleSpec s21 = SampleSpec.generic(ObservationMode.FBD, ProcessingLevel.L2_1, 'R', OrbitDirection.DESCENDING, 'U',
                new LonLat(138.73, 35.36), LocalDateTime.of(2024, 1, 1, 3, 12, 30), 51234, 2900).withWidth(1600).withDefects(6, 3);
        l21 = RenderedProduct.make(s21, root.resolve("l21"), new RenderSettings(true, 11, 2));
    }

    /** Every tile overlapping the raster's longitude/latitude box exists, at every zoom, and no other. */
    @Test
    void theTileSetIsExactlyTheTilesOverlappingTheRaster() throws IOException {
        SampleSpec s = l15.spec;
        MapProjection p = MapProjection.epsg(s.epsg());
        double west = 999;
        double east = -999;
        double south = 999;
        double north = -999;
        double[][] corners = {{0, 0}, {s.width(), 0}, {s.width(), s.height()}, {0, s.height()}};
        for (int e = 0; e < 4; e++) {
            for (int i = 0; i <= 1000; i++) {
                double c = corners[e][0] + i / 1000.0 * (corners[(e + 1) % 4][0] - corners[e][0]);
                double r = corners[e][1] + i / 1000.0 * (corners[(e + 1) % 4][1] - corners[e][1]);
                LonLat ll = p.inverse(s.originX() + c * s.pixelSpacing(), s.originY() - r * s.pixelSpacing());
                west = Math.min(west, ll.lon());
                east = Math.max(east, ll.lon());
                south = Math.min(south, ll.lat());
                north = Math.max(north, ll.lat());
            }
        }
        for (String pol : List.of("HH", "HV")) {
            Set<String> expected = new TreeSet<>();
            for (int z = 0; z <= MAX_ZOOM; z++) {
                double n = Math.pow(2, z);
                int x0 = (int) Math.floor((west + 180) / 360 * n);
                int x1 = (int) Math.ceil((east + 180) / 360 * n) - 1;
                int y0 = (int) Math.floor(mercatorY(north) * n);
                int y1 = (int) Math.ceil(mercatorY(south) * n) - 1;
                for (int x = x0; x <= x1; x++) {
                    for (int y = y0; y <= y1; y++) {
                        expected.add(z + "/" + x + "/" + y + ".png");
                    }
                }
            }
            Path layer = l15.folder.resolve("tiles").resolve(pol);
            Set<String> actual = new TreeSet<>();
            try (Stream<Path> files = Files.walk(layer)) {
                files.filter(Files::isRegularFile).forEach(f -> actual.add(layer.relativize(f).toString().replace('\\', '/')));
            }
            assertEquals(expected, actual, pol);
            assertTrue(expected.size() > 200, expected.size() + " tiles");
        }
    }

    private static double mercatorY(double lat) {
        double l = Math.toRadians(lat);
        return (1 - Math.log(Math.tan(l) + 1 / Math.cos(l)) / Math.PI) / 2;
    }

    /**
     * Tile pixels against the source: where a tile enlarges the source, against bilinear
     * interpolation of the source's display values; where it reduces, against the mean of the source
     * pixels under the tile pixel. Transparency against the source's no-data.
     */
    @Test
    void tilePixelsMatchTheSource() throws IOException {
        SampleSpec s = l15.spec;
        byte[] display = displayValues(l15.tif("HH"));
        int w = s.width();
        int h = s.height();
        MapProjection p = MapProjection.epsg(s.epsg());
        SplittableRandom rnd = new SplittableRandom(42);
        for (int z : new int[] {MAX_ZOOM, MAX_ZOOM - 1, MAX_ZOOM - 3, MAX_ZOOM - 4}) {
            Path dir = l15.folder.resolve("tiles/HH/" + z);
            List<Path> tiles;
            try (Stream<Path> f = Files.walk(dir)) {
                tiles = f.filter(Files::isRegularFile).sorted().toList();
            }
            double absSum = 0;
            double signedSum = 0;
            int compared = 0;
            int alphaChecked = 0;
            int alphaWrong = 0;
            double scale = 0;
            for (Path t : tiles) {
                int x = Integer.parseInt(t.getParent().getFileName().toString());
                int y = Integer.parseInt(t.getFileName().toString().replace(".png", ""));
                BufferedImage img = ImageIO.read(t.toFile());
                assertEquals(256, img.getWidth());
                int samples = Math.max(300, 5000 / tiles.size());
                for (int k = 0; k < samples; k++) {
                    int u = rnd.nextInt(256);
                    int v = rnd.nextInt(256);
                    double[] src = sourceOf(p, s, z, x * 256 + u + 0.5, y * 256 + v + 0.5);
                    double[] next = sourceOf(p, s, z, x * 256 + u + 1.5, y * 256 + v + 0.5);
                    double sp = Math.hypot(next[0] - src[0], next[1] - src[1]);
                    scale = sp;
                    boolean opaque = (img.getRGB(u, v) >>> 24) != 0;
                    int tileValue = img.getRaster().getSample(u, v, 0);
                    double half = Math.max(1.0, sp / 2 + 0.5);
                    int c0 = (int) Math.floor(src[0] - half);
                    int c1 = (int) Math.floor(src[0] + half);
                    int r0 = (int) Math.floor(src[1] - half);
                    int r1 = (int) Math.floor(src[1] + half);
                    int valid = 0;
                    int all = 0;
                    for (int r = r0; r <= r1; r++) {
                        for (int c = c0; c <= c1; c++) {
                            all++;
                            if (c >= 0 && r >= 0 && c < w && r < h && display[r * w + c] != 0) {
                                valid++;
                            }
                        }
                    }
                    if (valid == all || valid == 0) {
                        alphaChecked++;
                        if (opaque != (valid == all)) {
                            alphaWrong++;
                        }
                    }
                    if (valid == all && opaque) {
                        double ref = sp <= 1 ? bilinear(display, w, src[0] - 0.5, src[1] - 0.5) : boxMean(display, w, src, sp);
                        absSum += Math.abs(tileValue - ref);
                        signedSum += tileValue - ref;
                        compared++;
                    }
                }
            }
            double mad = absSum / compared;
            double bias = signedSum / compared;
            System.out.printf("zoom %d: %.2f source px per tile px, %d pixels compared, mean |diff| %.2f, bias %.2f, alpha %d/%d wrong%n",
                    z, scale, compared, mad, bias, alphaWrong, alphaChecked);
            assertTrue(compared > 300, "compared " + compared);
            // Enlarging: the same bilinear interpolation, up to 8-bit weights and the 16-px projection grid.
            // Reducing: the exact box mean versus 4 point samples of a 2^L-averaged level: speckle (a
            // Rayleigh amplitude, std about half its mean of ~85) differs by a few levels between the two.
            double bound = scale <= 1 ? 1.0 : 8.0;
            assertTrue(mad <= bound, "zoom " + z + ": mean |tile - source| = " + mad);
            assertTrue(Math.abs(bias) <= 1.5, "zoom " + z + ": bias " + bias);
            assertTrue(alphaWrong <= 0.002 * alphaChecked, "zoom " + z + ": transparency wrong at " + alphaWrong + " of " + alphaChecked);
        }
    }

    @Test
    void browseImagesAreTenPercentAndFit250TransparentOutsideTheSwath() throws IOException {
        SampleSpec s = l15.spec;
        for (String pol : List.of("HH", "HV")) {
            String base = "IMG-" + pol + "-" + s.name().text();
            BufferedImage big = ImageIO.read(l15.folder.resolve(base + ".browse.png").toFile());
            assertEquals(Math.round(s.width() * 0.1), big.getWidth());
            assertEquals(Math.round(s.height() * 0.1), big.getHeight());
            BufferedImage small = ImageIO.read(l15.folder.resolve(base + ".browse_small.png").toFile());
            assertEquals(250, Math.max(small.getWidth(), small.getHeight()));
            assertEquals(Math.round(250.0 * Math.min(s.width(), s.height()) / Math.max(s.width(), s.height())),
                    Math.min(small.getWidth(), small.getHeight()));
            // transparency follows the swath: compare with the generator's mask at browse pixel centres
            // Where a browse pixel lies wholly on valid data it is opaque; where no valid pixel lies
            // within one 8-pixel block of it (the pyramid level it is made from), transparent.
            SwathMask m = l15.sample.mask();
            int margin = 8;
            int agree = 0;
            int n = 0;
            double fx = s.width() / (double) big.getWidth();
            double fy = s.height() / (double) big.getHeight();
            for (int y = 0; y < big.getHeight(); y++) {
                for (int x = 0; x < big.getWidth(); x++) {
                    int x0 = (int) (x * fx);
                    int x1 = (int) Math.ceil((x + 1) * fx);
                    int y0 = (int) (y * fy);
                    int y1 = (int) Math.ceil((y + 1) * fy);
                    boolean allValid = true;
                    boolean noneNear = true;
                    for (int sy = y0 - margin; sy < y1 + margin; sy++) {
                        for (int sx = x0 - margin; sx < x1 + margin; sx++) {
                            boolean v = sx >= 0 && sy >= 0 && sx < s.width() && sy < s.height() && m.valid(sx, sy);
                            noneNear &= !v;
                            if (sx >= x0 && sx < x1 && sy >= y0 && sy < y1) {
                                allValid &= v;
                            }
                        }
                    }
                    if (noneNear || allValid) {
                        boolean opaque = (big.getRGB(x, y) >>> 24) != 0;
                        n++;
                        agree += opaque == allValid ? 1 : 0;
                    }
                }
            }
            assertTrue(n > 0.8 * big.getWidth() * big.getHeight(), "browse pixels checked: " + n);
            assertEquals(n, agree, pol + ": transparency agrees with the generator's mask");
            assertEquals(0, big.getRGB(0, 0) >>> 24, "corner outside the swath is transparent");
        }
    }

    @Test
    void metJsonAndViewerDescribeTheLayers() throws IOException {
        JsonNode met = Json.read(l15.folder.resolve(l15.scene.id() + ".met.json"));
        assertTrue(met.path("tiles").asBoolean());
        assertEquals("[\"HH\",\"HV\"]", met.path("tile_layers").toString());
        assertEquals("[" + MAX_ZOOM + "," + MAX_ZOOM + "]", met.path("tile_max_zoom").toString());
        String html = Files.readString(l15.folder.resolve("index.html"));
        assertTrue(html.contains("leaflet/leaflet.js") && html.contains("\"layers\":[\"HH\",\"HV\"]"), "viewer lists the layers");
        for (String f : List.of("leaflet/leaflet.js", "leaflet/leaflet.css", "leaflet/images/layers.png", "leaflet/LICENSE")) {
            assertTrue(Files.size(l15.folder.resolve(f)) > 0, f);
        }
    }

    /** Level 2.1: the outline replaces summary.txt's raster corners, and hugs the swath the generator drew. */
    @Test
    void level21FootprintIsTheValidDataOutline() {
        assertTrue(l21.description.footprint().method().startsWith("valid-data outline of IMG-HH-"), l21.description.footprint().method());
        assertEquals("Polygon", l21.description.met().path("location").path("type").asText());
        assertEquals(l21.description.met().path("location"), l21.description.dataset().path("location"));
        SampleSpec s = l21.spec;
        MapProjection p = MapProjection.epsg(s.epsg());
        List<double[]> ring = new ArrayList<>();
        List<LonLat> ll = l21.description.footprint().ring();
        assertTrue(ll.size() - 1 <= 64, (ll.size() - 1) + " vertices");
        for (LonLat v : ll.subList(0, ll.size() - 1)) {
            double[] xy = p.forward(v.lon(), v.lat());
            ring.add(new double[] {(xy[0] - s.originX()) / s.pixelSpacing(), (s.originY() - xy[1]) / s.pixelSpacing()});
        }
        SwathMask truth = l21.sample.mask();
        long valid = 0;
        long covered = 0;
        long swath = 0;
        long extra = 0;
        int[] span = new int[2];
        for (int y = 0; y < s.height(); y++) {
            boolean has = truth.span(y, span);
            if (has) {
                swath += span[1] - span[0];
                for (int x = span[0]; x < span[1]; x++) {
                    valid += truth.inHole(x, y) ? 0 : 1;
                }
            }
            for (int[] in : RingRaster.spans(ring, y, s.width())) {
                for (int x = in[0]; x < in[1]; x++) {
                    boolean inSwath = has && x >= span[0] && x < span[1];
                    if (!inSwath) {
                        extra++;
                    } else if (!truth.inHole(x, y)) {
                        covered++;
                    }
                }
            }
        }
        System.out.printf("L2.1 outline: %d vertices, covers %.5f of valid pixels, %.5f extra%n", ll.size() - 1,
                covered / (double) valid, extra / (double) swath);
        assertTrue(covered >= 0.999 * valid, "covers " + covered + " of " + valid);
        assertTrue(extra <= 0.01 * swath, "extra " + extra + " of " + swath);
    }

    /** Level 1.5 keeps summary.txt's corners; the outline agrees with them, so nothing is reported. */
    @Test
    void level15KeepsTheSummaryCornersWhenTheyAgree() {
        assertEquals("summary.txt Img_ImageScene corners", l15.description.footprint().method());
        double offset = l15.description.met().path("valid_data_outline_offset_m").asDouble();
        assertTrue(offset > 0 && offset < 250, "offset " + offset + " m");
        assertTrue(l15.warnings.stream().noneMatch(w -> w.contains("differ")), l15.warnings.toString());
    }

    @Test
    void level15WarnsWhenTheSummaryCornersAreWrong(@TempDir Path dir) throws IOException {
        SampleSpec s = SampleSpec.preset("ubs").withWidth(600);
        Path in = dir.resolve("in");
        new org.alos2ingest.sample.SampleProduct(s).write(in);
        Path summary = in.resolve("summary.txt");
        // move the south-west corner (LeftBottom) 0.05 degree (5 km) further south
        String text = Files.readString(summary);
        String key = "Img_ImageSceneLeftBottomLatitude=\"";
        int at = text.indexOf(key) + key.length();
        double lat = Double.parseDouble(text.substring(at, text.indexOf('"', at)));
        Files.writeString(summary, text.substring(0, at) + String.format(java.util.Locale.ROOT, "%.3f", lat - 0.05) + text.substring(text.indexOf('"', at)));
        RenderedProduct r = RenderedProduct.render(s, in, dir.resolve("out"), new RenderSettings(false, 10, 2), null);
        assertEquals("summary.txt Img_ImageScene corners", r.description.footprint().method());
        assertTrue(r.warnings.stream().anyMatch(w -> w.contains("summary.txt's Img_ImageScene corners and the image's valid data differ")),
                r.warnings.toString());
    }

    /** The same pixels stored tiled, LZW-compressed, bottom-up and as BigTIFF give the very same pictures. */
    @Test
    void theStorageLayoutDoesNotChangeThePictures(@TempDir Path dir) throws IOException {
        SampleSpec s = SampleSpec.preset("ubs").withWidth(700).withDefects(2, 1);
        RenderedProduct jaxa = RenderedProduct.make(s, dir.resolve("a"), new RenderSettings(true, 10, 2));
        Path tif = jaxa.tif("HH");
        short[] all = new short[s.width() * s.height()];
        try (GeoTiffImage img = GeoTiffImage.open(tif); GeoTiffImage.RowReader rows = img.rows()) {
            rows.read(0, s.height(), all, 0);
        }
        Path other = dir.resolve("b/in/" + s.name().text());
        Files.createDirectories(other);
        try (Stream<Path> files = Files.list(jaxa.input)) {
            for (Path f : files.toList()) {
                Files.copy(f, other.resolve(f.getFileName()));
            }
        }
        new GeoTiffWriter(s.width(), s.height(), s.epsg(), s.originX(), s.originY(), s.pixelSpacing(), s.pixelSpacing(), ByteOrder.BIG_ENDIAN, true)
                .withLayout(GeoTiffWriter.Layout.JAXA.tiled(64).compressed(GeoTiffWriter.Compression.LZW, true).oriented(3))
                .write(other.resolve(tif.getFileName()), (y, row) -> System.arraycopy(all, y * s.width(), row, 0, s.width()));
        RenderedProduct variant = RenderedProduct.render(s, other, dir.resolve("b/out"), new RenderSettings(true, 10, 2), null);
        String base = "IMG-HH-" + s.name().text();
        assertArrayEquals(Files.readAllBytes(jaxa.folder.resolve(base + ".browse.png")), Files.readAllBytes(variant.folder.resolve(base + ".browse.png")));
        try (Stream<Path> f = Files.walk(jaxa.folder.resolve("tiles/HH"))) {
            for (Path t : f.filter(Files::isRegularFile).toList()) {
                Path v = variant.folder.resolve("tiles/HH").resolve(jaxa.folder.resolve("tiles/HH").relativize(t));
                assertArrayEquals(Files.readAllBytes(t), Files.readAllBytes(v), t.toString());
            }
        }
        assertEquals(jaxa.description.met().path("valid_data_outline_offset_m"), variant.description.met().path("valid_data_outline_offset_m"));
    }

    @Test
    void withoutTilesTheRestIsStillMade(@TempDir Path dir) throws IOException {
        RenderedProduct r = RenderedProduct.make(SampleSpec.preset("ubs").withWidth(500), dir, new RenderSettings(false, 14, 2));
        assertFalse(Files.exists(r.folder.resolve("tiles")));
        assertFalse(r.description.met().path("tiles").asBoolean());
        assertEquals(0, r.description.met().path("tile_layers").size());
        assertTrue(Files.exists(r.folder.resolve("index.html")));
        assertTrue(Files.exists(r.folder.resolve("IMG-HH-" + r.spec.name().text() + ".browse_small.png")));
    }

    // --- the source, read independently of the renderer ---

    static byte[] displayValues(Path tif) throws IOException {
        try (GeoTiffImage img = GeoTiffImage.open(tif); GeoTiffImage.RowReader rows = img.rows()) {
            short[] all = new short[img.width() * img.height()];
            rows.read(0, img.height(), all, 0);
            byte[] out = new byte[all.length];
            for (int i = 0; i < all.length; i++) {
                int dn = all[i] & 0xffff;
                out[i] = (byte) (dn == 0 ? 0 : Math.min(255, 1 + Math.round(Math.min(dn, 7500) * 254.0 / 7500)));
            }
            return out;
        }
    }

    /** Source position (column, row; pixel edges at integers) of a global pixel position at zoom z. */
    static double[] sourceOf(MapProjection p, SampleSpec s, int z, double gx, double gy) {
        double n = 256 * Math.pow(2, z);
        double lon = gx / n * 360 - 180;
        double lat = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * gy / n))));
        double[] xy = p.forward(lon, lat);
        return new double[] {(xy[0] - s.originX()) / s.pixelSpacing(), (s.originY() - xy[1]) / s.pixelSpacing()};
    }

    static double bilinear(byte[] d, int w, double x, double y) {
        int ix = (int) Math.floor(x);
        int iy = (int) Math.floor(y);
        double fx = x - ix;
        double fy = y - iy;
        return (1 - fx) * (1 - fy) * (d[iy * w + ix] & 0xff) + fx * (1 - fy) * (d[iy * w + ix + 1] & 0xff)
                + (1 - fx) * fy * (d[(iy + 1) * w + ix] & 0xff) + fx * fy * (d[(iy + 1) * w + ix + 1] & 0xff);
    }

    /** Mean of the source pixels whose centres fall in the tile pixel's footprint (a square of side sp). */
    static double boxMean(byte[] d, int w, double[] src, double sp) {
        double sum = 0;
        int n = 0;
        for (int r = (int) Math.ceil(src[1] - sp / 2 - 0.5); r <= Math.floor(src[1] + sp / 2 - 0.5); r++) {
            for (int c = (int) Math.ceil(src[0] - sp / 2 - 0.5); c <= Math.floor(src[0] + sp / 2 - 0.5); c++) {
                sum += d[r * w + c] & 0xff;
                n++;
            }
        }
        return n == 0 ? bilinear(d, w, src[0] - 0.5, src[1] - 0.5) : sum / n;
    }
}
