package org.alos2ingest.format.geotiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.format.geotiff.GeoTiffWriter.Layout;
import org.alos2ingest.identify.IdentifyException;
import org.alos2ingest.testing.Cogs;
import org.alos2ingest.testing.Gdal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CogCheck} against GDAL's own validator: on GDAL's COGs, on our writer's, on tiled files
 * with overviews added afterwards, on JAXA's stripped layout, on files corrupted on purpose; every
 * verdict compared with GDAL's message for message. And hostile files end in an IdentifyException.
 */
class CogCheckTest {

    private static final int W = 1300;
    private static final int H = 900;

    @TempDir
    Path dir;

    @Test
    void gdalsCogsAreValid() throws IOException {
        Path src = jaxaLike(W, H);
        Path cog = gdal("cog.tif", "gdal_translate", "-q", "-of", "COG", "-co", "COMPRESS=DEFLATE", src.toString());
        Path big = gdal("big.tif", "gdal_translate", "-q", "-of", "COG", "-co", "COMPRESS=DEFLATE", "-co", "BIGTIFF=YES", src.toString());
        Path small = gdal("small.tif", "gdal_translate", "-q", "-of", "COG", "-co", "COMPRESS=DEFLATE", "-srcwin", "0", "0", "500", "400",
                src.toString());

        for (Path f : List.of(cog, big, small)) {
            CogCheck.Result r = sameVerdictAsGdal(f);
            assertTrue(r.valid(), f + ": " + r.errors());
            assertTrue(r.warnings().isEmpty(), r.warnings().toString());
            assertTrue(r.tiled());
            assertEquals(new CogCheck.Size(512, 512), r.block());
            assertEquals("Deflate", r.compression());
            assertEquals("UInt16", r.dataType());
            assertTrue(r.blocksChecked(), "GDAL's COG promises leaders and trailers, so they are checked");
            assertTrue(r.structure().containsAll(List.of("BLOCK_LEADER=SIZE_AS_UINT4", "BLOCK_TRAILER=LAST_4_BYTES_REPEATED")), r.structure().toString());
            assertEquals(0, r.masks());
            JsonNode band = Gdal.info(f).path("bands").get(0);
            assertEquals(List.of(Gdal.info(f).path("size").get(0).asInt(), Gdal.info(f).path("size").get(1).asInt()),
                    List.of(r.size().width(), r.size().height()));
            List<CogCheck.Size> gdalOverviews = new ArrayList<>();
            band.path("overviews").forEach(o -> gdalOverviews.add(new CogCheck.Size(o.path("size").get(0).asInt(), o.path("size").get(1).asInt())));
            assertEquals(gdalOverviews, r.overviews(), f.toString());
        }
        assertFalse(CogCheck.check(cog).overviews().isEmpty());
        assertFalse(CogCheck.check(cog).bigTiff());
        assertTrue(CogCheck.check(big).bigTiff());
        assertEquals(List.of(), CogCheck.check(small).overviews(), "500 x 400 needs no overview");
    }

    @Test
    void aGdalCogWithAMaskIsValidAndItsMaskIsSkipped() throws IOException {
        Path src = jaxaLike(W, H);
        Path cog = gdal("masked.tif", "gdal_translate", "-q", "-of", "COG", "-co", "COMPRESS=DEFLATE", "-mask", "1", src.toString());
        CogCheck.Result r = sameVerdictAsGdal(cog);
        assertTrue(r.valid(), r.errors().toString());
        assertEquals(List.of(new CogCheck.Size(650, 450), new CogCheck.Size(325, 225)), r.overviews());
        assertEquals(3, r.masks(), "one mask per level, skipped");
        assertTrue(r.structure().contains("MASK_INTERLEAVED_WITH_IMAGERY=YES"), r.structure().toString());
    }

