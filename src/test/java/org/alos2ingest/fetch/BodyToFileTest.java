package org.alos2ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.alos2ingest.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BodyToFileTest {

    @TempDir
    Path tmp;

    final AtomicLong ticks = new AtomicLong();
    final Progress.Task task = new Progress.Task() {
        @Override
        public void advance(long amount) {
            ticks.addAndGet(amount);
        }

        @Override
        public void close() {
        }
    };

    /** A socket-like stream: odd-sized reads, and optionally a failure after {@code failAt} bytes. */
    static InputStream body(byte[] data, long failAt) {
        return new InputStream() {
            int pos;
            final Random r = new Random(1);

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos == failAt) {
                    throw new SocketTimeoutException("Read timed out");
                }
                if (pos == data.length) {
                    return -1;
                }
                int n = (int) Math.min(Math.min(len, 1 + r.nextInt(200_000)), Math.min(data.length - pos, failAt < 0 ? Long.MAX_VALUE : failAt - pos));
                System.arraycopy(data, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(7).nextBytes(b);
        return b;
    }

    FileChannel open(Path p) throws IOException {
        return FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @Test
    void theFileHoldsExactlyTheBodyAfterWhatWasThereAndProgressCountsEveryByte() throws IOException {
        byte[] data = random(9_876_543);
        Path f = Files.write(tmp.resolve("f"), "head".getBytes());
        try (FileChannel out = open(f)) {
            BodyToFile.copy(body(data, -1), out, -1, task);
        }
        byte[] got = Files.readAllBytes(f);
        assertEquals("head", new String(got, 0, 4));
        assertArrayEquals(data, Arrays.copyOfRange(got, 4, got.length));
        assertEquals(data.length, ticks.get());
    }

    @Test
    void everyByteReceivedBeforeACutIsWrittenThenTheFailureIsThrown() throws IOException {
        byte[] data = random(5_000_000);
        Path f = tmp.resolve("f");
        int cut = 3_333_333;   // in the middle of a buffer
        try (FileChannel out = open(f)) {
            IOException e = assertThrows(IOException.class, () -> BodyToFile.copy(body(data, cut), out, -1, task));
            assertTrue(e instanceof SocketTimeoutException, e.toString());
        }
        assertArrayEquals(Arrays.copyOf(data, cut), Files.readAllBytes(f));
    }

    @Test
    void aBodyLongerThanTheLimitStopsSoonAfterIt() throws IOException {
        byte[] data = random(6_000_000);
        Path f = tmp.resolve("f");
        try (FileChannel out = open(f)) {
            BodyToFile.copy(body(data, -1), out, 1_500_000, task);
            assertTrue(out.size() > 1_500_000 && out.size() < data.length, "size " + out.size());
        }
    }

    @Test
    void aWriteFailureStopsTheReadingAndIsThrown() throws IOException {
        Path f = Files.write(tmp.resolve("f"), new byte[0]);
        try (FileChannel readOnly = FileChannel.open(f, StandardOpenOption.READ)) {
            InputStream endless = new ByteArrayInputStream(new byte[0]) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    return len;
                }
            };
            assertThrows(java.nio.channels.NonWritableChannelException.class, () -> BodyToFile.copy(endless, readOnly, -1, task));
        }
    }
}
