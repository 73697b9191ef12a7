package org.alos2ingest.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(data, 7, data.length - 7);
            // a channel that takes at most 100 000 bytes per write
            FileWrites.at((src, position) -> {
                writes.add(src.remaining());
                ByteBuffer part = src.slice();
                part.limit(Math.min(100_000, part.remaining()));
                int n = ch.write(part, position);
                src.position(src.position() + n);
                return n;
            }, b, 1000);
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
    void atPositionOnAFileChannel() throws IOException {
        byte[] data = random(FileWrites.SLICE + 3);
        Path f = tmp.resolve("g");
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileWrites.at(ch, ByteBuffer.wrap(data), 5);
        }
        byte[] back = Files.readAllBytes(f);
        assertArrayEquals(data, Arrays.copyOfRange(back, 5, back.length));
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
}
