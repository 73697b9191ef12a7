package org.alos2ingest.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.alos2ingest.catalog.SearchQuery;
import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.config.Json;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.Deliveries;
import org.alos2ingest.unpack.Unpacker;
import org.alos2ingest.unpack.UnpackLimits;
import org.alos2ingest.util.Progress;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GeoTIFF images are rendered straight from the delivery zip, inflated as they are read and never
 * written to the work disk; the pictures are the same as from the unzipped folder, and a CRC that
 * fails at the very end of an image still keeps the whole dataset out.
 */
class StreamedFromZipTest {

    private static final String ID = "ALOS2146686640-170209-FBDR1.5GUA";

    @TempDir
    Path tmp;

    private static Path published(Path home) throws IOException {
        try (Stream<Path> s = Files.walk(home.resolve("published/datasets"))) {
            return s.filter(p -> p.getFileName().toString().equals(ID)).findFirst().orElseThrow();
        }
    }

    /** Every file of a product folder by relative path, with its bytes. */
    private static Map<String, byte[]> files(Path folder) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(folder.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void picturesTilesCogsAndOutlineAreTheSameStreamedFromTheZipAsReadFromTheFolder() throws IOException {
        Path zip = Deliveries.zip(tmp.resolve("in"), "fbd", 1400);
        Path folder = tmp.resolve("unzipped");
        new Unpacker(UnpackLimits.defaults(), Progress.silent()).unpack(zip, folder);

        CliRun streamed = CliRun.run(tmp.resolve("a"), "ingest", "-v", zip.toString());
        assertEquals(0, streamed.code(), streamed.err());
        for (String pol : List.of("HH", "HV")) {
            assertTrue(streamed.err().contains("IMG-" + pol + "-" + ID + ".tif: streamed from " + zip + "!IMG-" + pol + "-" + ID + ".tif"),
                    streamed.err());
        }
        assertTrue(streamed.err().contains("checking " + ID + "'s CRCs"), streamed.err());
        CliRun fromDisk = CliRun.run(tmp.resolve("b"), "ingest", "-v", folder.toString());
        assertEquals(0, fromDisk.code(), fromDisk.err());
        assertFalse(fromDisk.err().contains("streamed from"), fromDisk.err());

        Map<String, byte[]> a = files(published(tmp.resolve("a")));
        Map<String, byte[]> b = files(published(tmp.resolve("b")));
        assertEquals(a.keySet(), b.keySet());
        int tiles = 0;
        for (String name : a.keySet()) {
            if (name.endsWith(".json") || name.equals(ID + ".zip")) {
                continue;
            }
            assertEquals(-1, java.util.Arrays.mismatch(a.get(name), b.get(name)), name + " differs");
            tiles += name.startsWith("tiles/") ? 1 : 0;
        }
        assertTrue(tiles > 20, "tiles compared: " + tiles);
        assertTrue(a.containsKey("IMG-HH-" + ID + ".cog.tif") && a.containsKey("IMG-HV-" + ID + ".browse.png"), a.keySet().toString());

        com.fasterxml.jackson.databind.JsonNode metA = Json.read(published(tmp.resolve("a")).resolve(ID + ".met.json"));
        com.fasterxml.jackson.databind.JsonNode metB = Json.read(published(tmp.resolve("b")).resolve(ID + ".met.json"));
        for (String field : List.of("location", "outline_offset_m", "projection", "cog_files", "tile_layers", "browse_images")) {
            assertEquals(metB.path(field), metA.path(field), field);
        }
        assertTrue(metA.has("location") && metA.has("projection"), metA.toString());
    }

    @Test
    void aCrcMismatchAtTheEndOfAStreamedImageLeavesNothingPublished() throws IOException {
        Path zip = Deliveries.zip(tmp.resolve("in"), "fbd", 600);
        String hv = "IMG-HV-" + ID + ".tif";
        long crc;
        try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
            ZipArchiveEntry e = zf.getEntry(hv);
            crc = e.getCrc();
        }
        // the data stays intact: the image renders completely, only its last CRC check can tell
        org.alos2ingest.testing.HostileZips.setCrc(zip, hv, crc ^ 0x10);

        Path home = tmp.resolve("home");
        CliRun r = CliRun.run(home, "ingest", "-v", zip.toString());
        assertNotEquals(0, r.code(), r.out());
        assertTrue(r.err().contains(hv + ": streamed from"), r.err());
        assertTrue(r.err().contains(String.format("CRC error in entry '%s': expected %08x, got %08x", hv, crc ^ 0x10, crc)), r.err());
        assertTrue(r.err().contains("checking " + ID + "'s CRCs"), "failed at the CRC check, after rendering: " + r.err());
        assertFalse(Files.exists(home.resolve("published/datasets")) && hasFiles(home.resolve("published/datasets")), "nothing published");
        try (SqliteCatalog c = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
            assertEquals(0, c.search(SearchQuery.all()).size(), "nothing cataloged");
        }
        assertFalse(hasFiles(home.resolve("work")), "nothing left in the work folder");
    }

    private static boolean hasFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(Files::isRegularFile);
        }
    }
}
