package org.alos2ingest.format.geotiff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


/**
 * Writes a single-band Cloud-Optimized GeoTIFF (OGC 21-026) while its pixels stream past: full
 * resolution and every overview level arrive a row of tiles at a time, in any interleaving of
 * levels, and are compressed at once ({@link #encode}, from any thread) and spooled level by level
 * beside the target ({@link #append}, from any thread, in any order: a row that comes early is held
 * until the rows before it are written). {@link #finish} then lays the file out ({@link CogLayout}) as
 * GDAL's COG driver does: header, GDAL's structural metadata, every IFD (full resolution first),
 * then the tiles from the smallest overview to the full image, each tile with GDAL's 4-byte size
 * leader and repeated 4-byte trailer; and moves it into place. Readers such as GDAL's /vsicurl/ find
 * every IFD in the first request and any tile with one more.
 *
 * <p>Tiles are Deflate ({@link org.alos2ingest.util.LiteralDeflater}) after the horizontal predictor (2) for UInt16 or the
 * floating-point predictor (3) for Float32. Not for images of more than 2^31 tiles per level.
 */
public final class CogWriter implements AutoCloseable {

    /** Sample types the writer takes. */
    public enum SampleType {
        UINT16(2, 1, 2), FLOAT32(4, 3, 3);

        final int bytes;
        final int sampleFormat;
        final int predictor;

        SampleType(int bytes, int sampleFormat, int predictor) {
            this.bytes = bytes;
            this.sampleFormat = sampleFormat;
            this.predictor = predictor;
        }
    }

    /**
     * What to write.
     *
     * @param nodata      GDAL_NODATA's text ("0", "nan"), or null for none
     * @param description the band's description (GDAL_METADATA), or null
     * @param unit        the band's unit (GDAL_METADATA UNITTYPE), or null
     * @param metadata    dataset metadata items (GDAL_METADATA), in order
     */
    public record Spec(int width, int height, SampleType type, int tileSize, GeoTags geo, String nodata, String description, String unit,
                       Map<String, String> metadata) {
        public Spec {
            if (width < 1 || height < 1 || tileSize < 16 || tileSize % 16 != 0) {
                throw new IllegalArgumentException("bad COG shape: " + width + " x " + height + ", tiles of " + tileSize);
            }
            metadata = Map.copyOf(metadata);
        }
    }

    /** One row of tiles of one level, compressed, waiting for its turn in the file. */
    public static final class EncodedRow {
        private final int level;
        private final int tileRow;
        private final byte[][] tiles;

        private EncodedRow(int level, int tileRow, byte[][] tiles) {
            this.level = level;
            this.tileRow = tileRow;
            this.tiles = tiles;
        }
    }

    /** Off: always lay the file out by copying (tests compare both ways). */
    static boolean IN_PLACE = !Boolean.getBoolean("alos2ingest.cog.copy");

    private static final ThreadLocal<TileEncoder> ENCODERS = ThreadLocal.withInitial(TileEncoder::new);

    private final Path target;
    private final Spec spec;
    private final List<TileSpool> levels = new ArrayList<>();
    private boolean finished;

