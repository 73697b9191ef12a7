package org.alos2ingest.format.geotiff;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.alos2ingest.identify.IdentifyException;
import org.alos2ingest.util.ByteSource;

/**
 * A TIFF file opened for positional reads: every read names its offset, so several threads share one
 * source, and nothing is mapped or read ahead (a 1.8 GB image costs no more heap than the rows asked
 * for). The source may be a zip entry inflated as it is read; then reads must go front to back.
 */
final class TiffSource implements Closeable {

    private final Path file;
    private final ByteSource bytes;
    private final long size;
    private ByteOrder order = ByteOrder.BIG_ENDIAN;

    TiffSource(ByteSource bytes) {
        this.bytes = bytes;
        this.file = bytes.file();
        try {
            this.size = bytes.size();
        } catch (IOException e) {
            throw new IdentifyException(file, "cannot open: " + e.getMessage(), e);
        }
    }

    /** The file on disk. */
    static TiffSource of(Path file) {
        try {
            return new TiffSource(ByteSource.file(file));
        } catch (IOException e) {
            throw new IdentifyException(file, "cannot open: " + e.getMessage(), e);
        }
    }

    ByteSource bytes() {
        return bytes;
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    ByteOrder order() {
        return order;
    }

    void order(ByteOrder o) {
        this.order = o;
    }

    /** Reads exactly {@code length} bytes at {@code offset} into a new buffer in the file's byte order. */
    ByteBuffer read(long offset, int length, String what) {
        ByteBuffer b = ByteBuffer.allocate(length);
        readInto(offset, b, what);
        return b.flip().order(order);
    }

    /** Fills {@code b} (from its position to its limit) with the bytes at {@code offset}. */
    void readInto(long offset, ByteBuffer b, String what) {
        int wanted = b.remaining();
        check(offset, wanted, what);
        long pos = offset;
        try {
            bytes.readFully(pos, b);
        } catch (ByteSource.OutsideWindow e) {
            throw new GeoTiffImage.OutOfOrder(file, what + " at offset " + offset + ": " + e.getMessage(), e);
        } catch (java.io.EOFException e) {
            throw error(offset, what + " ends early (file is " + size + " bytes)");
        } catch (IOException e) {
            throw new IdentifyException(file, "offset " + offset + ": cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a byte range that does not lie inside the file: a lying offset is an error, not a seek past the end. */
    void check(long offset, long length, String what) {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw error(offset, what + " (" + length + " bytes) lies outside the file (" + size + " bytes): truncated or corrupt TIFF");
        }
    }

    IdentifyException error(long offset, String problem) {
        return new IdentifyException(file, "offset " + offset + ": " + problem);
    }

    IdentifyException error(String problem) {
        return new IdentifyException(file, problem);
    }

    @Override
    public void close() {
        bytes.close();
    }
}
