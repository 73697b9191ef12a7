package org.alos2ingest.format.ceos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.alos2ingest.testing.L11Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leader is walked record by record; every lie a file can tell is an error naming the file and offset. */
class LeaderFileTest {

    @TempDir
    static Path dir;
    static Path led;
    static byte[] bytes;

    @BeforeAll
    static void generate() throws Exception {
        L11Samples.write(L11Samples.stripmap(), dir.resolve("p"));
        try (var s = Files.list(dir.resolve("p"))) {
            led = s.filter(p -> p.getFileName().toString().startsWith("LED-")).findFirst().orElseThrow();
        }
        bytes = Files.readAllBytes(led);
    }

    private static Path variant(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    /** Offsets and lengths of the generated leader's records. */
    private static List<int[]> records(byte[] b) {
        List<int[]> out = new ArrayList<>();
        int at = 0;
        while (at < b.length) {
            int len = ByteBuffer.wrap(b).getInt(at + 8);
            out.add(new int[] {at, len});
            at += len;
        }
        return out;
    }

    @Test
    void readsEveryRecordOfAGeneratedLeader() {
        LeaderFile l = LeaderFile.read(led, new ReadCounter());
        assertEquals(11, l.records().size());
        assertEquals(28, l.platformPosition().stateVectors().size());
        assertTrue(l.facility5().isPresent());
        assertTrue(l.mapProjection().isEmpty(), "Level 1.1 has no map projection record");
        assertTrue(l.notes().isEmpty(), l.notes().toString());
    }

    @Test
    void readsOnlyWhatItNeeds() {
        ReadCounter c = new ReadCounter();
        LeaderFile.read(led, c);
        assertTrue(c.bytes() < 60_000, c.bytes() + " bytes read of a " + bytes.length + "-byte leader");
    }

    @Test
    void assumesNoRecordOrder() throws Exception {
        List<int[]> r = records(bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] order = {0, 10, 3, 1, 9, 2, 8, 7, 6, 5, 4};
        for (int i : order) {
            out.write(bytes, r.get(i)[0], r.get(i)[1]);
        }
        LeaderFile l = LeaderFile.read(variant("LED-shuffled", out.toByteArray()), new ReadCounter());
        assertEquals(11, l.records().size());
        assertEquals(28, l.platformPosition().stateVectors().size());
        assertEquals("ALOS2015976960-140909", l.datasetSummary().sceneId().orElseThrow());
        assertTrue(l.facility5().isPresent());
    }

    @Test
    void truncatedLeader() throws Exception {
        int cut = 720 + 4096 + 1000;
        byte[] b = java.util.Arrays.copyOf(bytes, cut);
        Path p = variant("LED-truncated", b);
        CeosFormatException e = assertThrows(CeosFormatException.class, () -> LeaderFile.read(p, new ReadCounter()));
        assertEquals(720 + 4096 + 8, e.offset());
        assertEquals(p + ": at byte 4824: record 3 (type 18,30,18,20) claims 4680 bytes but the file ends 1000 bytes after its start "
                + "(truncated file?)", e.getMessage());
    }

    @Test
    void wrongRecordTypeCode() throws Exception {
        byte[] b = bytes.clone();
        b[720 + 5] = 11;
        Path p = variant("LED-wrongtype", b);
        CeosFormatException e = assertThrows(CeosFormatException.class, () -> LeaderFile.read(p, new ReadCounter()));
        assertEquals(724, e.offset());
        assertTrue(e.getMessage().contains("record 2 has type 18,11,18,20, which is no SAR leader record"), e.getMessage());
    }

    @Test
    void notALeaderAtAll() throws Exception {
        byte[] b = bytes.clone();
        b[4] = 50;
        Path p = variant("LED-notleader", b);
        CeosFormatException e = assertThrows(CeosFormatException.class, () -> LeaderFile.read(p, new ReadCounter()));
        assertEquals(4, e.offset());
        assertTrue(e.getMessage().contains("expected a leader file descriptor record (type 11,192,18,18), found type 50,192,18,18"));
    }

    @Test
    void aRecordLengthThatLies() throws Exception {
        byte[] b = bytes.clone();
        ByteBuffer.wrap(b).putInt(720 + 8, 40960);
        Path p = variant("LED-lyinglength", b);
        CeosFormatException e = assertThrows(CeosFormatException.class, () -> LeaderFile.read(p, new ReadCounter()));
        assertEquals(728, e.offset());
        assertTrue(e.getMessage().contains("record 2 (type 18,10,18,20) claims 40960 bytes, but the leader file descriptor says such "
                + "records are 4096 bytes long"), e.getMessage());
    }

    @Test
    void aGiganticLengthIsAnErrorNotAnAllocation() throws Exception {
        byte[] b = bytes.clone();
        List<int[]> r = records(b);
        int facility1 = r.get(6)[0];
        ByteBuffer.wrap(b).putInt(facility1 + 8, Integer.MAX_VALUE);
        Path p = variant("LED-huge", b);
        CeosFormatException e = assertThrows(CeosFormatException.class, () -> LeaderFile.read(p, new ReadCounter()));
        assertEquals(facility1 + 8, e.offset());
        assertTrue(e.getMessage().contains("claims a length of 2147483647 bytes, more than the 16777216"), e.getMessage());
    }

    @Test
    void aStateVectorCountThatLies() throws Exception {
        byte[] b = bytes.clone();
        int pp = records(b).get(2)[0];
        System.arraycopy("  99".getBytes(), 0, b, pp + 140, 4);
        Path p = variant("LED-count", b);
        LeaderFile l = LeaderFile.read(p, new ReadCounter());
        CeosFormatException e = assertThrows(CeosFormatException.class, () -> l.platformPosition().stateVectors());
        assertEquals(pp + 140, e.offset());
        assertTrue(e.getMessage().contains("says 99 velocity_z entries, but at most 32 fit in a record of 4680 bytes"), e.getMessage());
    }
}
