package org.alos2ingest.format.geotiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.alos2ingest.format.geotiff.TiffEncoder.Tag;

/**
 * Test-side: the structure of a tiled, uncompressed UInt16 GeoTIFF with overviews laid out as GDAL's
 * COG driver lays it out (or, on request, in another IFD or data order), without its pixels: every
 * tile's bytes are a hole in a sparse file except its last 4, which the trailer repeats, and its size
 * leader. So a 1.8 GB image costs a few megabytes of disk, and a test can place every part where it wants.
 * And {@link #pages}: a chain of as many IFDs as a test wants.
 */
final class SyntheticCog {

    private static final String GHOST = "LAYOUT=IFDS_BEFORE_DATA\nBLOCK_ORDER=ROW_MAJOR\nBLOCK_LEADER=SIZE_AS_UINT4\n"
            + "BLOCK_TRAILER=LAST_4_BYTES_REPEATED\nKNOWN_INCOMPATIBLE_EDITION=NO\n ";

    private final int tile;
    private final List<int[]> sizes = new ArrayList<>();
    private final boolean big;
    private int[] ifdOrder;
    private int[] dataOrder;
    private int leaderError;

    /** The full image and its overviews, halving (rounding up) until one tile holds a level. */
    SyntheticCog(int width, int height, int tile, boolean big) {
        this.tile = tile;
        this.big = big;
        int w = width;
        int h = height;
        sizes.add(new int[] {w, h});
        while (w > tile || h > tile) {
            w = (w + 1) / 2;
            h = (h + 1) / 2;
            sizes.add(new int[] {w, h});
        }
        ifdOrder = new int[sizes.size()];
        dataOrder = new int[sizes.size()];
        for (int i = 0; i < sizes.size(); i++) {
            ifdOrder[i] = i;
            dataOrder[i] = sizes.size() - 1 - i;
        }
    }

    int levels() {
        return sizes.size();
    }

    /** IFDs in this order of levels (0 the full image), instead of by decreasing size. */
    SyntheticCog ifdOrder(int... levels) {
        this.ifdOrder = levels.clone();
        return this;
    }

    /** Level data in this order, instead of the smallest overview first. */
    SyntheticCog dataOrder(int... levels) {
        this.dataOrder = levels.clone();
        return this;
    }

    /** Every tile's size leader off by {@code error}. */
    SyntheticCog leadersOffBy(int error) {
        this.leaderError = error;
        return this;
    }

    private int across(int level) {
        return (sizes.get(level)[0] + tile - 1) / tile;
    }

    private int tiles(int level) {
        return across(level) * ((sizes.get(level)[1] + tile - 1) / tile);
    }

    private long tileBytes() {
        return 2L * tile * tile;
    }

    /** Writes the file; returns its size. */
    long write(Path file) throws IOException {
        TiffEncoder enc = new TiffEncoder(ByteOrder.LITTLE_ENDIAN, big);
        byte[] ghost = String.format(Locale.ROOT, "GDAL_STRUCTURAL_METADATA_SIZE=%06d bytes\n", GHOST.length()).concat(GHOST)
                .getBytes(StandardCharsets.US_ASCII);
        long[][] offsets = new long[sizes.size()][];
        for (int l = 0; l < sizes.size(); l++) {
            offsets[l] = new long[tiles(l)];
        }
        // IFD sizes do not depend on the values in them: place the IFDs, then the data, then encode.
        long pos = even(enc.headerSize() + ghost.length);
        long[] ifdAt = new long[sizes.size()];
        for (int l : ifdOrder) {
            ifdAt[l] = pos;
            pos = even(pos + enc.directory(tags(enc, l, offsets[l]), pos).length);
        }
        for (int l : dataOrder) {
            for (int t = 0; t < tiles(l); t++) {
                offsets[l][t] = pos + 4;
                pos += 4 + tileBytes() + 4;
            }
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ch.write(enc.header(ifdAt[ifdOrder[0]]), 0);
            ch.write(ByteBuffer.wrap(ghost), enc.headerSize());
            for (int i = 0; i < ifdOrder.length; i++) {
                int l = ifdOrder[i];
                long next = i + 1 < ifdOrder.length ? ifdAt[ifdOrder[i + 1]] : 0;
                ch.write(ByteBuffer.wrap(enc.directory(tags(enc, l, offsets[l]), ifdAt[l], next)), ifdAt[l]);
            }
            ByteBuffer ends = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            for (int l = 0; l < sizes.size(); l++) {
                for (int t = 0; t < offsets[l].length; t++) {
                    long at = offsets[l][t];
                    ch.write(ends.clear().putInt((int) tileBytes() + leaderError).flip(), at - 4);
                    int mark = l << 24 | t;
                    ch.write(ends.clear().putInt(mark).putInt(mark).flip(), at + tileBytes() - 4);
                }
            }
            return ch.size();
        }
    }

    /** A chain of {@code n} 1 x 1 images, each a reduced-resolution IFD after the first. */
    static Path pages(Path f, int n) throws IOException {
        TiffEncoder enc = new TiffEncoder(ByteOrder.LITTLE_ENDIAN, false);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            long data = 8;
            ch.write(ByteBuffer.wrap(new byte[] {1, 0}), data);
            long pos = 10;
            ch.write(enc.header(pos), 0);
            for (int i = 0; i < n; i++) {
                List<TiffEncoder.Tag> tags = List.of(enc.longTag(254, i == 0 ? 0 : 1), enc.longTag(256, 1), enc.longTag(257, 1), enc.shortTag(258, 16),
                        enc.longTag(273, data), enc.longTag(278, 1), enc.longTag(279, 2));
                long size = enc.directory(tags, pos).length;
                long next = i + 1 < n ? pos + size + (size & 1) : 0;
                ch.write(ByteBuffer.wrap(enc.directory(tags, pos, next)), pos);
                pos = next;
            }
        }
        return f;
    }

    private List<Tag> tags(TiffEncoder enc, int level, long[] offsets) {
        long[] counts = new long[offsets.length];
        java.util.Arrays.fill(counts, tileBytes());
        List<Tag> tags = new ArrayList<>();
        if (level > 0) {
            tags.add(enc.longTag(254, 1));
        }
        tags.add(enc.longTag(256, sizes.get(level)[0]));
        tags.add(enc.longTag(257, sizes.get(level)[1]));
        tags.add(enc.shortTag(258, 16));
        tags.add(enc.shortTag(259, 1));
        tags.add(enc.shortTag(262, 1));
        tags.add(enc.shortTag(277, 1));
        tags.add(enc.shortTag(284, 1));
        tags.add(enc.shortTag(322, tile));
        tags.add(enc.shortTag(323, tile));
        tags.add(enc.offsets(324, offsets));
        tags.add(enc.offsets(325, counts));
        tags.add(enc.shortTag(339, 1));
        if (level == 0) {
            tags.add(enc.doubles(33550, 2.5, 2.5, 0));
            tags.add(enc.doubles(33922, 0, 0, 0, 500_000, 7_800_000, 0));
            tags.add(enc.geoKeys(32740, 1));
        }
        return tags;
    }

    private static long even(long n) {
        return n + (n & 1);
    }
}
