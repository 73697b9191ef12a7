package org.alos2ingest.render;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The sampling half of {@link TileRenderer}: shades tile pixels from one {@link DisplayPyramid}
 * level at source positions the renderer has worked out. Positions are fixed point (1/65536 of a
 * level pixel, pixel centres at whole numbers). When enlarging, bilinear with no-data given no
 * weight, drawn where at least half the weight is data; when reducing, the mean of four point
 * samples spread over the tile pixel's footprint, drawn where at least two are data.
 */
final class LevelSampler {

    /** Reads two neighbouring level pixels with one load (and one bounds check). */
    private static final VarHandle PAIR = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long FULL_WEIGHT = 65536L << 32;

    private final byte[] pixels;
    // the level being sampled
    private byte[] px;
    private int lw;
    private int lh;
    private long lw16;
    private long lh16;
    private boolean reduce;
    private long ax;
    private long ay;
    private long bx;
    private long by;
    /** How far, in fixed point, the four reduce samples reach from the pixel's position along x and y. */
    private long reachX;
    private long reachY;

    /** @param pixels the tile's display values, written by {@link #shade} */
    LevelSampler(byte[] pixels) {
        this.pixels = pixels;
    }

    /**
     * Samples {@code level} from now on, for tile pixels that are {@code rel} level pixels across;
     * (cu, ru) and (cv, rv) are the source pixels one tile pixel step along each tile axis spans.
     */
    void use(DisplayPyramid.Level level, double rel, double cu, double ru, double cv, double rv) {
        double f = level.factor();
        this.reduce = rel > 1.0001;
        // Sub-sample offsets (a quarter of a tile pixel along each tile axis), in level pixels.
        this.ax = fixed(0.25 * cu / f);
        this.ay = fixed(0.25 * ru / f);
        this.bx = fixed(0.25 * cv / f);
        this.by = fixed(0.25 * rv / f);
        this.reachX = Math.abs(ax) + Math.abs(bx);
        this.reachY = Math.abs(ay) + Math.abs(by);
        this.px = level.pixels();
        this.lw = level.width();
        this.lh = level.height();
        this.lw16 = (long) lw << 16;
        this.lh16 = (long) lh << 16;
    }

    /** Whether the level last used is coarser than the tile (reducing) rather than finer. */
    boolean reducing() {
        return reduce;
    }

    static long fixed(double v) {
        return Math.round(v * 65536);
    }

    /**
     * Shades {@code count} tile pixels from i on, at level positions (p, q) stepping by (dp, dq): as
     * {@link #shade} does pixel by pixel, with the same values. When reducing and every sample of the
     * run falls inside the level (positions are linear along the run, so its ends tell), the run
     * takes a loop without the per-sample bounds tests, in one method small enough for the JIT to
     * compile whole (the JIT would not inline {@link #shade}, then 338 bytecodes, into the renderer's loop).
     */
    boolean shadeRun(int i, int count, long p, long q, long dp, long dq) {
        if (count <= 0) {
            return false;
        }
        long pe = p + (count - 1) * dp;
        long qe = q + (count - 1) * dq;
        if (reduce && inside(p, q) && inside(pe, qe)) {
            return reduceInside(i, count, p, q, dp, dq);
        }
        boolean drawn = false;
        for (int k = 0; k < count; k++) {
            drawn |= shade(i + k, p, q);
            p += dp;
            q += dq;
        }
        return drawn;
    }

    /** Whether all four reduce samples about (p, q) round to a pixel inside the level. */
    private boolean inside(long p, long q) {
        return p + 32768 - reachX >= 0 && q + 32768 - reachY >= 0 && p + 32768 + reachX < lw16 && q + 32768 + reachY < lh16;
    }

    private boolean reduceInside(int i, int count, long p, long q, long dp, long dq) {
        byte[] px = this.px;
        byte[] out = this.pixels;
        int lw = this.lw;
        // the four sample offsets, with the rounding to the nearest pixel centre folded in
        long p1 = 32768 - ax - bx;
        long q1 = 32768 - ay - by;
        long p2 = 32768 + ax - bx;
        long q2 = 32768 + ay - by;
        long p3 = 32768 - ax + bx;
        long q3 = 32768 - ay + by;
        long p4 = 32768 + ax + bx;
        long q4 = 32768 + ay + by;
        boolean drawn = false;
        for (int k = 0; k < count; k++) {
            int v1 = px[(int) ((q + q1) >> 16) * lw + (int) ((p + p1) >> 16)] & 0xff;
            int v2 = px[(int) ((q + q2) >> 16) * lw + (int) ((p + p2) >> 16)] & 0xff;
            int v3 = px[(int) ((q + q3) >> 16) * lw + (int) ((p + p3) >> 16)] & 0xff;
            int v4 = px[(int) ((q + q4) >> 16) * lw + (int) ((p + p4) >> 16)] & 0xff;
            p += dp;
            q += dq;
            if (v1 != 0 && v2 != 0 && v3 != 0 && v4 != 0) {
                out[i + k] = (byte) ((v1 + v2 + v3 + v4 + 2) >> 2);
                drawn = true;
            } else {
                drawn |= mean(i + k, v1, v2, v3, v4);
            }
        }
        return drawn;
    }