    /**
     * Prepares to write {@code target}; overviews halve the image (rounding up) until it fits one tile.
     *
     * @throws IOException when the spool files beside the target cannot be created
     */
    public CogWriter(Path target, Spec spec) throws IOException {
        this.target = target;
        this.spec = spec;
        int w = spec.width();
        int h = spec.height();
        try {
            while (true) {
                levels.add(new TileSpool(levels.size(), w, h, spec.tileSize(), spool(levels.size())));
                if (w <= spec.tileSize() && h <= spec.tileSize()) {
                    break;
                }
                w = (w + 1) / 2;
                h = (h + 1) / 2;
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Path spool(int level) {
        return target.resolveSibling("." + target.getFileName() + ".level" + level + ".part");
    }

    /** The file written by {@link #finish}. */
    public Path target() {
        return target;
    }

    /** Levels written: the full image (0) and its overviews. */
    public int levels() {
        return levels.size();
    }

    public int width(int level) {
        return levels.get(level).width;
    }

    public int height(int level) {
        return levels.get(level).height;
    }

    /** Rows of tiles of a level. */
    public int tileRows(int level) {
        return levels.get(level).down;
    }

    /** Image rows in tile row {@code tileRow} of {@code level}: the tile size, or fewer in the last. */
    public int rowsIn(int level, int tileRow) {
        return Math.min(spec.tileSize(), height(level) - tileRow * spec.tileSize());
    }

    /**
     * Compresses tile row {@code tileRow} of {@code level} from UInt16 samples: {@code band} holds its
     * rows ({@link #rowsIn} of them) of {@code width(level)} samples, from index 0. Thread-safe.
     */
    public EncodedRow encode(int level, int tileRow, short[] band) {
        requireType(SampleType.UINT16);
        return encodeRow(level, tileRow, (enc, x0, w, rows, stride) -> enc.uint16(band, x0, w, rows, stride, spec.tileSize()));
    }

    /** The same for Float32 samples {@code lut[dn]} of UInt16 values: a calibration applied on the way. */
    public EncodedRow encode(int level, int tileRow, short[] band, float[] lut) {
        requireType(SampleType.FLOAT32);
        if (lut.length != 65536) {
            throw new IllegalArgumentException("a UInt16 lookup table has 65536 entries, not " + lut.length);
        }
        return encodeRow(level, tileRow, (enc, x0, w, rows, stride) -> enc.float32(i -> lut[band[i] & 0xffff], x0, w, rows, stride, spec.tileSize()));
    }

    /** The same for Float32 samples. */
    public EncodedRow encode(int level, int tileRow, float[] band) {
        requireType(SampleType.FLOAT32);
        return encodeRow(level, tileRow, (enc, x0, w, rows, stride) -> enc.float32(i -> band[i], x0, w, rows, stride, spec.tileSize()));
    }

    private void requireType(SampleType t) {
        if (spec.type() != t) {
            throw new IllegalArgumentException("this COG holds " + spec.type() + " samples, not " + t);
        }
    }

    private interface TileFill {
        byte[] tile(TileEncoder enc, int x0, int w, int rows, int stride);
    }

    private EncodedRow encodeRow(int level, int tileRow, TileFill fill) {
        TileSpool l = levels.get(level);
        if (tileRow < 0 || tileRow >= l.down) {
            throw new IndexOutOfBoundsException("tile row " + tileRow + " of level " + level + " (" + l.down + " rows)");
        }
        int rows = rowsIn(level, tileRow);
        TileEncoder enc = ENCODERS.get();
        byte[][] tiles = new byte[l.across][];
        for (int c = 0; c < l.across; c++) {
            int x0 = c * spec.tileSize();
            tiles[c] = fill.tile(enc, x0, Math.min(spec.tileSize(), l.width - x0), rows, l.width);
        }
        return new EncodedRow(level, tileRow, tiles);
    }

    /** Spools an encoded row; each row once, in any order. */
    public void append(EncodedRow row) throws IOException {
        levels.get(row.level).append(row.tileRow, row.tiles);
    }

    /**
     * Writes the file from the spools and moves it to the target; the spools are removed.
     *
     * @return the file's size in bytes
     * @throws IllegalStateException when a level is not complete
     */
    public long finish() throws IOException {
        for (TileSpool l : levels) {
            if (l.nextRow != l.down) {
                throw new IllegalStateException("level " + l.index + " of " + target.getFileName() + " has " + l.nextRow + " of " + l.down + " tile rows");
            }
        }
        long size = new CogLayout(target, spec, levels).write(IN_PLACE);
        finished = true;
        close();
        return size;
    }

    /** Removes the spools, and nothing else: a finished file stays, an unfinished one was never at the target. */
    @Override
    public void close() {
        for (TileSpool l : levels) {
            l.close();
        }
        if (!finished) {
            try {
                Files.deleteIfExists(target.resolveSibling("." + target.getFileName() + ".part"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
