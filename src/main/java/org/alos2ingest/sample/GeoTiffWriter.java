package org.alos2ingest.sample;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a single-band UInt16 GeoTIFF the way JAXA delivers Level 1.5/2.1 products: uncompressed
 * strips, no no-data tag, georeferenced by a pixel scale, one tie point and GeoKeys naming the EPSG
 * projected (or geographic) system. Rows are streamed, so an image of any size needs one row of
 * memory. BigTIFF is written when the image would not fit a classic TIFF's 4 GiB offsets.
 */
public final class GeoTiffWriter {

    /** Fills one row of pixels, top row first. */
    @FunctionalInterface
    public interface RowSource {
        void row(int y, short[] row);
    }

    private static final int ROWS_PER_STRIP = 8;

    private final int width;
    private final int height;
    private final int epsg;
    private final double originX;
    private final double originY;
    private final double pixelSizeX;
    private final double pixelSizeY;
    private final ByteOrder order;
    private final boolean forceBig;

    /**
     * @param originX map x of the top-left corner of the top-left pixel
     * @param originY map y of that corner
     */
    public GeoTiffWriter(int width, int height, int epsg, double originX, double originY, double pixelSizeX, double pixelSizeY,
                         ByteOrder order, boolean forceBig) {
        this.width = width;
        this.height = height;
        this.epsg = epsg;
        this.originX = originX;
        this.originY = originY;
        this.pixelSizeX = pixelSizeX;
        this.pixelSizeY = pixelSizeY;
        this.order = order;
        this.forceBig = forceBig;
    }

    public long imageBytes() {
        return 2L * width * height;
    }

    private record Tag(int code, int type, long count, ByteBuffer value) {
    }

    public void write(Path file, RowSource rows) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            write(out, rows);
        }
    }

    public void write(OutputStream out, RowSource rows) throws IOException {
        boolean big = forceBig || imageBytes() + 1_000_000 > 0xFFFF_FFFFL;
        int strips = (height + ROWS_PER_STRIP - 1) / ROWS_PER_STRIP;

        // Layout: header, IFD, out-of-line tag values, then the image strips in order.
        List<Tag> tags = new ArrayList<>();
        tags.add(longTag(256, width));
        tags.add(longTag(257, height));
        tags.add(shortTag(258, 16));
        tags.add(shortTag(259, 1));
        tags.add(shortTag(262, 1));
        tags.add(null); // 273 StripOffsets, filled below
        tags.add(shortTag(277, 1));
        tags.add(longTag(278, ROWS_PER_STRIP));
        tags.add(null); // 279 StripByteCounts
        tags.add(shortTag(284, 1));
        tags.add(shortTag(339, 1));
        tags.add(doubles(33550, pixelSizeX, pixelSizeY, 0));
        tags.add(doubles(33922, 0, 0, 0, originX, originY, 0));
        tags.add(geoKeys());

        int headerSize = big ? 16 : 8;
        int entrySize = big ? 20 : 12;
        int inlineMax = big ? 8 : 4;
        int ifdSize = (big ? 8 : 2) + tags.size() * entrySize + (big ? 8 : 4);
        // Offsets/counts arrays are sized first: their values depend on where the data starts.
        int offsetType = big ? 16 : 4;
        int offsetWidth = big ? 8 : 4;
        long outOfLine = 0;
        for (Tag t : tags) {
            if (t != null && t.value.capacity() > inlineMax) {
                outOfLine += pad(t.value.capacity());
            }
        }
        long arrays = 2 * pad((long) strips * offsetWidth);
        long dataStart = headerSize + ifdSize + outOfLine + arrays;

        ByteBuffer offsets = buffer((int) ((long) strips * offsetWidth));
        ByteBuffer counts = buffer((int) ((long) strips * offsetWidth));
        long pos = dataStart;
        for (int s = 0; s < strips; s++) {
            int rowsInStrip = Math.min(ROWS_PER_STRIP, height - s * ROWS_PER_STRIP);
            long bytes = 2L * width * rowsInStrip;
            if (big) {
                offsets.putLong(pos);
                counts.putLong(bytes);
            } else {
                offsets.putInt((int) pos);
                counts.putInt((int) bytes);
            }
            pos += bytes;
        }
        tags.set(5, new Tag(273, offsetType, strips, offsets.flip()));
        tags.set(8, new Tag(279, offsetType, strips, counts.flip()));

        ByteBuffer head = buffer((int) (dataStart));
        head.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        head.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        if (big) {
            head.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(headerSize);
        } else {
            head.putShort((short) 42).putInt(headerSize);
        }
        long valuePos = headerSize + ifdSize;
        ByteBuffer values = buffer((int) (outOfLine + arrays));
        if (big) {
            head.putLong(tags.size());
        } else {
            head.putShort((short) tags.size());
        }
        for (Tag t : tags) {
            head.putShort((short) t.code).putShort((short) t.type);
            if (big) {
                head.putLong(t.count);
            } else {
                head.putInt((int) t.count);
            }
            ByteBuffer v = t.value.duplicate().order(order);
            v.rewind();
            if (v.capacity() <= inlineMax) {
                byte[] inline = new byte[inlineMax];
                v.get(inline, 0, v.capacity());
                head.put(inline);
            } else {
                if (big) {
                    head.putLong(valuePos);
                } else {
                    head.putInt((int) valuePos);
                }
                values.put(v);
                int padding = (int) (pad(v.capacity()) - v.capacity());
                values.put(new byte[padding]);
                valuePos += pad(v.capacity());
            }
        }
        if (big) {
            head.putLong(0);
        } else {
            head.putInt(0);
        }
        head.put(values.flip());
        out.write(head.array(), 0, head.position());

        short[] row = new short[width];
        ByteBuffer rowBytes = buffer(2 * width);
        for (int y = 0; y < height; y++) {
            rows.row(y, row);
            rowBytes.clear();
            rowBytes.asShortBuffer().put(row);
            out.write(rowBytes.array(), 0, 2 * width);
        }
    }

    private Tag geoKeys() {
        boolean geographic = epsg == 4326;
        short[] keys = geographic
                ? new short[] {1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326}
                : new short[] {1, 1, 0, 4, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, (short) epsg, 3076, 0, 1, 9001};
        ByteBuffer b = buffer(keys.length * 2);
        for (short k : keys) {
            b.putShort(k);
        }
        return new Tag(34735, 3, keys.length, b.flip());
    }

    private Tag shortTag(int code, int v) {
        ByteBuffer b = buffer(2).putShort((short) v);
        return new Tag(code, 3, 1, b.flip());
    }

    private Tag longTag(int code, long v) {
        ByteBuffer b = buffer(4).putInt((int) v);
        return new Tag(code, 4, 1, b.flip());
    }

    private Tag doubles(int code, double... v) {
        ByteBuffer b = buffer(8 * v.length);
        for (double d : v) {
            b.putDouble(d);
        }
        return new Tag(code, 12, v.length, b.flip());
    }

    private ByteBuffer buffer(int n) {
        return ByteBuffer.allocate(n).order(order);
    }

    private static long pad(long n) {
        return (n + 1) & ~1L;
    }
}
