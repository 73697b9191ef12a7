package org.alos2ingest.format.geotiff;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Test-side: bytes of a little-endian classic TIFF changed in place, to corrupt it on purpose. */
final class TiffPatch {

    private TiffPatch() {
    }

    /** Changes the byte at {@code at} (xor 0x5a). */
    static void flip(Path f, long at) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, at);
            b.put(0, (byte) (b.get(0) ^ 0x5a)).rewind();
            ch.write(b, at);
        }
    }

    static void write(Path f, long at, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(bytes), at);
        }
    }

    static byte[] read(Path f, long at, int n) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(n);
            ch.read(b, at);
            return b.array();
        }
    }

    static int readShort(Path f, long at) throws IOException {
        return ByteBuffer.wrap(read(f, at, 2)).order(ByteOrder.LITTLE_ENDIAN).getShort(0) & 0xffff;
    }

    static long firstIfd(Path f) throws IOException {
        return ByteBuffer.wrap(read(f, 4, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt(0) & 0xffffffffL;
    }

    /** Sets the inline value of a LONG or SHORT entry of the first IFD. */
    static void entry(Path f, int tag, long value) throws IOException {
        long ifd = firstIfd(f);
        int n = readShort(f, ifd);
        for (int i = 0; i < n; i++) {
            long at = ifd + 2 + 12L * i;
            if (readShort(f, at) == tag) {
                ByteBuffer v = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
                if (readShort(f, at + 2) == 3) {
                    v.putShort((short) value);
                } else {
                    v.putInt((int) value);
                }
                write(f, at + 8, v.array());
                return;
            }
        }
        fail("no tag " + tag + " in " + f);
    }
}
