package org.alos2ingest.util;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Writes to files in slices of at most {@link #SLICE} bytes.
 *
 * <p>Why: the page cache gives a buffered write folios as large as the write (Linux 6.x with large
 * folios, ext4 among others). On this project's build machines (kernel 6.18, ext4, a microVM whose
 * guest memory the host backs on first touch) a 1-4 MiB write cost 2-10x the system time per byte of
 * a 256 KiB one ({@code dd bs=256k} against {@code bs=1M} and {@code bs=2M} of 1.5 GB: 0.4-0.6 s
 * against 1.1-4.9 s, all of it in {@code copy_folio_from_iter_atomic}), because the large folios
 * come from memory not touched before. Elsewhere a slice of 256 KiB costs nothing measurable: the
 * system call overhead is a few microseconds per slice.
 */
public final class FileWrites {

    /** The largest single write: 256 KiB. */
    public static final int SLICE = 256 << 10;

    private FileWrites() {
    }

    /** Writes all of {@code b} at {@code position}, in slices; {@code b}'s position ends at its limit. */
    public static void at(FileChannel ch, ByteBuffer b, long position) throws IOException {
        at(ch::write, b, position);
    }

    /** A positional write, as {@link FileChannel#write(ByteBuffer, long)}. */
    interface PositionalWrite {
        int write(ByteBuffer src, long position) throws IOException;
    }

    static void at(PositionalWrite ch, ByteBuffer b, long position) throws IOException {
        long pos = position;
        int limit = b.limit();
        try {
            while (b.hasRemaining()) {
                b.limit(Math.min(limit, b.position() + SLICE));
                while (b.hasRemaining()) {
                    pos += ch.write(b, pos);
                }
                b.limit(limit);
            }
        } finally {
            b.limit(limit);
        }
    }

    /** Writes all of {@code b} at the channel's position, in slices. */
    public static void all(WritableByteChannel ch, ByteBuffer b) throws IOException {
        int limit = b.limit();
        try {
            while (b.hasRemaining()) {
                b.limit(Math.min(limit, b.position() + SLICE));
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                b.limit(limit);
            }
        } finally {
            b.limit(limit);
        }
    }

    /** {@code out}, with every write of more than {@link #SLICE} bytes passed on in slices. */
    public static OutputStream sliced(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int done = 0; done < len; done += SLICE) {
                    out.write(b, off + done, Math.min(SLICE, len - done));
                }
            }
        };
    }
}
