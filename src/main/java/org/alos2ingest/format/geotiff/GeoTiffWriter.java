package org.alos2ingest.format.geotiff;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Writes a single-band UInt16 GeoTIFF the way JAXA delivers Level 1.5/2.1 products: uncompressed
 * strips, no no-data tag, georeferenced by a pixel scale, one tie point and GeoKeys naming the EPSG
 * projected (or geographic) system. Rows are streamed, so an image of any size needs one row of
 * memory. BigTIFF is written when the image would not fit a classic TIFF's 4 GiB offsets.
 *
 * <p>{@link #withLayout} writes the other layouts a GeoTIFF reader must cope with (tiles, Deflate
 * or LZW with the horizontal predictor, the Orientation tag, a transformation matrix or PixelIsPoint
 * georeferencing), so that readers can be tested against every variant.
 */
public final class GeoTiffWriter {

    /** How the samples of a non-default file are compressed. */
    public enum Compression {
        NONE(1), DEFLATE(8), LZW(5);

        private final int code;

        Compression(int code) {
            this.code = code;
        }
    }

    /**
     * The storage layout of a file.
     *
     * @param tileSize      square tile size (a multiple of 16), or 0 for strips
     * @param rowsPerStrip  rows per strip when not tiled
     * @param predictor     horizontal differencing before compression (TIFF Predictor 2)
     * @param orientation   TIFF Orientation 1 to 4: rows still arrive top row first, the file stores
     *                      them as the tag says (e.g. 3: bottom row first, columns right to left)
     * @param matrix        georeference by ModelTransformationTag instead of pixel scale and tie point
     * @param pixelIsPoint  declare GTRasterTypeGeoKey PixelIsPoint (tie point at the centre of pixel 0,0)
     */
    public record Layout(int tileSize, int rowsPerStrip, Compression compression, boolean predictor, int orientation,
                         boolean matrix, boolean pixelIsPoint) {

        /** What JAXA writes: uncompressed 8-row strips, Orientation 1, scale and tie point. */
        public static final Layout JAXA = new Layout(0, ROWS_PER_STRIP, Compression.NONE, false, 1, false, false);

        public Layout {
            if (tileSize < 0 || tileSize % 16 != 0 || rowsPerStrip < 1 || orientation < 1 || orientation > 4) {
                throw new IllegalArgumentException("bad layout: tiles " + tileSize + ", rows per strip " + rowsPerStrip + ", orientation " + orientation);
            }
        }

        public Layout tiled(int size) {
            return new Layout(size, rowsPerStrip, compression, predictor, orientation, matrix, pixelIsPoint);
        }

        public Layout strips(int rows) {
            return new Layout(0, rows, compression, predictor, orientation, matrix, pixelIsPoint);
        }

        public Layout compressed(Compression c, boolean withPredictor) {
            return new Layout(tileSize, rowsPerStrip, c, withPredictor, orientation, matrix, pixelIsPoint);
        }

        public Layout oriented(int o) {
            return new Layout(tileSize, rowsPerStrip, compression, predictor, o, matrix, pixelIsPoint);
        }

        public Layout georeferenced(boolean byMatrix, boolean asPixelIsPoint) {
            return new Layout(tileSize, rowsPerStrip, compression, predictor, orientation, byMatrix, asPixelIsPoint);
        }
    }

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
    private final Layout layout;

    /**
     * @param originX map x of the top-left corner of the top-left pixel
     * @param originY map y of that corner
     */
    public GeoTiffWriter(int width, int height, int epsg, double originX, double originY, double pixelSizeX, double pixelSizeY,
                         ByteOrder order, boolean forceBig) {
        this(width, height, epsg, originX, originY, pixelSizeX, pixelSizeY, order, forceBig, Layout.JAXA);
    }