    /**
     * Samples level position (p, q) (fixed point, 1/65536 of a level pixel; pixel centres at whole
     * numbers) into tile pixel i; true when drawn.
     */
    boolean shade(int i, long p, long q) {
        if (reduce) {
            // Four point samples spread over the tile pixel's footprint (at most 2 level pixels
            // wide): their mean is the footprint's box average, at a quarter of the cost of
            // bilinear samples.
            int v1 = point(p - ax - bx, q - ay - by);
            int v2 = point(p + ax - bx, q + ay - by);
            int v3 = point(p - ax + bx, q - ay + by);
            int v4 = point(p + ax + bx, q + ay + by);
            return mean(i, v1, v2, v3, v4);
        }
        long a = sample(p, q);
        long w = a >>> 32;
        long s = a & 0xffffffffL;
        if (w < 32768) {
            return false;
        }
        // all four neighbours on data: a shift; at the swath's edge: the mean of the valid part
        long value = w == 65536 ? (s + 32768) >> 16 : (s + (w >> 1)) / w;
        pixels[i] = (byte) (value < 1 ? 1 : Math.min(255, value));
        return true;
    }

    /** Tile pixel i from four point samples: the mean of those on data, drawn where at least two are. */
    private boolean mean(int i, int v1, int v2, int v3, int v4) {
        int n = (v1 != 0 ? 1 : 0) + (v2 != 0 ? 1 : 0) + (v3 != 0 ? 1 : 0) + (v4 != 0 ? 1 : 0);
        if (n < 2) {
            return false;
        }
        int sum = v1 + v2 + v3 + v4;
        int value = n == 4 ? (sum + 2) >> 2 : n == 2 ? (sum + 1) >> 1 : (sum * 2 + 3) / 6;
        pixels[i] = (byte) value;
        return true;
    }

    /** The level pixel nearest to position (p, q), or 0 (no data) outside the level. */
    private int point(long p, long q) {
        long pp = p + 32768;
        long qq = q + 32768;
        if (pp < 0 || qq < 0 || pp >= lw16 || qq >= lh16) {
            return 0;
        }
        return px[(int) (qq >> 16) * lw + (int) (pp >> 16)] & 0xff;
    }

    /*
     * One bilinear sample at level position (p, q) (pixel centres at integers) in 8-bit fixed point,
     * no-data given no weight, packed into a long: the valid weight (out of 65536) in the high half,
     * the weighted sum of values in the low half; no allocation in the hot loop.
     */
    private long sample(long p, long q) {
        if (p <= -65536 || q <= -65536 || p >= lw16 || q >= lh16) {
            return 0;
        }
        long pp = p + 65536;
        long qq = q + 65536;
        int ix = (int) (pp >> 16) - 1;
        int iy = (int) (qq >> 16) - 1;
        int fx = (int) (pp >> 8) & 0xff;
        int fy = (int) (qq >> 8) & 0xff;
        byte[] px = this.px;
        int lw = this.lw;
        int lh = this.lh;
        int w00 = (256 - fx) * (256 - fy);
        int w10 = fx * (256 - fy);
        int w01 = (256 - fx) * fy;
        int w11 = fx * fy;
        int v00 = 0;
        int v10 = 0;
        int v01 = 0;
        int v11 = 0;
        if (ix >= 0 && iy >= 0 && ix + 1 < lw && iy + 1 < lh) {
            // two neighbours per load, one bounds check each
            int r = iy * lw + ix;
            int top = (short) PAIR.get(px, r);
            int bottom = (short) PAIR.get(px, r + lw);
            v00 = top & 0xff;
            v10 = (top >> 8) & 0xff;
            v01 = bottom & 0xff;
            v11 = (bottom >> 8) & 0xff;
            if (v00 != 0 && v10 != 0 && v01 != 0 && v11 != 0) {
                return FULL_WEIGHT | (w00 * v00 + w10 * v10 + w01 * v01 + w11 * v11);
            }
        } else {
            if (iy >= 0) {
                if (ix >= 0) {
                    v00 = px[iy * lw + ix] & 0xff;
                }
                if (ix + 1 < lw) {
                    v10 = px[iy * lw + ix + 1] & 0xff;
                }
            }
            if (iy + 1 < lh) {
                if (ix >= 0) {
                    v01 = px[(iy + 1) * lw + ix] & 0xff;
                }
                if (ix + 1 < lw) {
                    v11 = px[(iy + 1) * lw + ix + 1] & 0xff;
                }
            }
        }
        int w = (v00 != 0 ? w00 : 0) + (v10 != 0 ? w10 : 0) + (v01 != 0 ? w01 : 0) + (v11 != 0 ? w11 : 0);
        int s = w00 * v00 + w10 * v10 + w01 * v01 + w11 * v11;
        return ((long) w << 32) | s;
    }
}
