package org.alos2ingest.format.geotiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.testing.Gdal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CogWriter}'s files as GDAL reads them: valid COGs, every sample of every level as written. */
class CogWriterTest {

    private static final int W = 1300;
    private static final int H = 900;

    @TempDir
    Path dir;

    @Test
    void uint16CogIsValidAndGdalReadsEveryLevelAsWritten() throws IOException {
        Path source = source(W, H);
        Path cog = dir.resolve("a.cog.tif");
        short[][] levels;
        try (GeoTiffImage image = GeoTiffImage.open(source); GeoTiffImage.RowReader rows = image.rows();
             CogWriter writer = new CogWriter(cog, spec(image, CogWriter.SampleType.UINT16, "0"))) {
            assertEquals(3, writer.levels(), "1300 x 900 halves to 650 x 450, which fits one 512 tile... twice: 1300, 650, 325");
            levels = new short[writer.levels()][];
            short[] full = new short[W * H];
            rows.read(0, H, full, 0);
            levels[0] = full;
            for (int l = 1; l < writer.levels(); l++) {
                levels[l] = halve(levels[l - 1], writer.width(l - 1), writer.height(l - 1));
            }
            // levels interleaved and rows out of order, as parallel streaming callers give them
            for (int l = writer.levels() - 1; l >= 0; l--) {
                for (int t = writer.tileRows(l) - 1; t >= 0; t--) {
                    int rowsIn = writer.rowsIn(l, t);
                    short[] band = new short[rowsIn * writer.width(l)];
                    System.arraycopy(levels[l], t * 512 * writer.width(l), band, 0, band.length);
                    writer.append(writer.encode(l, t, band));
                }
            }
            writer.finish();
        }
        Gdal.Result v = Gdal.validateCog(cog);
        assertEquals(0, v.code(), v.out());
        assertTrue(v.out().contains("is a valid cloud optimized GeoTIFF"), v.out());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("a.cog.tif", "src.tif"), left.map(p -> p.getFileName().toString()).sorted().toList(), "spools removed");
        }

        JsonNode src = Gdal.info(source);
        JsonNode out = Gdal.info(cog);
        assertEquals(src.path("size"), out.path("size"));
        assertEquals(src.path("geoTransform"), out.path("geoTransform"));
        assertEquals(src.path("coordinateSystem").path("wkt"), out.path("coordinateSystem").path("wkt"));
        JsonNode band = out.path("bands").get(0);
        assertEquals("UInt16", band.path("type").asText());
        assertEquals(0, band.path("noDataValue").asInt(-1));
        assertEquals("[512,512]", band.path("block").toString());
        assertEquals("DN", band.path("unit").asText());
        assertEquals("HH amplitude", band.path("description").asText());
        assertEquals("-83", out.path("metadata").path("").path("CALIBRATION_FACTOR_DB").asText());
        assertEquals("DEFLATE", out.path("metadata").path("IMAGE_STRUCTURE").path("COMPRESSION").asText());
        assertEquals("COG", out.path("metadata").path("IMAGE_STRUCTURE").path("LAYOUT").asText());
        assertEquals(2, band.path("overviews").size());

        for (int l = 0; l < levels.length; l++) {
            ByteBuffer b = Gdal.read(cog, l - 1, dir);
            short[] got = new short[b.remaining() / 2];
            b.asShortBuffer().get(got);
            assertEquals(levels[l].length, got.length, "level " + l);
            for (int i = 0; i < got.length; i++) {
                if (got[i] != levels[l][i]) {
                    throw new AssertionError("level " + l + " pixel " + i + ": GDAL reads " + (got[i] & 0xffff) + ", written " + (levels[l][i] & 0xffff));
                }
            }
        }
    }

    @Test
    void float32CogThroughALookupTableAndFromFloats() throws IOException {
        Path source = source(700, 530);
        Path cog = dir.resolve("s.cog.tif");
        float[] lut = new float[65536];
        lut[0] = Float.NaN;
        for (int dn = 1; dn < lut.length; dn++) {
            lut[dn] = (float) (20 * Math.log10(dn) - 83);
        }
        short[] full = new short[700 * 530];
        float[] half;
        try (GeoTiffImage image = GeoTiffImage.open(source); GeoTiffImage.RowReader rows = image.rows();
             CogWriter writer = new CogWriter(cog, spec(image, CogWriter.SampleType.FLOAT32, "nan"))) {
            rows.read(0, 530, full, 0);
            assertEquals(2, writer.levels());
            for (int t = 0; t < writer.tileRows(0); t++) {
                short[] band = new short[writer.rowsIn(0, t) * 700];
                System.arraycopy(full, t * 512 * 700, band, 0, band.length);
                writer.append(writer.encode(0, t, band, lut));
            }
            half = new float[writer.width(1) * writer.height(1)];
            for (int i = 0; i < half.length; i++) {
                half[i] = i % 7 == 0 ? Float.NaN : i * 0.25f - 40;
            }
            writer.append(writer.encode(1, 0, half));
            assertThrows(IllegalArgumentException.class, () -> writer.encode(1, 0, new short[10]));
            writer.finish();
        }
        Gdal.Result v = Gdal.validateCog(cog);
        assertEquals(0, v.code(), v.out());
        assertEquals("Float32", Gdal.info(cog).path("bands").get(0).path("type").asText());
        ByteBuffer b = Gdal.read(cog, -1, dir);
        for (int i = 0; i < full.length; i++) {
            float got = b.getFloat(4 * i);
            float want = lut[full[i] & 0xffff];
            if (Float.floatToIntBits(got) != Float.floatToIntBits(want)) {
                throw new AssertionError("pixel " + i + ": GDAL reads " + got + ", written " + want);
            }
        }
        ByteBuffer o = Gdal.read(cog, 0, dir);
        for (int i = 0; i < half.length; i++) {
            assertEquals(Float.floatToIntBits(half[i]), Float.floatToIntBits(o.getFloat(4 * i)), "overview pixel " + i);
        }
    }

    /**
     * The full resolution's spool becomes the file in place (room inserted before it, on this ext4
     * /tmp) or is copied behind the overviews (any other filesystem): both valid, the same pixels; in
     * place, its first tile starts on a filesystem block.
     */
    @Test
    void inPlaceAndCopiedLayoutsHoldTheSamePixels() throws IOException {
        Path source = source(1400, 1100);
        String[] offsets = new String[2];
        ByteBuffer[] pixels = new ByteBuffer[2];
        boolean before = CogWriter.IN_PLACE;
        try {
            for (int k = 0; k < 2; k++) {
                CogWriter.IN_PLACE = k == 0;
                Path cog = dir.resolve("layout" + k + ".cog.tif");
                try (GeoTiffImage image = GeoTiffImage.open(source); GeoTiffImage.RowReader rows = image.rows();
                     CogWriter writer = new CogWriter(cog, spec(image, CogWriter.SampleType.UINT16, "0"))) {
                    short[] full = new short[1400 * 1100];
                    rows.read(0, 1100, full, 0);
                    short[] level = full;
                    for (int l = 0; l < writer.levels(); l++) {
                        for (int t = 0; t < writer.tileRows(l); t++) {
                            short[] band = new short[writer.rowsIn(l, t) * writer.width(l)];
                            System.arraycopy(level, t * 512 * writer.width(l), band, 0, band.length);
                            writer.append(writer.encode(l, t, band));
                        }
                        if (l + 1 < writer.levels()) {
                            level = halve(level, writer.width(l), writer.height(l));
                        }
                    }
                    long size = writer.finish();
                    assertEquals(size, Files.size(cog));
                }
                Gdal.Result v = Gdal.validateCog(cog);
                assertEquals(0, v.code(), v.out());
                offsets[k] = Gdal.python(String.join("\n", "import sys", "from osgeo import gdal", "ds = gdal.Open(sys.argv[1])",
                        "print(ds.GetRasterBand(1).GetMetadataItem('BLOCK_OFFSET_0_0', 'TIFF'))"), cog.toString()).strip();
                pixels[k] = Gdal.read(cog, -1, dir);
            }
        } finally {
            CogWriter.IN_PLACE = before;
        }
        if (insertRangeWorksIn(dir)) {
            // the first tile follows its 4-byte size leader
            assertEquals(0, (Long.parseLong(offsets[0]) - 4) % 4096, "in place: the full resolution starts on a block, at " + offsets[0]);
        } else {
            System.out.println("fallocate --insert-range is not supported under " + dir + ": both files were copied");
        }
        assertEquals(pixels[1], pixels[0]);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("layout0.cog.tif", "layout1.cog.tif", "src.tif"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /** Whether this filesystem moves extents for fallocate --insert-range (ext4 and XFS do; tmpfs and overlayfs do not). */
    private static boolean insertRangeWorksIn(Path folder) throws IOException {
        Path probe = folder.resolve(".probe");
        Files.write(probe, new byte[8192]);
        try {
            Process p = new ProcessBuilder("fallocate", "--insert-range", "--offset", "0", "--length", "4096", probe.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 && Files.size(probe) == 12288;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            Files.delete(probe);
        }
    }

    @Test
    void unfinishedWriterLeavesNothingAndRepeatedRowsAreRefused() throws IOException {
        Path source = source(600, 600);
        Path cog = dir.resolve("x.cog.tif");
        try (GeoTiffImage image = GeoTiffImage.open(source);
             CogWriter writer = new CogWriter(cog, spec(image, CogWriter.SampleType.UINT16, "0"))) {
            writer.append(writer.encode(0, 1, new short[88 * 600]));
            assertThrows(IllegalStateException.class, () -> writer.append(writer.encode(0, 1, new short[88 * 600])), "twice");
            assertThrows(IllegalStateException.class, writer::finish, "row 0 of level 0 and level 1 missing");
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("src.tif"), left.map(p -> p.getFileName().toString()).toList());
        }
        assertFalse(Files.exists(cog));
    }

    private static CogWriter.Spec spec(GeoTiffImage image, CogWriter.SampleType type, String nodata) {
        return new CogWriter.Spec(image.width(), image.height(), type, 512, image.geoTags(), nodata, "HH amplitude", "DN",
                Map.of("CALIBRATION_FACTOR_DB", "-83"));
    }

    /** Speckle inside a tilted swath, no data (0) outside, UTM 54N. */
    private Path source(int w, int h) throws IOException {
        Path f = dir.resolve("src.tif");
        SplittableRandom r = new SplittableRandom(w * 31L + h);
        new GeoTiffWriter(w, h, 32654, 500_000, 4_000_000, 6.25, 6.25, ByteOrder.LITTLE_ENDIAN, false).write(f, (y, row) -> {
            for (int x = 0; x < w; x++) {
                boolean inside = x > y / 3 && x < w - 40 + y / 5;
                row[x] = inside ? (short) (1 + (int) (3000 * Math.sqrt(-2 * Math.log(1 - r.nextDouble())))) : 0;
            }
        });
        return f;
    }

    private static short[] halve(short[] in, int w, int h) {
        int ow = (w + 1) / 2;
        int oh = (h + 1) / 2;
        short[] out = new short[ow * oh];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                out[y * ow + x] = in[2 * y * w + 2 * x];
            }
        }
        return out;
    }
}
