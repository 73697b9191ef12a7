package org.alos2ingest.format.geotiff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.alos2ingest.format.geotiff.TiffEncoder.Tag;

/**
 * Writes a single-band Cloud-Optimized GeoTIFF (OGC 21-026) while its pixels stream past: full
 * resolution and every overview level arrive a row of tiles at a time, in any interleaving of
 * levels, and are compressed at once ({@link #encode}, from any thread) and spooled level by level
 * beside the target ({@link #append}, from any thread, in any order: a row that comes early is held
 * until the rows before it are written). {@link #finish} then lays the file out as
 * GDAL's COG driver does: header, GDAL's structural metadata, every IFD (full resolution first),
 * then the tiles from the smallest overview to the full image, each tile with GDAL's 4-byte size
 * leader and repeated 4-byte trailer; and moves it into place. Readers such as GDAL's /vsicurl/ find
 * every IFD in the first request and any tile with one more.
 *
 * <p>Tiles are Deflate ({@link LiteralDeflater}) after the horizontal predictor (2) for UInt16 or the
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

        /** Compressed bytes held, for memory accounting. */
        public long bytes() {
            long n = 0;
            for (byte[] t : tiles) {
                n += t.length;
            }
            return n;
        }
    }

    /** Off: always lay the file out by copying (tests compare both ways). */
    static boolean IN_PLACE = !Boolean.getBoolean("alos2ingest.cog.copy");

    private static final ThreadLocal<TileEncoder> ENCODERS = ThreadLocal.withInitial(TileEncoder::new);
    private static final String GHOST_HEAD = "GDAL_STRUCTURAL_METADATA_SIZE=%06d bytes\n";
    private static final String GHOST_BODY = "LAYOUT=IFDS_BEFORE_DATA\nBLOCK_ORDER=ROW_MAJOR\nBLOCK_LEADER=SIZE_AS_UINT4\n"
            + "BLOCK_TRAILER=LAST_4_BYTES_REPEATED\nKNOWN_INCOMPATIBLE_EDITION=NO\n ";

    private final Path target;
    private final Spec spec;
    private final List<LevelSpool> levels = new ArrayList<>();
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
                levels.add(new LevelSpool(levels.size(), w, h, spec.tileSize(), spool(levels.size())));
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
        LevelSpool l = levels.get(level);
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

    /** Compressed bytes spooled so far. */
    public long spooledBytes() {
        long n = 0;
        for (LevelSpool l : levels) {
            n += l.size;
        }
        return n;
    }

    /**
     * Writes the file from the spools and moves it to the target; the spools are removed.
     *
     * @return the file's size in bytes
     * @throws IllegalStateException when a level is not complete
     */
    public long finish() throws IOException {
        for (LevelSpool l : levels) {
            if (l.nextRow != l.down) {
                throw new IllegalStateException("level " + l.index + " of " + target.getFileName() + " has " + l.nextRow + " of " + l.down + " tile rows");
            }
        }
        long data = spooledBytes();
        boolean big = data + (16L << 20) > 0xFFFF_FFFFL;
        TiffEncoder enc = new TiffEncoder(ByteOrder.LITTLE_ENDIAN, big);
        long size = IN_PLACE ? inPlace(enc) : -1;
        if (size < 0) {
            size = copied(enc);
        }
        finished = true;
        close();
        return size;
    }

    /** Where everything goes: the header and IFDs, each level's first byte, the file's size. */
    private record Layout(byte[] head, long[] levelAt, long total) {
    }

    /**
     * The layout with the full resolution's data starting at a multiple of {@code align} (1: right
     * after the overviews); the bytes between are a gap no reader looks at.
     */
    private Layout layout(TiffEncoder enc, long align) {
        byte[] ghost = ghost();
        long ifdStart = even(enc.headerSize() + ghost.length);
        // First pass sizes the IFDs (their values do not change their size), the second fills in the offsets.
        long[] ifdAt = new long[levels.size()];
        long pos = ifdStart;
        for (LevelSpool l : levels) {
            ifdAt[l.index] = pos;
            pos = even(pos + enc.directory(tags(enc, l, 0), pos).length);
        }
        long dataStart = pos;
        long[] levelAt = new long[levels.size()];
        for (int i = levels.size() - 1; i >= 1; i--) {
            levelAt[i] = pos;
            pos += levels.get(i).size;
        }
        levelAt[0] = (pos + align - 1) / align * align;
        long total = levelAt[0] + levels.get(0).size;
        byte[] head = new byte[(int) dataStart];
        enc.header(ifdStart).get(head, 0, enc.headerSize());
        System.arraycopy(ghost, 0, head, enc.headerSize(), ghost.length);
        for (LevelSpool l : levels) {
            long next = l.index + 1 < levels.size() ? ifdAt[l.index + 1] : 0;
            byte[] ifd = enc.directory(tags(enc, l, levelAt[l.index]), ifdAt[l.index], next);
            System.arraycopy(ifd, 0, head, (int) ifdAt[l.index], ifd.length);
        }
        return new Layout(head, levelAt, total);
    }

    /** The file written anew: header, IFDs, then every spool copied in (the full resolution's last). */
    private long copied(TiffEncoder enc) throws IOException {
        Layout layout = layout(enc, 1);
        Path partial = target.resolveSibling("." + target.getFileName() + ".part");
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            write(out, ByteBuffer.wrap(layout.head()), 0);
            for (int i = levels.size() - 1; i >= 0; i--) {
                levels.get(i).copyTo(out, layout.levelAt()[i]);
            }
            if (out.size() != layout.total()) {
                throw new IOException(partial + ": wrote " + out.size() + " bytes, expected " + layout.total());
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return layout.total();
    }

    /**
     * The full resolution's spool made the file without copying it: room for the header, IFDs and
     * overviews is inserted before its data ({@code fallocate --insert-range}, ext4 and XFS: the
     * file's extents move, no byte is copied), they are written there, and the spool is renamed to the
     * target. Copying 1.2 GB of UBS tiles took 6 s of kernel time. The inserted room is whole
     * filesystem blocks, so up to a block of gap lies before the full resolution's first tile.
     *
     * @return the file's size, or -1 when the filesystem or system cannot (then nothing has changed)
     */
    private long inPlace(TiffEncoder enc) throws IOException {
        LevelSpool full = levels.get(0);
        long block;
        try {
            block = Math.max(4096, Files.getFileStore(full.file).getBlockSize());
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
        if (full.size == 0) {
            return -1;
        }
        Layout layout = layout(enc, block);
        long room = layout.levelAt()[0];
        if (!insertRange(full.file, room)) {
            return -1;
        }
        FileChannel ch = full.channel;
        if (ch.size() != room + full.size) {
            throw new IOException(full.file + ": " + ch.size() + " bytes after inserting " + room + " before " + full.size);
        }
        write(ch, ByteBuffer.wrap(layout.head()), 0);
        for (int i = levels.size() - 1; i >= 1; i--) {
            levels.get(i).copyTo(ch, layout.levelAt()[i]);
        }
        ch.close();
        Files.move(full.file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return layout.total();
    }

    /** util-linux's fallocate, as every Linux has it; false when it is missing or refuses (the filesystem cannot). */
    private static boolean insertRange(Path file, long length) {
        try {
            Process p = new ProcessBuilder("fallocate", "--insert-range", "--offset", "0", "--length", Long.toString(length), file.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // the filesystem writes the file's dirty pages out first: seconds for a large image
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void write(FileChannel ch, ByteBuffer b, long at) throws IOException {
        long pos = at;
        while (b.hasRemaining()) {
            pos += ch.write(b, pos);
        }
    }

    private static byte[] ghost() {
        String body = GHOST_BODY;
        return (String.format(java.util.Locale.ROOT, GHOST_HEAD, body.length()) + body).getBytes(StandardCharsets.US_ASCII);
    }

    private static long even(long n) {
        return n + (n & 1);
    }

    private List<Tag> tags(TiffEncoder enc, LevelSpool l, long base) {
        List<Tag> tags = new ArrayList<>();
        if (l.index > 0) {
            tags.add(enc.longTag(254, 1)); // NewSubfileType: a reduced-resolution version
        }
        tags.add(enc.longTag(256, l.width));
        tags.add(enc.longTag(257, l.height));
        tags.add(enc.shortTag(258, spec.type().bytes * 8));
        tags.add(enc.shortTag(259, 8));
        tags.add(enc.shortTag(262, 1));
        tags.add(enc.shortTag(277, 1));
        tags.add(enc.shortTag(284, 1));
        tags.add(enc.shortTag(317, spec.type().predictor));
        tags.add(enc.shortTag(322, spec.tileSize()));
        tags.add(enc.shortTag(323, spec.tileSize()));
        long[] offsets = new long[l.offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = base + l.offsets[i];
        }
        tags.add(enc.offsets(324, offsets));
        tags.add(enc.offsets(325, l.counts));
        tags.add(enc.shortTag(339, spec.type().sampleFormat));
        if (l.index == 0) {
            tags.addAll(spec.geo().encode(enc));
            String md = gdalMetadata();
            if (md != null) {
                tags.add(enc.ascii(42112, md));
            }
        }
        if (spec.nodata() != null) {
            tags.add(enc.ascii(42113, spec.nodata()));
        }
        tags.sort(Comparator.comparingInt(Tag::code));
        return tags;
    }

    /** GDAL's own XML of dataset and band metadata (what gdalinfo prints and QGIS shows). */
    private String gdalMetadata() {
        StringBuilder s = new StringBuilder();
        spec.metadata().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> s.append("  <Item name=\"").append(xml(e.getKey())).append("\">").append(xml(e.getValue())).append("</Item>\n"));
        if (spec.description() != null) {
            s.append("  <Item name=\"DESCRIPTION\" sample=\"0\" role=\"description\">").append(xml(spec.description())).append("</Item>\n");
        }
        if (spec.unit() != null) {
            s.append("  <Item name=\"UNITTYPE\" sample=\"0\" role=\"unittype\">").append(xml(spec.unit())).append("</Item>\n");
        }
        return s.isEmpty() ? null : "<GDALMetadata>\n" + s + "</GDALMetadata>\n";
    }

    private static String xml(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Removes the spools, and nothing else: a finished file stays, an unfinished one was never at the target. */
    @Override
    public void close() {
        for (LevelSpool l : levels) {
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

    /** One level's compressed tiles, in file order, in a spool file until {@link #finish}. */
    private static final class LevelSpool {
        final int index;
        final int width;
        final int height;
        final int across;
        final int down;
        final long[] offsets;
        final long[] counts;
        final Path file;
        final FileChannel channel;
        int nextRow;
        long size;

        LevelSpool(int index, int width, int height, int tile, Path file) throws IOException {
            this.index = index;
            this.width = width;
            this.height = height;
            this.across = (width + tile - 1) / tile;
            this.down = (height + tile - 1) / tile;
            this.offsets = new long[Math.multiplyExact(across, down)];
            this.counts = new long[offsets.length];
            this.file = file;
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
        }

        /** Rows that came before their turn, held until the rows before them are written. */
        private final java.util.TreeMap<Integer, byte[][]> early = new java.util.TreeMap<>();

        synchronized void append(int tileRow, byte[][] tiles) throws IOException {
            if (tileRow < nextRow || early.containsKey(tileRow) || tileRow >= down) {
                throw new IllegalStateException("level " + index + ": tile row " + tileRow + " given twice or out of range (" + down + " rows)");
            }
            if (tileRow != nextRow) {
                early.put(tileRow, tiles);
                return;
            }
            write(tiles);
            while (!early.isEmpty() && early.firstKey() == nextRow) {
                write(early.pollFirstEntry().getValue());
            }
        }

        private void write(byte[][] tiles) throws IOException {
            int tileRow = nextRow;
            int bytes = 0;
            for (byte[] t : tiles) {
                bytes += 8 + t.length;
            }
            ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
            for (int c = 0; c < tiles.length; c++) {
                byte[] t = tiles[c];
                b.putInt(t.length);
                offsets[tileRow * across + c] = size + b.position();
                counts[tileRow * across + c] = t.length;
                b.put(t);
                // GDAL's trailer: the tile's last 4 bytes again, to notice a tile changed in place
                b.put(t, t.length - 4, 4);
            }
            b.flip();
            while (b.hasRemaining()) {
                channel.write(b, size + b.position());
            }
            size += bytes;
            nextRow++;
        }

        void copyTo(FileChannel out, long at) throws IOException {
            long done = 0;
            while (done < size) {
                long n = channel.transferTo(done, size - done, out.position(at + done));
                if (n <= 0) {
                    throw new IOException(file + ": spool ends at " + done + " of " + size + " bytes");
                }
                done += n;
            }
        }

        void close() {
            try {
                channel.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
