package org.alos2ingest.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.testing.Deliveries;
import org.alos2ingest.testing.SmallDisk;
import org.alos2ingest.util.Sizes;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The work folder on a disk that fills up (a tmpfs a little too small): before the unpack, while
 * the delivery is unpacked (out of bytes, and out of inodes), and while its pictures are made. The
 * user reads one line naming the disk and the stage, the exit code says failure, and nothing is
 * published, cataloged or left in the work folder.
 */
class FullDiskTest {

    static final String ID = "ALOS2146686640-170209-FBDR1.5GUA";

    @TempDir
    Path tmp;

    private Path zip;
    private Path work;
    private List<ZipArchiveEntry> entries;

    @BeforeEach
    void delivery() throws IOException {
        zip = Deliveries.zip(tmp.resolve("in"), "fbd", 300);
        work = tmp.resolve("work");
        try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
            entries = Collections.list(zf.getEntries()).stream().filter(e -> !e.isDirectory()).toList();
        }
    }

    private Path home() {
        return tmp.resolve("home");
    }

    /** What unpacking writes: the images stay in the zip, inflated as they are rendered. */
    private long unpacked() {
        return entries.stream().filter(e -> !IngestJob.streamsFromZip(e.getName())).mapToLong(ZipArchiveEntry::getSize).sum();
    }

    /** {@code ingest --work WORK extra... ZIP} with the work folder on a tmpfs mounted with {@code options}. */
    private SmallDisk.Run ingest(String options, String... extra) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("ingest", "--work", work.toString()));
        args.addAll(List.of(extra));
        args.add(zip.toString());
        return SmallDisk.run(work, options, home(), args.toArray(String[]::new));
    }

    /** The default spare space refuses a delivery the disk cannot hold with room to render it: nothing is written. */
    @Test
    void aDiskTooSmallForTheDeliveryIsNamedBeforeAnythingIsWritten() throws Exception {
        SmallDisk.Run r = ingest("size=" + (1 << 20));
        assertEquals(List.of("error: no space left on " + work + " (tmpfs, " + Sizes.human(r.free()) + " free of 1.0 MiB) to unpack "
                + zip + ": it needs " + Sizes.human(unpacked()) + " to extract but only 0 B may be used while 256 MiB stays free for rendering"
                + " (--keep-free)"), r.errorLines(), r.toString());
        assertNothingLeft(r);
    }

    /**
     * Room for the declared bytes but not for the pages a tmpfs rounds every file up to: the kernel's
     * ENOSPC comes in the middle of the extraction.
     */
    @Test
    void aDiskThatFillsWhileUnpackingIsNamedWithTheEntry() throws Exception {
        long slack = entries.stream().mapToLong(e -> SmallDisk.pages(e.getSize()) - e.getSize()).sum();
        assertTrue(slack > 2 * SmallDisk.PAGE, "the premise: page rounding needs more than the spare page, " + slack);
        long size = SmallDisk.pages(unpacked()) + SmallDisk.PAGE;
        SmallDisk.Run r = ingest("size=" + size, "--keep-free", "0");
        assertEquals(1, r.errorLines().size(), r.toString());
        String names = String.join("|", entries.stream().filter(e -> !IngestJob.streamsFromZip(e.getName()))
                .map(e -> Pattern.quote(e.getName())).toList());
        assertTrue(Pattern.matches("error: no space left on " + Pattern.quote(work.toString()) + " \\(tmpfs, [0-9.]+ (B|KiB) free of "
                + Pattern.quote(Sizes.human(size)) + "\\) while unpacking " + Pattern.quote(zip.toString()) + "!(" + names + ")",
                r.errorLines().get(0)), r.toString());
        assertNothingLeft(r);
    }

    /**
     * Bytes to spare but no inodes: the disk holds the work folder's run, delivery and staging
     * folders and two files. The line says what ran out, which free bytes alone would hide.
     */
    @Test
    void aDiskOutOfInodesWhileUnpackingSaysSo() throws Exception {
        SmallDisk.Run r = ingest("size=" + (64 << 20) + ",nr_inodes=6", "--keep-free", "0");
        assertEquals(1, r.errorLines().size(), r.toString());
        String names = String.join("|", entries.stream().filter(e -> !IngestJob.streamsFromZip(e.getName()))
                .map(e -> Pattern.quote(e.getName())).toList());
        assertTrue(Pattern.matches("error: no space left on " + Pattern.quote(work.toString()) + " \\(tmpfs, 6\\d\\.\\d MiB free of 64\\.0 MiB,"
                + " but likely no inodes left for more files\\) while unpacking " + Pattern.quote(zip.toString()) + "!(" + names + ")",
                r.errorLines().get(0)), r.toString());
        assertNothingLeft(r);
    }

    /** Room for the unpacked delivery and its product zip, not for the COGs and tiles. */
    @Test
    void aDiskThatFillsWhileRenderingIsNamedWithTheScene() throws Exception {
        long delivery = entries.stream().mapToLong(e -> SmallDisk.pages(e.getSize())).sum();
        // the product zip is a copy of the delivery: it cannot be linked across disks
        long size = delivery + SmallDisk.pages(Files.size(zip)) + 32 * SmallDisk.PAGE;
        SmallDisk.Run r = ingest("size=" + size, "--keep-free", "0");
        assertEquals(1, r.errorLines().size(), r.toString());
        assertTrue(Pattern.matches("error: no space left on " + Pattern.quote(work.toString()) + " \\(tmpfs, [0-9.]+ (B|KiB) free of "
                + Pattern.quote(Sizes.human(size)) + "\\) while rendering " + ID, r.errorLines().get(0)), r.toString());
        assertNothingLeft(r);
    }

    private void assertNothingLeft(SmallDisk.Run r) throws IOException {
        assertEquals(1, r.code(), r.toString());
        assertFalse(r.out().contains("ingested"), r.out());
        try (SqliteCatalog c = new SqliteCatalog(home().resolve("catalog.sqlite"))) {
            assertEquals(0, c.count(), "nothing cataloged");
        }
        Path published = home().resolve("published");
        if (Files.exists(published)) {
            try (Stream<Path> s = Files.walk(published)) {
                assertEquals(List.of(), s.filter(p -> !Files.isDirectory(p)).toList(), "nothing published");
            }
        }
        assertEquals(List.of(), r.left(), "the work folder is left empty: no half-extracted files, no run folder");
    }
}
