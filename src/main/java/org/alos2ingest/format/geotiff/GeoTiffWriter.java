package org.alos2ingest.format.geotiff;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.alos2ingest.format.geotiff.TiffEncoder.Tag;

/**
 * Writes a single-band UInt16 GeoTIFF the way JAXA delivers Level 1.5/2.1 products: uncompressed
 * strips, no no-data tag, georeferenced by a pixel scale, one tie point and GeoKeys naming the EPSG
 * projected (or geographic) system. Rows are streamed, so an image of any size needs one row of
 * memory. BigTIFF is written when the image would not fit a classic TIFF's 4 GiB offsets.
 *
 * <p>{@link #withLayout} writes the other layouts a GeoTIFF reader must cope with (tiles, Deflate
 * or LZW with the horizontal predictor, the Orientation tag, a transformation matrix or PixelIsPoint
 * georeferencing), so that readers can be tested against every variant; {@code ChunkedTiffWriter}
 * lays those out. The TIFF structure's bytes (header, IFD, tag values) are {@code TiffEncoder}'s.
 */
public final class GeoTiffWriter {

    /** How the samples of a non-default file are compressed. */
    public enum Compression {
        NONE(1), DEFLATE(8), LZW(5);

        private final int code;

        Compression(int code) {
            this.code = code;
        }

        /** The TIFF Compression tag's value. */
        int code() {
            return code;
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

    public void write(Path file, RowSource rows) throws IOException {
        if (!layout.equals(Layout.JAXA)) {
            TiffEncoder enc = new TiffEncoder(order, forceBig);
            new ChunkedTiffWriter(width, height, layout, enc, geoTags(enc)).write(file, rows);
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
        TiffEncoder enc = new TiffEncoder(order, big);
        int strips = (height + ROWS_PER_STRIP - 1) / ROWS_PER_STRIP;

        // Layout: header, IFD, out-of-line tag values, then the image strips in order.
        List<Tag> tags = new ArrayList<>();
        tags.add(enc.longTag(256, width));
        tags.add(enc.longTag(257, height));
        tags.add(enc.shortTag(258, 16));
        tags.add(enc.shortTag(259, 1));
        tags.add(enc.shortTag(262, 1));
        tags.add(null); // 273 StripOffsets, filled below
        tags.add(enc.shortTag(277, 1));
        tags.add(enc.longTag(278, ROWS_PER_STRIP));
        tags.add(null); // 279 StripByteCounts
        tags.add(enc.shortTag(284, 1));
        tags.add(enc.shortTag(339, 1));
        tags.addAll(geoTags(enc));

        // Offsets/counts arrays are sized first: their values depend on where the data starts.
        int offsetWidth = big ? 8 : 4;
        long outOfLine = 0;
        for (Tag t : tags) {
            if (t != null && t.value().capacity() > enc.inlineMax()) {
                outOfLine += pad(t.value().capacity());
            }
        }
        long arrays = 2 * pad((long) strips * offsetWidth);
        long dataStart = enc.headerSize() + enc.ifdSize(tags.size()) + outOfLine + arrays;

        long[] offsets = new long[strips];
        long[] counts = new long[strips];
        long pos = dataStart;
        for (int s = 0; s < strips; s++) {
            int rowsInStrip = Math.min(ROWS_PER_STRIP, height - s * ROWS_PER_STRIP);
            offsets[s] = pos;
            counts[s] = 2L * width * rowsInStrip;
            pos += counts[s];
        }
        tags.set(5, enc.offsets(273, offsets));
        tags.set(8, enc.offsets(279, counts));

        byte[] head = new byte[(int) dataStart];
        enc.header(enc.headerSize()).get(head, 0, enc.headerSize());
        byte[] directory = enc.directory(tags, enc.headerSize());
        System.arraycopy(directory, 0, head, enc.headerSize(), directory.length);
        out.write(head);

        short[] row = new short[width];
        ByteBuffer rowBytes = ByteBuffer.allocate(2 * width).order(order);
        for (int y = 0; y < height; y++) {
            rows.row(y, row);
            rowBytes.clear();
            rowBytes.asShortBuffer().put(row);
            out.write(rowBytes.array(), 0, 2 * width);
        }
    }

    /**
     * The georeferencing: pixel scale and tie point (or a transformation matrix) placing the top-left
     * corner of the top-left pixel at (originX, originY), or its centre for PixelIsPoint, and the GeoKeys.
     */
    private List<Tag> geoTags(TiffEncoder enc) {
        double tieX = layout.pixelIsPoint() ? originX + 0.5 * pixelSizeX : originX;
        double tieY = layout.pixelIsPoint() ? originY - 0.5 * pixelSizeY : originY;
        List<Tag> tags = new ArrayList<>();
        if (layout.matrix()) {
            tags.add(enc.doubles(34264, pixelSizeX, 0, 0, tieX, 0, -pixelSizeY, 0, tieY, 0, 0, 0, 0, 0, 0, 0, 1));
        } else {
            tags.add(enc.doubles(33550, pixelSizeX, pixelSizeY, 0));
            tags.add(enc.doubles(33922, 0, 0, 0, tieX, tieY, 0));
        }
        tags.add(enc.geoKeys(epsg, layout.pixelIsPoint() ? 2 : 1));
        return tags;
    }

    private static long pad(long n) {
        return (n + 1) & ~1L;
    }
}
