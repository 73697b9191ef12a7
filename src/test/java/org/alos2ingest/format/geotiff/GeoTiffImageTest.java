package org.alos2ingest.format.geotiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.GeoTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.alos2ingest.format.geotiff.GeoTiffWriter.Compression;
import org.alos2ingest.format.geotiff.GeoTiffWriter.Layout;
import org.alos2ingest.format.geotiff.GeoTiffWriter;
import org.alos2ingest.identify.IdentifyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GeoTiffImageTest {

    private static final int W = 203;
    private static final int H = 157;
    private static final double X0 = 500_000;
    private static final double Y0 = 7_050_000;
    private static final double PX = 6.25;

    @TempDir
    Path dir;

    /** The value written at display position (x, y): varied, with runs of no-data like a swath edge. */
    static int value(int x, int y) {
        if (x < y / 3) {
            return 0;
        }
        return (x * 131 + y * 977 + (x * y) % 1013) & 0xffff;
    }

    static GeoTiffWriter writer(int epsg, ByteOrder order, boolean big) {
        return new GeoTiffWriter(W, H, epsg, X0, Y0, PX, PX, order, big);
    }

    static void fill(int y, short[] row) {
        for (int x = 0; x < row.length; x++) {
            row[x] = (short) value(x, y);
        }
    }

    static Stream<Arguments> variants() {
        Layout j = Layout.JAXA;
        return Stream.of(
                Arguments.of("JAXA strips, little-endian", j, ByteOrder.LITTLE_ENDIAN, false),
                Arguments.of("JAXA strips, big-endian", j, ByteOrder.BIG_ENDIAN, false),
                Arguments.of("JAXA strips, BigTIFF", j, ByteOrder.LITTLE_ENDIAN, true),
                Arguments.of("one-row strips", j.strips(1), ByteOrder.LITTLE_ENDIAN, false),
                Arguments.of("one strip", j.strips(100_000), ByteOrder.BIG_ENDIAN, false),
                Arguments.of("one strip, BigTIFF MM", j.strips(100_000), ByteOrder.BIG_ENDIAN, true),
                Arguments.of("Deflate strips", j.strips(16).compressed(Compression.DEFLATE, false), ByteOrder.LITTLE_ENDIAN, false),
                Arguments.of("Deflate strips + predictor, MM", j.strips(7).compressed(Compression.DEFLATE, true), ByteOrder.BIG_ENDIAN, false),
                Arguments.of("LZW strips", j.strips(32).compressed(Compression.LZW, false), ByteOrder.LITTLE_ENDIAN, false),
                Arguments.of("LZW strips + predictor, BigTIFF MM", j.strips(5).compressed(Compression.LZW, true), ByteOrder.BIG_ENDIAN, true),
                Arguments.of("uncompressed tiles", j.tiled(64), ByteOrder.LITTLE_ENDIAN, false),
                Arguments.of("Deflate tiles + predictor, BigTIFF", j.tiled(32).compressed(Compression.DEFLATE, true), ByteOrder.LITTLE_ENDIAN, true),
                Arguments.of("LZW tiles, MM", j.tiled(48).compressed(Compression.LZW, false), ByteOrder.BIG_ENDIAN, false),
                Arguments.of("Orientation 2", j.oriented(2), ByteOrder.LITTLE_ENDIAN, false),
                Arguments.of("Orientation 3", j.oriented(3), ByteOrder.LITTLE_ENDIAN, false),
                Arguments.of("Orientation 4, big-endian", j.oriented(4), ByteOrder.BIG_ENDIAN, false),
                Arguments.of("Orientation 3, LZW tiles", j.tiled(64).compressed(Compression.LZW, true).oriented(3), ByteOrder.LITTLE_ENDIAN, false),
                Arguments.of("Orientation 4, Deflate strips", j.strips(10).compressed(Compression.DEFLATE, false).oriented(4), ByteOrder.BIG_ENDIAN, true),
                Arguments.of("ModelTransformation", j.strips(8).georeferenced(true, false), ByteOrder.LITTLE_ENDIAN, false),
                Arguments.of("PixelIsPoint", j.strips(8).georeferenced(false, true), ByteOrder.LITTLE_ENDIAN, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void readsEveryLayoutPixelForPixel(String name, Layout layout, ByteOrder order, boolean big) throws IOException {
        Path f = dir.resolve("v.tif");
        writer(32719, order, big).withLayout(layout).write(f, GeoTiffImageTest::fill);
        try (GeoTiffImage img = GeoTiffImage.open(f); GeoTiffImage.RowReader rows = img.rows()) {
            assertEquals(W, img.width());
            assertEquals(H, img.height());
            assertEquals(16, img.bitsPerSample());
            assertEquals(32719, img.epsg());
            // rows stored bottom up (Orientation 3 and 4) cannot be streamed from a zip entry front to back
            assertEquals(layout.orientation() != 3 && layout.orientation() != 4, img.readsFrontToBack(), name + ": readsFrontToBack");
            GeoTransform t = img.transform();
            assertEquals(X0, t.x(0, 0), 1e-6, name);
            assertEquals(Y0, t.y(0, 0), 1e-6, name);
            assertEquals(X0 + W * PX, t.x(W, H), 1e-6);
            assertEquals(Y0 - H * PX, t.y(W, H), 1e-6);
            // Random batch sizes cross strip, tile and read-run boundaries in every way.
            SplittableRandom r = new SplittableRandom(name.hashCode());
            short[] buf = new short[W * H];
            int y = 0;
            while (y < H) {
                int n = Math.min(H - y, 1 + r.nextInt(23));
                rows.read(y, n, buf, y * W);
                y += n;
            }
            for (int yy = 0; yy < H; yy++) {
                for (int x = 0; x < W; x++) {
                    int got = buf[yy * W + x] & 0xffff;
                    if (got != value(x, yy)) {
                        throw new AssertionError(name + ": pixel " + x + "," + yy + " is " + got + ", expected " + value(x, yy));
                    }
                }
            }
            // and out of order, as threads ask for bands
            short[] one = new short[W];
            rows.read(H - 1, 1, one, 0);
            assertEquals(value(W - 1, H - 1), one[W - 1] & 0xffff);
            rows.read(0, 1, one, 0);
            assertEquals(value(W - 1, 0), one[W - 1] & 0xffff);
        }
    }

    /**
     * What the sample writer wrote, checked without the reader under test, for every variant: the
     * file really is the variant it claims (BigTIFF, Predictor, Orientation, layout), the JDK's TIFF
     * reader (an independent decoder, given a classic copy with Predictor 1, see {@link JdkTiffView})
     * decodes the stored samples, the test undoes the differencing and maps stored to display
     * positions by the TIFF specification's Orientation table, and the georeferencing tags put the
     * top-left corner, pixel size and EPSG code where the source says.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void writerOutputAgreesWithTheJdkTiffReader(String name, Layout layout, ByteOrder order, boolean big) throws IOException {
        Path f = dir.resolve("v.tif");
        writer(32719, order, big).withLayout(layout).write(f, GeoTiffImageTest::fill);
        Path classic = dir.resolve("classic.tif");
        JdkTiffView.Original original = JdkTiffView.rewrite(f, classic);
        assertEquals(big, original.bigTiff(), name + ": BigTIFF");
        assertEquals(layout.predictor() ? 2 : 1, original.predictor(), name + ": Predictor");
        TIFFDirectory d = jdkDirectory(classic);
        assertEquals(layout.orientation(), intField(d, 274, 1), name + ": Orientation");
        assertEquals(layout.tileSize() > 0, d.getTIFFField(322) != null, name + ": tiled");
        int compression = intField(d, 259, 1);
        assertEquals(switch (layout.compression()) { case NONE -> 1; case LZW -> 5; case DEFLATE -> 8; }, compression, name + ": Compression");

        // pixels: stored samples from the JDK, differencing undone per chunk row, then display order
        Raster raster = jdkRead(classic);
        int chunkWidth = layout.tileSize() > 0 ? intField(d, 322, 0) : W;
        int[][] stored = new int[H][W];
        for (int sy = 0; sy < H; sy++) {
            for (int sx = 0; sx < W; sx++) {
                int v = raster.getSample(sx, sy, 0);
                if (original.predictor() == 2 && sx % chunkWidth != 0) {
                    v = (v + stored[sy][sx - 1]) & 0xffff;
                }
                stored[sy][sx] = v;
            }
        }
        int o = layout.orientation();
        boolean columnsFromRight = o == 2 || o == 3; // TIFF 6.0: 2 = top right, 3 = bottom right, 4 = bottom left
        boolean rowsFromBottom = o == 3 || o == 4;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int got = stored[rowsFromBottom ? H - 1 - y : y][columnsFromRight ? W - 1 - x : x];
                if (got != value(x, y)) {
                    throw new AssertionError(name + ": display pixel " + x + "," + y + " is stored as " + got + ", expected " + value(x, y));
                }
            }
        }

        // georeferencing: the top-left corner of the top-left display pixel, and the pixel size
        char[] keys = d.getTIFFField(34735).getAsChars();
        boolean pixelIsPoint = geoKey(keys, 1025) == 2;
        assertEquals(layout.pixelIsPoint(), pixelIsPoint, name + ": raster type");
        assertEquals(32719, geoKey(keys, 3072), name + ": ProjectedCSTypeGeoKey");
        double sx;
        double sy;
        double tieX;
        double tieY;
        TIFFField matrix = d.getTIFFField(34264);
        assertEquals(layout.matrix(), matrix != null, name + ": ModelTransformation");
        if (matrix != null) {
            assertEquals(0, matrix.getAsDouble(1));
            assertEquals(0, matrix.getAsDouble(4));
            sx = matrix.getAsDouble(0);
            sy = -matrix.getAsDouble(5);
            tieX = matrix.getAsDouble(3);
            tieY = matrix.getAsDouble(7);
        } else {
            TIFFField scale = d.getTIFFField(33550);
            TIFFField tie = d.getTIFFField(33922);
            assertEquals(0, tie.getAsDouble(0));
            assertEquals(0, tie.getAsDouble(1));
            sx = scale.getAsDouble(0);
            sy = scale.getAsDouble(1);
            tieX = tie.getAsDouble(3);
            tieY = tie.getAsDouble(4);
        }
        double half = pixelIsPoint ? 0.5 : 0; // PixelIsPoint: raster (0,0) is the centre of the first pixel
        assertEquals(PX, sx, 1e-12, name);
        assertEquals(PX, sy, 1e-12, name);
        assertEquals(X0, tieX - half * sx, 1e-6, name);
        assertEquals(Y0, tieY + half * sy, 1e-6, name);
    }

    /** Images of a single strip (up to 8 rows in JAXA's layout), whose strip tables fit inside their IFD entries. */
    @Test
    void readsImagesOfOneStrip() throws IOException {
        for (int h : new int[] {1, 3, 8}) {
            for (boolean big : new boolean[] {false, true}) {
                Path f = dir.resolve("one-" + h + "-" + big + ".tif");
                new GeoTiffWriter(5, h, 32654, X0, Y0, PX, PX, ByteOrder.LITTLE_ENDIAN, big).write(f, GeoTiffImageTest::fill);
                try (GeoTiffImage g = GeoTiffImage.open(f); GeoTiffImage.RowReader rows = g.rows()) {
                    short[] buf = new short[5 * h];
                    rows.read(0, h, buf, 0);
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < 5; x++) {
                            assertEquals(value(x, y), buf[y * 5 + x] & 0xffff, h + " rows, BigTIFF " + big + ", at " + x + "," + y);
                        }
                    }
                }
                if (!big) {
                    Raster raster = jdkRead(f);
                    assertEquals(value(4, h - 1), raster.getSample(4, h - 1, 0), h + " rows, read by the JDK");
                }
            }
        }
    }

    static Stream<Arguments> jdkCompressions() {
        return Stream.of(Arguments.of("LZW", 0), Arguments.of("Deflate", 0), Arguments.of("ZLib", 64), Arguments.of("PackBits", 0),
                Arguments.of("LZW", 32), Arguments.of("Deflate", 48));
    }

    /** Files from the JDK's TIFF writer, an independent encoder (big-endian, its own strip and tile sizes). */
    @ParameterizedTest(name = "{0} tiles {1}")
    @MethodSource("jdkCompressions")
    void readsFilesWrittenByTheJdk(String compression, int tile) throws IOException {
        Path f = dir.resolve("jdk.tif");
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                img.getRaster().setSample(x, y, 0, value(x, y));
            }
        }
        ImageWriter w = ImageIO.getImageWritersByFormatName("tiff").next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionType(compression);
        if (tile > 0) {
            p.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
            p.setTiling(tile, tile, 0, 0);
        }
        IIOMetadata meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), p);
        TIFFDirectory d = TIFFDirectory.createFromMetadata(meta);
        GeoTIFFTagSet geo = GeoTIFFTagSet.getInstance();
        d.addTIFFField(new TIFFField(geo.getTag(GeoTIFFTagSet.TAG_MODEL_PIXEL_SCALE), TIFFTag.TIFF_DOUBLE, 3, new double[] {PX, PX, 0}));
        d.addTIFFField(new TIFFField(geo.getTag(GeoTIFFTagSet.TAG_MODEL_TIE_POINT), TIFFTag.TIFF_DOUBLE, 6, new double[] {0, 0, 0, X0, Y0, 0}));
        d.addTIFFField(new TIFFField(geo.getTag(GeoTIFFTagSet.TAG_GEO_KEY_DIRECTORY), TIFFTag.TIFF_SHORT, 16,
                new char[] {1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 32654}));
        try (ImageOutputStream out = ImageIO.createImageOutputStream(f.toFile())) {
            w.setOutput(out);
            w.write(null, new IIOImage(img, null, d.getAsMetadata()), p);
        } finally {
            w.dispose();
        }
        try (GeoTiffImage g = GeoTiffImage.open(f); GeoTiffImage.RowReader rows = g.rows()) {
            assertEquals(32654, g.epsg());
            assertTrue(g.describe().contains("big-endian"), g.describe());
            short[] buf = new short[W * H];
            rows.read(0, H, buf, 0);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    assertEquals(value(x, y), buf[y * W + x] & 0xffff, compression + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void readsTheProjectionOfUtmNorthSouthUpsAndGeographic() throws IOException {
        for (int epsg : new int[] {32654, 32719, 32661, 32761, 4326}) {
            Path f = dir.resolve("e" + epsg + ".tif");
            new GeoTiffWriter(32, 32, epsg, epsg == 4326 ? 140.0 : X0, epsg == 4326 ? 38.0 : Y0, epsg == 4326 ? 0.001 : PX,
                    epsg == 4326 ? 0.001 : PX, ByteOrder.LITTLE_ENDIAN, false).write(f, (y, row) -> { });
            try (GeoTiffImage g = GeoTiffImage.open(f)) {
                assertEquals(epsg, g.epsg());
            }
        }
    }

    @Test
    void refusesTruncatedFilesNamingTheStrip() throws IOException {
        Path f = dir.resolve("t.tif");
        writer(32654, ByteOrder.LITTLE_ENDIAN, false).write(f, GeoTiffImageTest::fill);
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length - 1000));
        IdentifyException e = assertThrows(IdentifyException.class, () -> GeoTiffImage.open(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("strip") && e.getMessage().contains("outside the file"), e.getMessage());
    }

    @Test
    void refusesWhatItCannotRenderWithOneLine() throws IOException {
        Path f = dir.resolve("p.tif");
        writer(32654, ByteOrder.LITTLE_ENDIAN, false).write(f, GeoTiffImageTest::fill);
        assertRefused(f, 259, 7, "JPEG compression is not supported");
        assertRefused(f, 274, 6, "Orientation 6 (rows and columns transposed) is not supported");
        assertRefused(f, 277, 3, "SamplesPerPixel is 3");
        assertRefused(f, 258, 32, "BitsPerSample is 32");
        assertRefused(f, 339, 3, "SampleFormat is 3 (floating point)");
        Files.write(f, new byte[] {'G', 'I', 'F', '8', '9', 'a', 0, 0, 0, 0});
        assertTrue(assertThrows(IdentifyException.class, () -> GeoTiffImage.open(f)).getMessage().contains("neither II nor MM"));
    }

    @Test
    void refusesAbsurdCounts() throws IOException {
        Path f = dir.resolve("c.tif");
        writer(32654, ByteOrder.LITTLE_ENDIAN, false).write(f, GeoTiffImageTest::fill);
        // the entry count of the first IFD (at offset 8) claims 60000 entries
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(0, (short) 60000), 8);
        }
        IdentifyException e = assertThrows(IdentifyException.class, () -> GeoTiffImage.open(f));
        assertTrue(e.getMessage().contains("IFD claims 60000 entries"), e.getMessage());
    }

    @Test
    void refusesCorruptCompressedData() throws IOException {
        Path f = dir.resolve("z.tif");
        writer(32654, ByteOrder.LITTLE_ENDIAN, false).withLayout(Layout.JAXA.strips(16).compressed(Compression.DEFLATE, false))
                .write(f, GeoTiffImageTest::fill);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}), 40);
        }
        try (GeoTiffImage g = GeoTiffImage.open(f); GeoTiffImage.RowReader rows = g.rows()) {
            IdentifyException e = assertThrows(IdentifyException.class, () -> rows.read(0, 1, new short[W], 0));
            assertTrue(e.getMessage().contains("strip 0"), e.getMessage());
        }
    }

    /** Rewrites the inline value of one SHORT tag of a classic little-endian TIFF. */
    private static void assertRefused(Path original, int tag, int value, String expected) throws IOException {
        Path f = original.resolveSibling("patched.tif");
        Files.copy(original, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(head, 0);
            long ifd = head.getInt(4) & 0xffffffffL;
            ByteBuffer n = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(n, ifd);
            int count = n.getShort(0);
            ByteBuffer entries = ByteBuffer.allocate(12 * count).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(entries, ifd + 2);
            boolean found = false;
            for (int i = 0; i < count; i++) {
                if ((entries.getShort(12 * i) & 0xffff) == tag) {
                    ch.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(0, (short) value), ifd + 2 + 12 * i + 8);
                    found = true;
                }
            }
            if (!found) {
                // add it by replacing an optional tag (PlanarConfiguration 284) with this one
                for (int i = 0; i < count; i++) {
                    if ((entries.getShort(12 * i) & 0xffff) == 284) {
                        ByteBuffer e = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
                        e.putShort((short) tag).putShort((short) 3).putInt(1).putShort((short) value).putShort((short) 0);
                        ch.write(e.flip(), ifd + 2 + 12 * i);
                        found = true;
                    }
                }
            }
            assertTrue(found, "tag " + tag);
        }
        IdentifyException e = assertThrows(IdentifyException.class, () -> GeoTiffImage.open(f));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }

    private static TIFFDirectory jdkDirectory(Path f) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("tiff").next();
            try {
                r.setInput(in);
                return TIFFDirectory.createFromMetadata(r.getImageMetadata(0));
            } finally {
                r.dispose();
            }
        }
    }

    private static int intField(TIFFDirectory d, int tag, int absent) {
        TIFFField f = d.getTIFFField(tag);
        return f == null ? absent : f.getAsInt(0);
    }

    /** A GeoKey's value (stored in the key directory itself), or -1 when absent. */
    private static int geoKey(char[] keys, int key) {
        for (int i = 4; i + 3 < keys.length; i += 4) {
            if (keys[i] == key && keys[i + 1] == 0) {
                return keys[i + 3];
            }
        }
        return -1;
    }

    private static Raster jdkRead(Path f) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("tiff").next();
            try {
                r.setInput(in);
                return r.read(0).getRaster();
            } finally {
                r.dispose();
            }
        }
    }
}
