package org.alos2ingest.format.geotiff;

/**
 * One resolution level of a TIFF as a COG checker sees it: its IFD's offset, its size, its blocks
 * (tiles, or strips the width of the image) and where each block lies, every one checked to be inside
 * the file. Only the first band's blocks count, as GDAL's validator looks at band 1.
 */
final class CogLevel {

    /** Most blocks one level may have: 4 Mi tiles of 512 are a 10^6 x 10^6-pixel image, far beyond any SAR scene. */
    static final long MAX_BLOCKS = 1L << 22;

    private final String name;
    private final long ifdOffset;
    private final int width;
    private final int height;
    private final boolean tiled;
    private final int blockWidth;
    private final int blockHeight;
    private final int across;
    private final int down;
    private final long[] offsets;
    private final long[] counts;

    /** @param name how errors name the level: "Main resolution image", "Overview 0", ... */
    CogLevel(TiffDirectory d, TiffSource source, String name) {
        this.name = name;
        this.ifdOffset = d.offset();
        this.width = dimension(d, source, TiffTag.IMAGE_WIDTH);
        this.height = dimension(d, source, TiffTag.IMAGE_LENGTH);
        this.tiled = d.has(TiffTag.TILE_OFFSETS) || d.has(TiffTag.TILE_WIDTH);
        if (tiled) {
            long tw = d.integer(TiffTag.TILE_WIDTH, 0);
            long th = d.integer(TiffTag.TILE_LENGTH, 0);
            if (tw <= 0 || th <= 0 || tw > 1 << 20 || th > 1 << 20) {
                throw source.error(d.offset(), name + ": TileWidth x TileLength is " + tw + " x " + th + ", expected 1 to 2^20 each");
            }
            blockWidth = (int) tw;
            blockHeight = (int) th;
        } else {
            long rps = d.integer(TiffTag.ROWS_PER_STRIP, 0xffffffffL);
            if (rps <= 0) {
                throw source.error(d.offset(), name + ": RowsPerStrip is " + rps + ", expected at least 1");
            }
            blockWidth = width;
            blockHeight = (int) Math.min(rps, height);
        }
        long a = (width + (long) blockWidth - 1) / blockWidth;
        long b = (height + (long) blockHeight - 1) / blockHeight;
        if (a * b > MAX_BLOCKS) {
            throw source.error(d.offset(), name + ": " + width + " x " + height + " in " + blockWidth + " x " + blockHeight + " blocks makes "
                    + a * b + " blocks, more than " + MAX_BLOCKS);
        }
        this.across = (int) a;
        this.down = (int) b;
        int blocks = across * down;
        int offsetsTag = tiled ? TiffTag.TILE_OFFSETS : TiffTag.STRIP_OFFSETS;
        int countsTag = tiled ? TiffTag.TILE_BYTE_COUNTS : TiffTag.STRIP_BYTE_COUNTS;
        this.offsets = d.integers(offsetsTag, blocks).orElseThrow(() -> source.error(d.offset(), name + ": no " + TiffTag.name(offsetsTag)));
        if (offsets.length < blocks) {
            throw source.error(d.offset(), name + ": " + TiffTag.name(offsetsTag) + " has " + offsets.length + " entries, expected " + blocks
                    + " for " + width + " x " + height + " in " + blockWidth + " x " + blockHeight + " blocks");
        }
        long[] c = d.integers(countsTag, blocks).orElse(null);
        if (c == null) {
            c = uncompressedCounts(d, source);
        } else if (c.length < blocks) {
            throw source.error(d.offset(), name + ": " + TiffTag.name(countsTag) + " has " + c.length + " entries, expected " + blocks);
        }
        this.counts = c;
        long headerEnd = d.isBigTiff() ? 16 : 8;
        for (int i = 0; i < blocks; i++) {
            if (offsets[i] == 0) {
                continue; // a sparse block: GDAL reads it as no data
            }
            if (offsets[i] < headerEnd) {
                throw source.error(offsets[i], name + ": " + block(i) + " starts inside the TIFF header");
            }
            source.check(offsets[i], counts[i], name + ": " + block(i));
        }
    }

    /** Without byte counts (TIFF 6.0 requires them, libtiff guesses): what uncompressed blocks of this size hold. */
    private long[] uncompressedCounts(TiffDirectory d, TiffSource source) {
        int countsTag = tiled ? TiffTag.TILE_BYTE_COUNTS : TiffTag.STRIP_BYTE_COUNTS;
        if (d.integer(TiffTag.COMPRESSION, 1) != 1) {
            throw source.error(d.offset(), name + ": no " + TiffTag.name(countsTag) + " for compressed data");
        }
        long samples = d.integer(TiffTag.PLANAR_CONFIGURATION, 1) == 2 ? 1 : d.integer(TiffTag.SAMPLES_PER_PIXEL, 1);
        long bytesPerPixel = (samples * d.integer(TiffTag.BITS_PER_SAMPLE, 1) + 7) / 8;
        long[] c = new long[across * down];
        for (int i = 0; i < c.length; i++) {
            int rows = tiled ? blockHeight : Math.min(blockHeight, height - (i / across) * blockHeight);
            c[i] = blockWidth * bytesPerPixel * rows;
        }
        return c;
    }

    private static int dimension(TiffDirectory d, TiffSource source, int tag) {
        long v = d.integer(tag, -1);
        if (v <= 0 || v > Integer.MAX_VALUE) {
            throw source.error(d.offset(), v < 0 ? "no " + TiffTag.name(tag) : TiffTag.name(tag) + " is " + v + ", expected 1 to 2^31-1");
        }
        return (int) v;
    }

    String name() {
        return name;
    }

    long ifdOffset() {
        return ifdOffset;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    boolean tiled() {
        return tiled;
    }

    int blockWidth() {
        return blockWidth;
    }

    int blockHeight() {
        return blockHeight;
    }

    /** Blocks in row-major order. */
    int blocks() {
        return across * down;
    }

    long offset(int block) {
        return offsets[block];
    }

    long byteCount(int block) {
        return counts[block];
    }

    /** "block (x, y)", as GDAL's validator names a block. */
    String block(int block) {
        return "block (" + block % across + ", " + block / across + ")";
    }

    /** The offset of the first block, in row-major order, that has data; 0 when none has. */
    long firstDataOffset() {
        for (long o : offsets) {
            if (o != 0) {
                return o;
            }
        }
        return 0;
    }

    /** GDAL's test for "not tiled": blocks as wide as an image wider than 1024 (strips, or one column of tiles). */
    boolean untiledForGdal() {
        return blockWidth == width && blockWidth > 1024;
    }
}
