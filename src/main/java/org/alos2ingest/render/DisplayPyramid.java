package org.alos2ingest.render;

import java.util.List;

import org.alos2ingest.format.geotiff.GeoTransform;

/**
 * An image's display values at halving resolutions: level {@code L} holds one byte per block of
 * {@code 2^L x 2^L} source pixels, the mean of the block's valid (non-zero) display values, or 0
 * when the block holds no data at all. So a level's non-zero pixels cover every valid source pixel,
 * and every picture (browse, tiles) and the valid-data outline are made from these few bytes instead
 * of the source. Levels are kept from the finest one any picture needs down to 1 x 1.
 */
public final class DisplayPyramid {

    /**
     * One level.
     *
     * @param index  L: a pixel covers {@code 2^L} source pixels each way
     * @param pixels row-major display values, {@code width * height} of them
     */
    public record Level(int index, int width, int height, byte[] pixels) {

        public int factor() {
            return 1 << index;
        }

        public int at(int x, int y) {
            return pixels[y * width + x] & 0xff;
        }
    }

    private final int sourceWidth;
    private final int sourceHeight;
    private final int epsg;
    private final GeoTransform transform;
    private final List<Level> levels;

    DisplayPyramid(int sourceWidth, int sourceHeight, int epsg, GeoTransform transform, List<Level> levels) {
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a pyramid needs at least one level");
        }
        this.sourceWidth = sourceWidth;
        this.sourceHeight = sourceHeight;
        this.epsg = epsg;
        this.transform = transform;
        this.levels = List.copyOf(levels);
    }

    public int sourceWidth() {
        return sourceWidth;
    }

    public int sourceHeight() {
        return sourceHeight;
    }

    public int epsg() {
        return epsg;
    }

    /** Raster to map transform of the source (level 0) pixels. */
    public GeoTransform transform() {
        return transform;
    }

    public Level finest() {
        return levels.get(0);
    }

    public Level coarsest() {
        return levels.get(levels.size() - 1);
    }

    /** The level of index {@code L}, clamped to the levels kept. */
    public Level level(int index) {
        int i = Math.max(0, Math.min(levels.size() - 1, index - finest().index()));
        return levels.get(i);
    }

    /** The coarsest level whose pixels are no larger than {@code sourcePixels} source pixels (or the finest kept). */
    public Level forScale(double sourcePixels) {
        int l = sourcePixels < 1 ? 0 : 31 - Integer.numberOfLeadingZeros((int) Math.min(Integer.MAX_VALUE, Math.floor(sourcePixels)));
        return level(l);
    }

    public List<Level> levels() {
        return levels;
    }

    /** Bytes held (for memory checks and logs). */
    public long bytes() {
        long n = 0;
        for (Level l : levels) {
            n += l.pixels.length;
        }
        return n;
    }
}
