package org.alos2ingest.format.geotiff;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.alos2ingest.identify.IdentifyException;
import org.alos2ingest.util.ByteSource;

/**
 * A single-band GeoTIFF image as ALOS-2 Level 1.5/2.1 products hold it: UInt16 (or 8-bit) samples,
 * classic TIFF or BigTIFF, either byte order, in strips or tiles, uncompressed, Deflate, LZW or
 * PackBits (with the horizontal predictor), stored in any of the Orientations 1 to 4; georeferenced
 * by a pixel scale and tie point or a transformation matrix, in an EPSG projected or geographic system.
 *
 * <p>Rows are read on demand through a {@link RowReader}, one per thread, so an image of any size
 * costs only the rows asked for. Rows are delivered in display order (row 0 at the top, column 0 at
 * the left, as the Orientation tag says the image is meant to be seen); the georeferencing applies to
 * that order, as in libtiff's oriented reads. Finding and decoding the strips or tiles is
 * {@code TiffChunks}'s; this class reads the directory and georeferencing and puts rows in display order.
 */
public final class GeoTiffImage implements Closeable {

    private final TiffSource source;
    private final boolean bigTiff;
    private final int width;
    private final int height;
    private final int bytesPerSample;
    private final Orientation orientation;
    private final TiffChunks chunks;
    private final GeoReference georef;
    private final GeoTags geoTags;

    private GeoTiffImage(TiffSource source) {
        this.source = source;
        TiffDirectory d = TiffDirectory.readFirst(source);
        this.bigTiff = d.isBigTiff();
        this.width = dimension(d, TiffTag.IMAGE_WIDTH);
        this.height = dimension(d, TiffTag.IMAGE_LENGTH);

        long spp = d.integer(TiffTag.SAMPLES_PER_PIXEL, 1);
        if (spp != 1) {
            throw source.error("SamplesPerPixel is " + spp + "; ALOS-2 images have one band (one file per polarisation)");
        }
        long bits = d.integer(TiffTag.BITS_PER_SAMPLE, 1);
        if (bits != 16 && bits != 8) {
            throw source.error("BitsPerSample is " + bits + "; expected 16 (UInt16 amplitude) or 8");
        }
        this.bytesPerSample = (int) bits / 8;
        long format = d.integer(TiffTag.SAMPLE_FORMAT, 1);
        if (format != 1) {
            throw source.error("SampleFormat is " + format + " (" + (format == 2 ? "signed integer" : format == 3 ? "floating point" : "other")
                    + "); expected 1 (unsigned integer)");
        }
        long comp = d.integer(TiffTag.COMPRESSION, 1);
        Compression compression = Compression.of(comp).orElseThrow(() ->
                source.error(Compression.describe(comp) + " compression is not supported (uncompressed, Deflate, LZW and PackBits are)"));
        long pred = d.integer(TiffTag.PREDICTOR, 1);
        if (pred != 1 && pred != 2) {
            throw source.error("Predictor " + pred + (pred == 3 ? " (floating point)" : "") + " is not supported; expected 1 (none) or 2 (horizontal)");
        }
        try {
            this.orientation = Orientation.of(d.integer(TiffTag.ORIENTATION, 1));
        } catch (IllegalArgumentException e) {
            throw source.error(e.getMessage());
        }

        this.chunks = new TiffChunks(d, source, width, height, bytesPerSample, compression, pred == 2);
        try {
            this.georef = GeoReference.read(d, width, height);
            this.geoTags = GeoTags.read(d);
        } catch (IllegalArgumentException e) {
            throw source.error(e.getMessage());
        }
    }

    /**
     * Opens a GeoTIFF and checks its structure (every strip or tile inside the file, the
     * georeferencing understood); pixel data is read later, row by row.
     *
     * @throws IdentifyException naming the file and what it lacks or holds that cannot be read
     */
    public static GeoTiffImage open(Path file) {
        return open(TiffSource.of(file));
    }