    /** GDAL's validator says overviews added after the image are no COG: their data follows the full resolution's. */
    @Test
    void overviewsAddedAfterwardsAreNoCog() throws IOException {
        Path src = jaxaLike(W, H);
        Path tiled = gdal("tiled.tif", "gdal_translate", "-q", "-co", "TILED=YES", "-co", "COMPRESS=DEFLATE", src.toString());
        Gdal.check("gdaladdo", "-q", tiled.toString(), "2", "4");
        CogCheck.Result r = sameVerdictAsGdal(tiled);
        assertFalse(r.valid());
        assertTrue(r.errors().contains("The offset of the first block of the main resolution image should be after the one of the overview of index 1"),
                r.errors().toString());
        assertEquals(List.of(new CogCheck.Size(650, 450), new CogCheck.Size(325, 225)), r.overviews());
        assertEquals(new CogCheck.Size(256, 256), r.block());
        assertFalse(r.blocksChecked(), "no structural metadata promises anything");
    }

    @Test
    void ourWritersCogIsValidWithLeadersAndTrailersChecked() throws IOException {
        Path cog = ourCog();
        CogCheck.Result r = sameVerdictAsGdal(cog);
        assertTrue(r.valid(), r.errors().toString());
        assertTrue(r.blocksChecked());
        assertEquals(List.of("LAYOUT=IFDS_BEFORE_DATA", "BLOCK_ORDER=ROW_MAJOR", "BLOCK_LEADER=SIZE_AS_UINT4", "BLOCK_TRAILER=LAST_4_BYTES_REPEATED",
                "KNOWN_INCOMPATIBLE_EDITION=NO"), r.structure());
        assertEquals(List.of(new CogCheck.Size(650, 450), new CogCheck.Size(325, 225)), r.overviews());
        assertEquals(2, r.predictor());
        assertEquals("Deflate", r.compression());
        assertEquals(gdalHeaderBytes(cog), r.headerBytes(), "the first tile starts where GDAL says all IFDs end");
    }

