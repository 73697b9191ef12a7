package org.alos2ingest.unpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import org.alos2ingest.testing.HostileZips;
import org.alos2ingest.util.ByteSource;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A zip entry read while it is inflated, through a window much smaller than the entry. */
class StreamedEntryTest {

    @TempDir
    Path tmp;

    private static byte[] data(int n, long seed) {
        byte[] b = new byte[n];
        Random r = new Random(seed);
        // half noise, half runs: both Huffman-coded and matched deflate blocks
        for (int i = 0; i < n; i++) {
            b[i] = (i / 4096) % 2 == 0 ? (byte) r.nextInt() : (byte) (i / 8192);
        }
        return b;
    }

    private Path zip(String name, byte[] content, int method, Long crcOverride) throws IOException {
        Path zip = tmp.resolve("d.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            ZipArchiveEntry e = new ZipArchiveEntry(name);
            e.setMethod(method);
            if (method == ZipEntry.STORED) {
                CRC32 crc = new CRC32();
                crc.update(content);
                e.setSize(content.length);
                e.setCrc(crc.getValue());
            }
            out.putArchiveEntry(e);
            out.write(content);
            out.closeArchiveEntry();
        }
        if (crcOverride != null) {
            HostileZips.setCrc(zip, name, crcOverride);
        }
        return zip;
    }

    private StreamedEntry entry(Path zip, String name, int window) throws IOException {
        try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
            return new StreamedEntry(zip, zf.getEntry(name), tmp.resolve("x").resolve(name), window);
        }
    }

    @Test
    void twoReadersFrontToBackGetEveryByteThroughASmallWindow() throws Exception {
        byte[] content = data(3_000_000, 1);
        for (int method : new int[] {ZipEntry.DEFLATED, ZipEntry.STORED}) {
            StreamedEntry s = entry(zip("IMG.tif", content, method, null), "IMG.tif", 100_000);
            assertFalse(s.randomAccess());
            byte[] got = new byte[content.length];
            int band = 30_000;
            int bands = (content.length + band - 1) / band;
            boolean[] done = new boolean[bands];
            int[] prefix = {0};
            ExecutorService pool = Executors.newFixedThreadPool(2);
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            Runnable reader = () -> {
                int t;
                while ((t = next.getAndIncrement()) < bands) {
                    int off = t * band;
                    int len = Math.min(band, content.length - off);
                    try {
                        s.readFully(off, ByteBuffer.wrap(got, off, len));
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                    synchronized (done) {
                        done[t] = true;
                        while (prefix[0] < bands && done[prefix[0]]) {
                            prefix[0]++;
                        }
                        s.release(Math.min(content.length, (long) prefix[0] * band));
                    }
                }
            };
            Future<?> a = pool.submit(reader);
            Future<?> b = pool.submit(reader);
            a.get();
            b.get();
            pool.shutdown();
            s.close();
            s.awaitIntact();
            assertArrayEquals(content, got, "method " + method);
        }
    }

    @Test
    void aHeaderBeyondTheWindowAsksForTheFileItself() throws Exception {
        byte[] content = data(500_000, 2);
        StreamedEntry s = entry(zip("IMG.tif", content, ZipEntry.DEFLATED, null), "IMG.tif", 100_000);
        // the header is read first; an IFD near the end of the file cannot be reached by a stream
        s.readFully(0, ByteBuffer.allocate(8));
        ByteSource.OutsideWindow far = assertThrows(ByteSource.OutsideWindow.class, () -> s.readFully(400_000, ByteBuffer.allocate(16)));
        assertTrue(far.getMessage().contains("beyond"), far.getMessage());
        assertThrows(ByteSource.OutsideWindow.class, () -> s.readFully(0, ByteBuffer.allocate(200_000)), "larger than the window");
        // once dropped, bytes are gone: the reader must read front to back
        s.release(10_000);
        s.readFully(10_000, ByteBuffer.allocate(100));
        assertThrows(ByteSource.OutsideWindow.class, () -> s.readFully(9_000, ByteBuffer.allocate(100)));
        s.close();
        s.awaitIntact();
    }

    @Test
    void aCrcMismatchIsFoundAtTheEndAfterEveryByteWasRead() throws Exception {
        byte[] content = data(400_000, 3);
        CRC32 crc = new CRC32();
        crc.update(content);
        StreamedEntry s = entry(zip("IMG-HH.tif", content, ZipEntry.DEFLATED, crc.getValue() ^ 1), "IMG-HH.tif", 64_000);
        byte[] got = new byte[content.length];
        for (int off = 0; off < content.length; off += 50_000) {
            s.readFully(off, ByteBuffer.wrap(got, off, Math.min(50_000, content.length - off)));
            s.release(off + 50_000L);
        }
        assertArrayEquals(content, got, "the reader saw every byte before the CRC could be known");
        s.close();
        UnpackException e = assertThrows(UnpackException.class, s::awaitIntact);
        assertEquals(String.format("CRC error in entry 'IMG-HH.tif': expected %08x, got %08x", crc.getValue() ^ 1, crc.getValue()), e.problem());
    }

    @Test
    void anEntryNobodyReadIsStillCheckedAndExtractionWritesTheWholeFile() throws Exception {
        byte[] content = data(300_000, 4);
        CRC32 crc = new CRC32();
        crc.update(content);
        Path bad = zip("IMG.tif", content, ZipEntry.DEFLATED, crc.getValue() + 7);
        StreamedEntry unread = entry(bad, "IMG.tif", 10_000);
        assertThrows(UnpackException.class, unread::awaitIntact);
        StreamedEntry extracted = entry(bad, "IMG.tif", 10_000);
        assertThrows(UnpackException.class, extracted::extract);
        assertFalse(Files.exists(extracted.file()), "nothing left of a bad extraction");
        try (var files = Files.list(extracted.file().getParent())) {
            assertEquals(0, files.count());
        }

        StreamedEntry good = entry(zip("IMG.tif", content, ZipEntry.DEFLATED, null), "IMG.tif", 10_000);
        good.extract();
        assertEquals(-1, Arrays.mismatch(content, Files.readAllBytes(good.file())));
    }
}
