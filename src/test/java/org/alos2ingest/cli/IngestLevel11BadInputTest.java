package org.alos2ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.Catalogs;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.L11Samples;
import org.alos2ingest.util.FileTrees;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken Level 1.1 products: each ingest fails with exit code 1 and one line naming the file (and
 * the byte offset where the file is wrong), and leaves nothing in the catalog or the publish folder.
 */
class IngestLevel11BadInputTest {

    @TempDir
    static Path dir;
    static Path stripmap;
    static Path scanSar;
    static String stripmapId;
    static String scanSarId;

    @BeforeAll
    static void generate() throws Exception {
        stripmap = dir.resolve("good-stripmap");
        stripmapId = L11Samples.write(L11Samples.stripmap(), stripmap).geometry().spec().name().text();
        scanSar = dir.resolve("good-scansar");
        scanSarId = L11Samples.write(L11Samples.scanSar(), scanSar).geometry().spec().name().text();
    }

    private static Path copy(Path product, String name) throws Exception {
        Path to = dir.resolve(name).resolve("product");
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(product)) {
            for (Path f : s.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    /** Runs the ingest, checks the failure, and returns the one error line. */
    private static String failingIngest(Path delivery) throws Exception {
        Path home = delivery.getParent().resolve("home");
        CliRun r = CliRun.run("ingest", "--home", home.toString(), delivery.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        String[] lines = r.err().strip().split("\\R");
        assertEquals(1, lines.length, "one line: " + r.err());
        assertTrue(lines[0].startsWith("error: "), lines[0]);
        try (Catalog c = Catalogs.open("sqlite:" + home.resolve("catalog.sqlite"))) {
            assertEquals(0, c.count(), "nothing cataloged");
        }
        Path published = home.resolve("published");
        if (Files.exists(published)) {
            try (Stream<Path> s = Files.walk(published)) {
                assertFalse(s.anyMatch(Files::isRegularFile), "nothing published");
            }
        }
        return lines[0];
    }

    private static void write(Path file, long offset, byte[] bytes) throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(bytes), offset);
        }
    }

    @Test
    void truncatedLeader() throws Exception {
        Path p = copy(stripmap, "truncated");
        Path led = p.resolve("LED-" + stripmapId);
        try (FileChannel ch = FileChannel.open(led, StandardOpenOption.WRITE)) {
            ch.truncate(720 + 4096 + 1000);
        }
        String e = failingIngest(p);
        assertTrue(e.contains(led + ": at byte 4824: record 3 (type 18,30,18,20) claims 4680 bytes but the file ends 1000 bytes"), e);
    }

    @Test
    void wrongRecordTypeCode() throws Exception {
        Path p = copy(stripmap, "wrongtype");
        Path led = p.resolve("LED-" + stripmapId);
        write(led, 720 + 5, new byte[] {31});
        String e = failingIngest(p);
        assertTrue(e.contains(led + ": at byte 724: record 2 has type 18,31,18,20, which is no SAR leader record"), e);
    }

    @Test
    void wrongImageRecordTypeCode() throws Exception {
        Path p = copy(stripmap, "wrongimagetype");
        Path img = p.resolve("IMG-HV-" + stripmapId);
        write(img, 720 + 5, new byte[] {11});
        String e = failingIngest(p);
        assertTrue(e.contains(img + ": at byte 724: expected a signal data record (type 50,10,18,20) for the first line, found type 50,11,18,20"), e);
    }

    @Test
    void aRecordLengthFieldThatLies() throws Exception {
        Path p = copy(stripmap, "lyinglength");
        Path led = p.resolve("LED-" + stripmapId);
        write(led, 720 + 8, ByteBuffer.allocate(4).putInt(0x7fff0000).array());
        String e = failingIngest(p);
        assertTrue(e.contains(led + ": at byte 728: record 2 (type 18,10,18,20) claims a length of 2147418112 bytes, more than the"), e);
    }

    @Test
    void aRecordLengthThatContradictsTheFileDescriptor() throws Exception {
        Path p = copy(stripmap, "contradictinglength");
        Path led = p.resolve("LED-" + stripmapId);
        write(led, 720 + 4096 + 8, ByteBuffer.allocate(4).putInt(4096).array());
        String e = failingIngest(p);
        assertTrue(e.contains(led + ": at byte 4824: record 3 (type 18,30,18,20) claims 4096 bytes, but the leader file descriptor says "
                + "such records are 4680 bytes long"), e);
    }

    @Test
    void aMissingScanOfAScanSarProduct() throws Exception {
        Path p = copy(scanSar, "missingscan");
        Files.delete(p.resolve("IMG-HV-" + scanSarId + "-F4"));
        String e = failingIngest(p);
        assertTrue(e.contains(p.resolve("IMG-HV-" + scanSarId + "-F4") + ": missing: WBD has 5 scans, but only -F1, -F2, -F3, -F5 of HV were delivered"), e);
    }

    @Test
    void anImageWithoutItsLeader() throws Exception {
        Path p = copy(stripmap, "noleader");
        Files.delete(p.resolve("LED-" + stripmapId));
        String e = failingIngest(p);
        assertTrue(e.contains(p.resolve("IMG-HH-" + stripmapId) + ": image without its SAR leader: " + p.resolve("LED-" + stripmapId)
                + " is missing"), e);
    }

    @Test
    void aProductNamedForTheWrongPassIsIngestedWithWarnings() throws Exception {
        Path p = copy(stripmap, "wrongpass");
        Files.delete(p.resolve("summary.txt"));
        try (Stream<Path> s = Files.list(p)) {
            for (Path f : s.toList()) {
                Files.move(f, f.resolveSibling(f.getFileName().toString().replace("FBDR1.1__A", "FBDR1.1__D")));
            }
        }
        Path home = p.getParent().resolve("home");
        CliRun r = CliRun.run("ingest", "--home", home.toString(), p.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("the leader's line time direction says ascending, the product name says descending"), r.err());
        assertTrue(r.err().contains("the orbit is ascending at the scene centre, the product name says descending"), r.err());
    }

    @Test
    void aTruncatedImage() throws Exception {
        Path p = copy(stripmap, "truncatedimage");
        Path img = p.resolve("IMG-HH-" + stripmapId);
        long size = Files.size(img);
        try (FileChannel ch = FileChannel.open(img, StandardOpenOption.WRITE)) {
            ch.truncate(size - 100);
        }
        String e = failingIngest(p);
        assertTrue(e.contains(img + ": at byte " + (size - 100) + ": the file ends here, but its descriptor announces"), e);
        FileTrees.deleteQuietly(p.getParent());
    }
}
