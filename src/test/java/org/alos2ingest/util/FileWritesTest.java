package org.alos2ingest.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWritesTest {

    @TempDir
    Path tmp;

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void atPositionWritesEverythingInSlicesEvenWhenTheChannelTakesLess() throws IOException {
        byte[] data = random(3 * FileWrites.SLICE + 12345);
        Path f = tmp.resolve("f");
        List<Integer> writes = new ArrayList<>();
        try (FileChannel real = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
                FileChannel ch = new Recording(real, writes, 100_000)) {
            ByteBuffer b = ByteBuffer.wrap(data, 7, data.length - 7);
            FileWrites.at(ch, b, 1000);
            assertEquals(data.length, b.position());
            assertEquals(data.length, b.limit(), "the limit is given back");
        }
        byte[] back = Files.readAllBytes(f);
        assertEquals(1000 + data.length - 7, back.length);
        assertArrayEquals(Arrays.copyOfRange(data, 7, data.length), Arrays.copyOfRange(back, 1000, back.length));
        assertTrue(writes.stream().allMatch(n -> n <= FileWrites.SLICE), writes.toString());
        // slices of 256 KiB, each taken 100 000 bytes at a time: 3 writes per slice
        assertEquals(3 * 3 + 1, writes.size(), writes.toString());
    }

    @Test
    void allWritesAtTheChannelsPositionInSlices() throws IOException {
        byte[] data = random(2 * FileWrites.SLICE + 1);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        List<Integer> writes = new ArrayList<>();
        WritableByteChannel ch = new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) {
                int n = src.remaining();
                writes.add(n);
                byte[] b = new byte[n];
                src.get(b);
                sink.write(b, 0, n);
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        FileWrites.all(ch, ByteBuffer.wrap(data));
        assertArrayEquals(data, sink.toByteArray());
        assertEquals(List.of(FileWrites.SLICE, FileWrites.SLICE, 1), writes);
    }

    @Test
    void slicedStreamPassesLargeWritesOnInSlices() throws IOException {
        byte[] data = random(FileWrites.SLICE * 2 + 5);
        List<Integer> writes = new ArrayList<>();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = FileWrites.sliced(new OutputStream() {
            @Override
            public void write(int b) {
                writes.add(1);
                sink.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes.add(len);
                sink.write(b, off, len);
            }
        })) {
            out.write(data, 0, 3);
            out.write(data, 3, data.length - 3);
        }
        assertArrayEquals(data, sink.toByteArray());
        assertEquals(List.of(3, FileWrites.SLICE, FileWrites.SLICE, 2), writes);
    }

    /** A file channel that takes at most {@code most} bytes per positional write and notes each. */
    private static final class Recording extends FileChannel {
        private final FileChannel in;
        private final List<Integer> writes;
        private final int most;

        Recording(FileChannel in, List<Integer> writes, int most) {
            this.in = in;
            this.writes = writes;
            this.most = most;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            writes.add(src.remaining());
            ByteBuffer part = src.slice();
            part.limit(Math.min(most, part.remaining()));
            int n = in.write(part, position);
            src.position(src.position() + n);
            return n;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return in.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return in.read(dsts, offset, length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            throw new UnsupportedOperationException("positional writes only");
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            throw new UnsupportedOperationException("positional writes only");
        }

        @Override
        public long position() throws IOException {
            return in.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            in.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return in.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            in.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            in.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return in.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            return in.transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return in.read(dst, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return in.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return in.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return in.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            in.close();
        }
    }
}