    /**
     * The same from any source of the file's bytes. A stream ({@link ByteSource#randomAccess()}
     * false) can only be read front to back: check {@link #readsFrontToBack()} before reading rows.
     *
     * @throws OutOfOrder when the directory lies beyond what a stream holds at its start
     */
    public static GeoTiffImage open(ByteSource bytes) {
        return open(new TiffSource(bytes));
    }

    private static GeoTiffImage open(TiffSource s) {
        try {
            return new GeoTiffImage(s);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private int dimension(TiffDirectory d, int tag) {
        long v = d.integer(tag, -1);
        if (v <= 0 || v > 1 << 30) {
            throw source.error(v < 0 ? "no " + TiffTag.name(tag) : TiffTag.name(tag) + " is " + v);
        }
        return (int) v;
    }

    public Path file() {
        return source.file();
    }

    /** Bytes of the whole file. */
    public long fileSize() {
        return source.size();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int bitsPerSample() {
        return bytesPerSample * 8;
    }

    /** The EPSG code of the map projection (UTM 326zz/327zz, UPS 32661/32761, or 4326). */
    public int epsg() {
        return georef.epsg();
    }

    public GeoTransform transform() {
        return georef.transform();
    }

    /** The georeferencing tags as the file holds them, for files derived from this one. */
    public GeoTags geoTags() {
        return geoTags;
    }

    /** One line for logs: "BigTIFF, little-endian, 256 x 256 tiles, Deflate + predictor, Orientation 3". */
    public String describe() {
        StringBuilder s = new StringBuilder(bigTiff ? "BigTIFF" : "TIFF");
        s.append(", ").append(source.order() == ByteOrder.LITTLE_ENDIAN ? "little" : "big").append("-endian, ");
        s.append(width).append(" x ").append(height).append(" UInt").append(bitsPerSample()).append(", ");
        s.append(chunks.describe());
        if (orientation != Orientation.TOP_LEFT) {
            s.append(", Orientation ").append(orientation.code());
        }
        s.append(", EPSG:").append(epsg());
        return s.toString();
    }

    /**
     * Whether reading rows top to bottom reads the file front to back, as a stream must be read:
     * the strips or tiles lie in the file in row order, and the rows are not stored bottom up.
     */
    public boolean readsFrontToBack() {
        return !orientation.flipRows() && chunks.inFileOrder();
    }

    /**
     * Says that rows above {@code row} will not be read again, so that a stream may drop their bytes.
     * Only for images that {@link #readsFrontToBack()}.
     */
    public void doneAbove(int row) {
        if (row >= height) {
            source.bytes().release(source.size());
        } else {
            // row 0 too: a stream learns that it is read front to back from now on
            source.bytes().release(chunks.offset(Math.max(0, row) / chunks.chunkHeight() * chunks.chunksAcross()));
        }
    }

    /** A read out of file order from a stream: the image must be read from the file itself. */
    public static final class OutOfOrder extends IdentifyException {
        OutOfOrder(Path file, String problem, Throwable cause) {
            super(file, problem, cause);
        }
    }

    /** A reader of rows with its own buffers; use one per thread. */
    public RowReader rows() {
        return new RowReader();
    }

    @Override
    public void close() {
        source.close();
    }

    /**
     * Reads rows of pixels, in display order, as unsigned values in {@code short}s
     * ({@code s & 0xffff} is the DN). Not thread-safe; cheap to create.
     */
    public final class RowReader implements AutoCloseable {

        private final int rowBytes = width * bytesPerSample;
        private final int chunkHeight = chunks.chunkHeight();
        private final TiffChunks.Decoder decoder = chunks.decoder();
        private ByteBuffer raw = ByteBuffer.allocate(0);
        /** The decoded strip, or tile row assembled across the image, last asked for. */
        private byte[] band = new byte[0];
        private int bandIndex = -1;

        private RowReader() {
        }

        /** Frees the native Deflate state at once rather than at garbage collection. */
        @Override
        public void close() {
            decoder.close();
        }

        /**
         * Reads display rows {@code y .. y + n - 1} into {@code out}, {@code width} samples per row,
         * starting at {@code out[offset]}.
         */
        public void read(int y, int n, short[] out, int offset) {
            if (y < 0 || n < 0 || y + (long) n > height) {
                throw new IndexOutOfBoundsException("rows " + y + ".." + (y + n) + " of " + height);
            }
            if (chunks.storedStrips()) {
                readStoredStripRows(y, n, out, offset);
            } else {
                for (int i = 0; i < n; i++) {
                    int r = storageRow(y + i);
                    int b = r / chunkHeight;
                    if (b != bandIndex) {
                        loadBand(b);
                    }
                    ByteBuffer bb = ByteBuffer.wrap(band, (r - b * chunkHeight) * rowBytes, rowBytes).order(source.order());
                    toSamples(bb, out, offset + i * width);
                }
            }
            if (orientation.flipColumns()) {
                for (int i = 0; i < n; i++) {
                    reverse(out, offset + i * width, width);
                }
            }
        }

        private int storageRow(int displayRow) {
            return orientation.flipRows() ? height - 1 - displayRow : displayRow;
        }

        /** Uncompressed strips: rows that follow each other in the file are read with one call. */
        private void readStoredStripRows(int y, int n, short[] out, int offset) {
            if (n == 0) {
                return;
            }
            int first = Math.min(storageRow(y), storageRow(y + n - 1));
            int last = Math.max(storageRow(y), storageRow(y + n - 1));
            int maxRows = Math.max(1, (8 << 20) / rowBytes);
            int r = first;
            while (r <= last) {
                int strip = r / chunkHeight;
                int stripEnd = Math.min((strip + 1) * chunkHeight, height) - 1;
                int runEnd = Math.min(Math.min(last, stripEnd), r + maxRows - 1);
                int rows = runEnd - r + 1;
                long pos = chunks.offset(strip) + (long) (r - strip * chunkHeight) * rowBytes;
                int bytes = rows * rowBytes;
                if (raw.capacity() < bytes) {
                    raw = ByteBuffer.allocate(bytes);
                }
                raw.clear().limit(bytes);
                source.readInto(pos, raw, "strip " + strip);
                raw.order(source.order());
                for (int k = 0; k < rows; k++) {
                    int display = orientation.flipRows() ? height - 1 - (r + k) : r + k;
                    raw.limit((k + 1) * rowBytes).position(k * rowBytes);
                    toSamples(raw, out, offset + (display - y) * width);
                }
                r = runEnd + 1;
            }
        }

        private void toSamples(ByteBuffer b, short[] out, int at) {
            if (bytesPerSample == 2) {
                b.asShortBuffer().get(out, at, width);
            } else {
                int p = b.position();
                for (int x = 0; x < width; x++) {
                    out[at + x] = (short) (b.get(p + x) & 0xff);
                }
            }
        }

        private void loadBand(int b) {
            int bandRows = Math.min(chunkHeight, height - b * chunkHeight);
            int size = bandRows * rowBytes;
            if (band.length < size) {
                band = new byte[size];
            }
            bandIndex = -1;
            int across = chunks.chunksAcross();
            int chunkWidth = chunks.chunkWidth();
            for (int c = 0; c < across; c++) {
                byte[] data = decoder.decode(b * across + c);
                int chunkRowBytes = chunkWidth * bytesPerSample;
                int x0 = c * chunkWidth;
                int copyBytes = Math.min(chunkWidth, width - x0) * bytesPerSample;
                for (int row = 0; row < bandRows; row++) {
                    System.arraycopy(data, row * chunkRowBytes, band, row * rowBytes + x0 * bytesPerSample, copyBytes);
                }
            }
            bandIndex = b;
        }
    }

    private static void reverse(short[] a, int from, int n) {
        for (int i = from, j = from + n - 1; i < j; i++, j--) {
            short t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
