package org.alos2ingest.unpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.alos2ingest.sample.SampleDelivery;
import org.alos2ingest.testing.HostileZips;
import org.alos2ingest.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackerTest {

    @TempDir
    Path tmp;

    private final Unpacker unpacker = new Unpacker(UnpackLimits.defaults(), Progress.silent());

    @Test
    void extractsSubFoldersAndRecordsWhereEachFileCameFrom() throws IOException {
        Path zip = HostileZips.zip(tmp.resolve("d.zip"), Map.of("sub/a.txt", "A".getBytes(StandardCharsets.US_ASCII),
                "b.txt", "BB".getBytes(StandardCharsets.US_ASCII), "sub/deeper/", new byte[0]));
        UnpackedDelivery d = unpacker.unpack(zip, tmp.resolve("out"));
        assertEquals("A", Files.readString(tmp.resolve("out/sub/a.txt")));
        assertEquals("BB", Files.readString(tmp.resolve("out/b.txt")));
        assertTrue(Files.isDirectory(tmp.resolve("out/sub/deeper")));
        assertEquals(new ZipOrigin(zip.toAbsolutePath(), "sub/a.txt"), d.originOf(tmp.resolve("out/sub/a.txt").toAbsolutePath()).orElseThrow());
        assertEquals(List.of(zip.toAbsolutePath()), d.zips());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(2, s.count(), "no staging folder left: only d.zip and out");
        }
    }

    @Test
    void nestedZipsDownToTheLimit() throws IOException {
        Path level0 = HostileZips.zip(tmp.resolve("l0.zip"), Map.of("x.txt", new byte[] {1}));
        Path current = level0;
        for (int i = 1; i <= 4; i++) {
            Path next = tmp.resolve("l" + i + ".zip");
            SampleDelivery.zip(List.of(current), tmp, next, 6);
            current = next;
        }
        UnpackException e = assertThrows(UnpackException.class, () -> unpacker.unpack(tmp.resolve("l4.zip"), tmp.resolve("o4")));
        assertTrue(e.getMessage().contains("nested more than 3 levels"), e.getMessage());
        UnpackedDelivery ok = unpacker.unpack(tmp.resolve("l3.zip"), tmp.resolve("o3"));
        assertEquals(4, ok.zips().size());
        assertTrue(Files.exists(tmp.resolve("o3/l2/l1/l0/x.txt")));
    }

    @Test
    void checksFreeSpaceBeforeWriting() throws IOException {
        Path zip = HostileZips.zip(tmp.resolve("d.zip"), Map.of("a.txt", new byte[100]));
        long free = Files.getFileStore(tmp).getUsableSpace();
        Unpacker greedy = new Unpacker(UnpackLimits.defaults().withFreeSpaceMargin(free + (1L << 30)), Progress.silent());
        UnpackException e = assertThrows(UnpackException.class, () -> greedy.unpack(zip, tmp.resolve("out")));
        assertTrue(e.getMessage().contains("to extract but only"), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("out")));
    }

    @Test
    void listsEntriesWithoutReadingData() throws IOException {
        Path zip = HostileZips.zip(tmp.resolve("d.zip"), Map.of("IMG-HH-x.tif", new byte[10]));
        assertEquals(List.of("IMG-HH-x.tif"), Unpacker.listEntries(zip));
    }
}