    private GeoTiffWriter(int width, int height, int epsg, double originX, double originY, double pixelSizeX, double pixelSizeY,
                          ByteOrder order, boolean forceBig, Layout layout) {
        this.layout = layout;
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

    /** The same image written with another storage layout. */
    public GeoTiffWriter withLayout(Layout newLayout) {
        return new GeoTiffWriter(width, height, epsg, originX, originY, pixelSizeX, pixelSizeY, order, forceBig, newLayout);
    }

    public long imageBytes() {
        return 2L * width * height;
    }

    private record Tag(int code, int type, long count, ByteBuffer value) {
    }

    public void write(Path file, RowSource rows) throws IOException {
        if (!layout.equals(Layout.JAXA)) {
            new ChunkedFile(file).write(rows);
            return;
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            write(out, rows);
        }
    }

    /** Streams a file in JAXA's layout (the only one that needs no seeking). */
    public void write(OutputStream out, RowSource rows) throws IOException {
        if (!layout.equals(Layout.JAXA)) {
            throw new IllegalStateException("layout " + layout + " needs a file, not a stream");
        }
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
        return geoKeys(1);
    }

    private Tag geoKeys(int rasterType) {
        boolean geographic = epsg == 4326;
        short r = (short) rasterType;
        short[] keys = geographic
                ? new short[] {1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, r, 2048, 0, 1, 4326}
                : new short[] {1, 1, 0, 4, 1024, 0, 1, 1, 1025, 0, 1, r, 3072, 0, 1, (short) epsg, 3076, 0, 1, 9001};
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

    /**
     * A file in a non-default layout: chunks are compressed as their rows complete and appended,
     * then the IFD is written at the end and the header pointed at it (TIFF allows the IFD anywhere).
     */
    private final class ChunkedFile {
        private final Path file;
        private final boolean big = forceBig;
        private final boolean tiled = layout.tileSize() > 0;
        private final int chunkW = tiled ? layout.tileSize() : width;
        private final int chunkH = tiled ? layout.tileSize() : Math.min(layout.rowsPerStrip(), height);
        private final int across = (width + chunkW - 1) / chunkW;
        private final int down = (height + chunkH - 1) / chunkH;
        private final long[] offsets = new long[across * down];
        private final long[] counts = new long[across * down];
        private final boolean flipRows = layout.orientation() == 3 || layout.orientation() == 4;
        private final boolean flipColumns = layout.orientation() == 2 || layout.orientation() == 3;
        private final Deflater deflater = new Deflater(6);
        private final TiffLzwEncoder lzw = new TiffLzwEncoder();

        ChunkedFile(Path file) {
            this.file = file;
        }

        void write(RowSource rows) throws IOException {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                long pos = big ? 16 : 8;
                short[] band = new short[chunkH * width];
                short[] row = new short[width];
                int bandIndex = -1;
                int filled = 0;
                for (int y = 0; y < height; y++) {
                    rows.row(y, row);
                    int r = flipRows ? height - 1 - y : y;
                    int b = r / chunkH;
                    if (b != bandIndex) {
                        bandIndex = b;
                        filled = 0;
                        Arrays.fill(band, (short) 0);
                    }
                    int at = (r - b * chunkH) * width;
                    for (int x = 0; x < width; x++) {
                        band[at + x] = row[flipColumns ? width - 1 - x : x];
                    }
                    filled++;
                    if (filled == Math.min(chunkH, height - b * chunkH)) {
                        pos = writeBand(ch, pos, b, band);
                    }
                }
                pos += pos & 1;
                writeDirectory(ch, pos);
            } finally {
                deflater.end();
            }
        }

        private long writeBand(FileChannel ch, long pos, int b, short[] band) throws IOException {
            int rowsInChunk = tiled ? chunkH : Math.min(chunkH, height - b * chunkH);
            byte[] raw = new byte[2 * chunkW * rowsInChunk];
            ByteBuffer bb = ByteBuffer.wrap(raw).order(order);
            for (int c = 0; c < across; c++) {
                bb.clear();
                for (int r = 0; r < rowsInChunk; r++) {
                    int prev = 0;
                    for (int x = 0; x < chunkW; x++) {
                        int gx = c * chunkW + x;
                        int v = gx < width && b * chunkH + r < height ? band[r * width + gx] & 0xffff : 0;
                        bb.putShort((short) (layout.predictor() ? v - prev : v));
                        prev = v;
                    }
                }
                byte[] data = compress(raw);
                ch.write(ByteBuffer.wrap(data), pos);
                offsets[b * across + c] = pos;
                counts[b * across + c] = data.length;
                pos += data.length;
            }
            return pos;
        }

        private byte[] compress(byte[] raw) {
            switch (layout.compression()) {
                case NONE:
                    return raw.clone();
                case LZW:
                    return lzw.encode(raw, raw.length);
                default:
                    deflater.reset();
                    deflater.setInput(raw);
                    deflater.finish();
                    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
                    byte[] buf = new byte[65536];
                    while (!deflater.finished()) {
                        int n = deflater.deflate(buf);
                        out.write(buf, 0, n);
                    }
                    return out.toByteArray();
            }
        }

        private void writeDirectory(FileChannel ch, long ifdPos) throws IOException {
            List<Tag> tags = new ArrayList<>();
            tags.add(longTag(256, width));
            tags.add(longTag(257, height));
            tags.add(shortTag(258, 16));
            tags.add(shortTag(259, layout.compression().code));
            tags.add(shortTag(262, 1));
            if (layout.orientation() != 1) {
                tags.add(shortTag(274, layout.orientation()));
            }
            tags.add(shortTag(277, 1));
            tags.add(shortTag(284, 1));
            if (layout.predictor()) {
                tags.add(shortTag(317, 2));
            }
            tags.add(shortTag(339, 1));
            if (tiled) {
                tags.add(longTag(322, chunkW));
                tags.add(longTag(323, chunkH));
                tags.add(offsetsTag(324, offsets));
                tags.add(offsetsTag(325, counts));
            } else {
                tags.add(offsetsTag(273, offsets));
                tags.add(longTag(278, chunkH));
                tags.add(offsetsTag(279, counts));
            }
            double half = layout.pixelIsPoint() ? 0.5 : 0;
            double tieX = originX + half * pixelSizeX;
            double tieY = originY - half * pixelSizeY;
            if (layout.matrix()) {
                tags.add(doubles(34264, pixelSizeX, 0, 0, tieX, 0, -pixelSizeY, 0, tieY, 0, 0, 0, 0, 0, 0, 0, 1));
            } else {
                tags.add(doubles(33550, pixelSizeX, pixelSizeY, 0));
                tags.add(doubles(33922, 0, 0, 0, tieX, tieY, 0));
            }
            tags.add(geoKeys(layout.pixelIsPoint() ? 2 : 1));
            tags.sort(Comparator.comparingInt(Tag::code));

            int entrySize = big ? 20 : 12;
            int inlineMax = big ? 8 : 4;
            long ifdSize = (big ? 8 : 2) + (long) tags.size() * entrySize + (big ? 8 : 4);
            long valuePos = ifdPos + ifdSize;
            ByteBuffer ifd = buffer((int) ifdSize);
            ByteArrayOutputStream values = new ByteArrayOutputStream();
            if (big) {
                ifd.putLong(tags.size());
            } else {
                ifd.putShort((short) tags.size());
            }
            for (Tag t : tags) {
                ifd.putShort((short) t.code).putShort((short) t.type);
                if (big) {
                    ifd.putLong(t.count);
                } else {
                    ifd.putInt((int) t.count);
                }
                ByteBuffer v = t.value.duplicate().order(order);
                v.rewind();
                byte[] bytes = new byte[v.remaining()];
                v.get(bytes);
                if (bytes.length <= inlineMax) {
                    ifd.put(Arrays.copyOf(bytes, inlineMax));
                } else {
                    long at = valuePos + values.size();
                    if (big) {
                        ifd.putLong(at);
                    } else {
                        ifd.putInt((int) at);
                    }
                    values.write(bytes);
                    if ((bytes.length & 1) != 0) {
                        values.write(0);
                    }
                }
            }
            if (big) {
                ifd.putLong(0);
            } else {
                ifd.putInt(0);
            }
            ch.write(ifd.flip(), ifdPos);
            ch.write(ByteBuffer.wrap(values.toByteArray()), valuePos);
            ByteBuffer head = buffer(big ? 16 : 8);
            byte mark = order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M';
            head.put(mark).put(mark);
            if (big) {
                head.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(ifdPos);
            } else {
                head.putShort((short) 42).putInt((int) ifdPos);
            }
            ch.write(head.flip(), 0);
        }

        private Tag offsetsTag(int code, long[] values) {
            ByteBuffer b = buffer(values.length * (big ? 8 : 4));
            for (long v : values) {
                if (big) {
                    b.putLong(v);
                } else {
                    b.putInt((int) v);
                }
            }
            return new Tag(code, big ? 16 : 4, values.length, b.flip());
        }
    }
}