    @Test
    void aFlippedLeaderByteIsNamedWithItsTile() throws IOException {
        Path cog = ourCog();
        long firstTile = gdalHeaderBytes(cog);
        Path broken = copy(cog, "leader.tif");
        TiffPatch.flip(broken, firstTile - 4);
        CogCheck.Result r = sameVerdictAsGdal(broken);
        assertFalse(r.valid());
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).matches("Overview 1: for block \\(0, 0\\), size in leader bytes is \\d+ instead of \\d+"), r.errors().get(0));
    }

    @Test
    void aChangedLastByteBreaksTheLastTilesTrailer() throws IOException {
        Path broken = copy(ourCog(), "trailer.tif");
        TiffPatch.flip(broken, Files.size(broken) - 1);
        CogCheck.Result r = sameVerdictAsGdal(broken);
        assertEquals(List.of("Main resolution image: for block (2, 1), trailer bytes are invalid"), r.errors());
    }

    @Test
    void aTiledFileWithoutOverviewsWarnsAndItsIfdAtTheEndIsAnError() throws IOException {
        Path f = dir.resolve("tiled-no-overviews.tif");
        writer(W, H).withLayout(Layout.JAXA.tiled(256)).write(f, CogCheckTest::speckle);
        CogCheck.Result r = sameVerdictAsGdal(f);
        assertEquals(List.of("The file is greater than 512xH or Wx512, it is recommended to include internal overviews"), r.warnings());
        assertFalse(r.valid());
        assertTrue(r.errors().contains("The offset of the first block of the image should be after its IFD"), r.errors().toString());
        assertTrue(r.errors().stream().anyMatch(e -> e.startsWith("The offset of the main IFD should be 8. It is ")), r.errors().toString());
        assertEquals("uncompressed", r.compression());
    }

    @Test
    void jaxasStripsAreNotTiled() throws IOException {
        Path f = jaxaLike(W, H);
        CogCheck.Result r = sameVerdictAsGdal(f);
        assertEquals(List.of("The file is greater than 512xH or Wx512, but is not tiled"), r.errors());
        assertEquals(1, r.warnings().size());
        assertFalse(r.tiled());
        assertEquals(new CogCheck.Size(W, 8), r.block(), "8-row strips");
        assertEquals("uncompressed", r.compression());
        assertFalse(r.blocksChecked());
    }

    @Test
    void overviewIfdsOutOfOrderAndDataOutOfOrder() throws IOException {
        Path ifds = dir.resolve("ifds.tif");
        new SyntheticCog(2000, 1500, 256, false).ifdOrder(0, 2, 1, 3).write(ifds);
        CogCheck.Result r = sameVerdictAsGdal(ifds);
        assertEquals(List.of(new CogCheck.Size(500, 375), new CogCheck.Size(1000, 750), new CogCheck.Size(250, 188)), r.overviews(), "in file order, as GDAL lists them");
        assertEquals(List.of("Overview of index 1 has larger dimension than overview of index 0",
                "The offset of the first block of overview of index 0 should be after the one of the overview of index 1"), r.errors());

        Path data = dir.resolve("data.tif");
        new SyntheticCog(2000, 1500, 256, false).dataOrder(3, 1, 2, 0).write(data);
        CogCheck.Result d = sameVerdictAsGdal(data);
        assertEquals(List.of("The offset of the first block of overview of index 0 should be after the one of the overview of index 1"), d.errors());

        Path fine = dir.resolve("fine.tif");
        new SyntheticCog(2000, 1500, 256, true).write(fine);
        assertTrue(sameVerdictAsGdal(fine).valid());
    }

    /** A file whose every leader is wrong lists 20 of them per level, GDAL's first 20, and how many more. */
    @Test
    void blockErrorsAreListedUpTo20PerLevel() throws IOException {
        Path f = dir.resolve("leaders.tif");
        new SyntheticCog(2000, 1500, 256, false).leadersOffBy(1).write(f);
        CogCheck.Result r = CogCheck.check(f);
        List<String> gdal = section(Gdal.validateCog(f).out(), "The following errors were found:");
        assertEquals(48 + 12 + 4 + 1, gdal.size(), "GDAL lists every tile of 8 x 6, 4 x 3, 2 x 2 and 1");
        assertEquals(gdal.subList(0, 20), r.errors().subList(0, 20));
        assertEquals("Main resolution image: 28 more block errors not listed", r.errors().get(20));
        assertEquals(gdal.subList(48, 65), r.errors().subList(21, 38));
        assertEquals(38, r.errors().size());
        assertEquals("Main resolution image: for block (0, 0), size in leader bytes is 131073 instead of 131072", r.errors().get(0));
    }

    /**
     * The real size of a UBS Level 1.5 image (27964 x 31459 UInt16, 1.76 GB uncompressed, 2.4 GB with
     * its overviews) in 512 tiles: all 4579 tiles' leaders and trailers checked in well under a second
     * (about 0.1 s on 2 cores, 0.05 s once warm).
     */
    @Test
    void aUbsSizedCogChecksInWellUnderASecond() throws IOException {
        Path f = dir.resolve("ubs.tif");
        long size = new SyntheticCog(27964, 31459, 512, false).write(f);
        assertTrue(size > 2_400_000_000L, size + " bytes");
        long t0 = System.nanoTime();
        CogCheck.Result r = CogCheck.check(f);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(r.valid(), r.errors().toString());
        assertTrue(r.blocksChecked());
        assertEquals(6, r.overviews().size());
        assertTrue(ms < 1000, ms + " ms");
        assertTrue(Gdal.validateCog(f).out().contains("is a valid cloud optimized GeoTIFF"), "GDAL agrees");
    }

    @Test
    void truncatedFilesEndInAnIdentifyExceptionWithFileAndOffset() throws IOException {
        Path cog = ourCog();
        for (long keep : new long[] {Files.size(cog) / 2, 400, 20, 5}) {
            Path cut = copy(cog, "cut-" + keep + ".tif");
            try (FileChannel ch = FileChannel.open(cut, StandardOpenOption.WRITE)) {
                ch.truncate(keep);
            }
            IdentifyException e = assertThrows(IdentifyException.class, () -> CogCheck.check(cut));
            assertTrue(e.getMessage().startsWith(cut + ": offset "), e.getMessage());
        }
        Path half = dir.resolve("cut-" + Files.size(cog) / 2 + ".tif");
        assertTrue(assertThrows(IdentifyException.class, () -> CogCheck.check(half)).getMessage().contains("Main resolution image: block ("));
    }

    @Test
    void anIfdLinkedToItselfIsALoop() throws IOException {
        Path f = jaxaLike(600, 600);
        long ifd = 8;
        int entries = TiffPatch.readShort(f, ifd);
        long nextAt = ifd + 2 + 12L * entries;
        TiffPatch.write(f, nextAt, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) ifd).array());
        IdentifyException e = assertThrows(IdentifyException.class, () -> CogCheck.check(f));
        assertEquals(f + ": offset " + nextAt + ": the IFD at offset 8 links back to the IFD at offset 8 (an IFD loop)", e.getMessage());
        try (GeoTiffImage img = GeoTiffImage.open(f)) {
            assertEquals(600, img.width(), "the image reader reads the first IFD only, as before");
        }
    }

    @Test
    void absurdCountsAndChains() throws IOException {
        Path entries = jaxaLike(600, 600);
        TiffPatch.write(entries, 8, new byte[] {(byte) 0xff, (byte) 0xf0});
        assertEquals(entries + ": offset 8: IFD claims 61695 entries (expected 1..4096)",
                assertThrows(IdentifyException.class, () -> CogCheck.check(entries)).getMessage());

        Path wide = tiled(600, 600);
        long ifd = TiffPatch.firstIfd(wide);
        TiffPatch.entry(wide, 256, 5000);
        assertEquals(wide + ": offset " + ifd + ": Main resolution image: TileOffsets has 9 entries, expected 60 for 5000 x 600 in 256 x 256 blocks",
                assertThrows(IdentifyException.class, () -> CogCheck.check(wide)).getMessage());
        TiffPatch.entry(wide, 256, 0x7fff_ffff);
        assertEquals(wide + ": offset " + ifd + ": Main resolution image: 2147483647 x 600 in 256 x 256 blocks makes 25165824 blocks, more than 4194304",
                assertThrows(IdentifyException.class, () -> CogCheck.check(wide)).getMessage());

        Path strips = jaxaLike(600, 600);
        TiffPatch.entry(strips, 278, 0);
        assertEquals(strips + ": offset 8: Main resolution image: RowsPerStrip is 0, expected at least 1",
                assertThrows(IdentifyException.class, () -> CogCheck.check(strips)).getMessage());

        Path pages = SyntheticCog.pages(dir.resolve("pages-64.tif"), 64);
        assertEquals(63, CogCheck.check(pages).overviews().size(), "64 IFDs are read: the image and 63 overviews");
        Path chain = SyntheticCog.pages(dir.resolve("pages-65.tif"), 65);
        assertTrue(assertThrows(IdentifyException.class, () -> CogCheck.check(chain)).getMessage().matches(".*: offset \\d+: more than 64 IFDs chained.*"));
    }

    /** Thousands of random corruptions of the structure (ours, and GDAL's as BigTIFF): each a verdict or an IdentifyException, never anything else. */
    @Test
    void randomCorruptionNeverThrowsAnythingElse() throws IOException {
        Path big = gdal("fuzz-big.tif", "gdal_translate", "-q", "-of", "COG", "-co", "COMPRESS=DEFLATE", "-co", "BIGTIFF=YES", jaxaLike(W, H).toString());
        fuzz(copy(ourCog(), "fuzz.tif"), 13);
        fuzz(big, 14);
    }

    private static void fuzz(Path f, long seed) throws IOException {
        int structure = (int) gdalHeaderBytes(f);
        byte[] good = TiffPatch.read(f, 0, structure);
        SplittableRandom random = new SplittableRandom(seed);
        int verdicts = 0;
        int refused = 0;
        for (int i = 0; i < 1000; i++) {
            byte[] bad = good.clone();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                bad[random.nextInt(structure)] = (byte) random.nextInt(256);
            }
            TiffPatch.write(f, 0, bad);
            try {
                CogCheck.check(f);
                verdicts++;
            } catch (IdentifyException e) {
                assertTrue(e.getMessage().startsWith(f + ": offset "), e.getMessage());
                refused++;
            } catch (RuntimeException | Error e) {
                throw new AssertionError(f.getFileName() + ", mutation " + i + ": " + e, e);
            }
        }
        assertTrue(verdicts > 100 && refused > 100, f.getFileName() + ": " + verdicts + " verdicts, " + refused + " refused");
    }

    /** Checks {@code f} and asserts GDAL's validator finds the same errors and warnings, in the same order. */
    private static CogCheck.Result sameVerdictAsGdal(Path f) {
        CogCheck.Result r = CogCheck.check(f);
        Gdal.Result g = Gdal.validateCog(f);
        assertEquals(section(g.out(), "The following errors were found:"), r.errors(), g.out());
        assertEquals(section(g.out(), "The following warnings were found:"), r.warnings(), g.out());
        assertEquals(g.code() == 0, r.valid(), g.out());
        return r;
    }

    private static List<String> section(String out, String title) {
        List<String> items = new ArrayList<>();
        int at = out.indexOf(title);
        if (at < 0) {
            return items;
        }
        for (String line : out.substring(at + title.length()).lines().skip(1).toList()) {
            if (!line.startsWith(" - ")) {
                break;
            }
            items.add(line.substring(3));
        }
        return items;
    }

    /** Where the first image data starts, as GDAL's validator reports for a valid COG. */
    private static long gdalHeaderBytes(Path cog) {
        Matcher m = Pattern.compile("The size of all IFD headers is (\\d+) bytes").matcher(Gdal.validateCog(cog).out());
        if (!m.find()) {
            fail("GDAL's validator did not report the headers' size of " + cog);
        }
        return Long.parseLong(m.group(1));
    }

    private Path gdal(String name, String... command) {
        Path out = dir.resolve(name);
        String[] cmd = java.util.Arrays.copyOf(command, command.length + 1);
        cmd[command.length] = out.toString();
        Gdal.check(cmd);
        return out;
    }

    private Path ourCog() throws IOException {
        Path cog = dir.resolve("ours.cog.tif");
        return Files.exists(cog) ? cog : Cogs.write(jaxaLike(W, H), cog, CogWriter.SampleType.UINT16);
    }

    private static GeoTiffWriter writer(int w, int h) {
        return new GeoTiffWriter(w, h, 32654, 500_000, 4_000_000, 6.25, 6.25, ByteOrder.LITTLE_ENDIAN, false);
    }

    /** JAXA's layout: uncompressed 8-row strips, the IFD at offset 8. */
    private Path jaxaLike(int w, int h) throws IOException {
        Path f = dir.resolve("jaxa-" + w + "x" + h + "-" + System.nanoTime() + ".tif");
        writer(w, h).write(f, CogCheckTest::speckle);
        return f;
    }

    private static void speckle(int y, short[] row) {
        SplittableRandom r = new SplittableRandom(y);
        for (int x = 0; x < row.length; x++) {
            row[x] = x < y / 3 ? 0 : (short) (1 + r.nextInt(4000));
        }
    }

    private Path copy(Path f, String name) throws IOException {
        return Files.copy(f, dir.resolve(name));
    }

    private Path tiled(int w, int h) throws IOException {
        Path f = dir.resolve("tiled-" + w + "x" + h + "-" + System.nanoTime() + ".tif");
        writer(w, h).withLayout(Layout.JAXA.tiled(256)).write(f, CogCheckTest::speckle);
        return f;
    }
}
