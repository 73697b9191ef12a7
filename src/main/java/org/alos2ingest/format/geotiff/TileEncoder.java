package org.alos2ingest.format.geotiff;

import org.alos2ingest.util.LiteralDeflater;

/**
 * Turns one tile of samples into its compressed bytes: lays the samples out little-endian (padding
 * past the image's edge), applies the TIFF predictor, then {@link LiteralDeflater}. Holds its
 * buffers between tiles; one per thread.
 */
final class TileEncoder {

    /** A sample of a band by index, so that a calibration can be applied on the way without a copy. */
    interface FloatAt {
        float at(int index);
    }

    /**
     * The code is made from the byte counts of one row in this many: counting every byte took twice as
     * long as the differencing itself, and a sample of 128 rows of a 512-row tile codes speckle within
     * 0.1 % of the exact counts' size.
     */
    static final int SAMPLED_ROWS = 4;

    private final LiteralDeflater deflater = new LiteralDeflater();
    private final int[] lowCounts = new int[256];
    /** Four interleaved tables: high bytes of speckle differences repeat, and an increment that waits on the last is slow. */
    private final int[] highCounts = new int[4 * 256];
    private byte[] raw = new byte[0];

    /**
     * UInt16 with the horizontal predictor (2): each sample minus its left neighbour, modulo 2^16.
     * Outside the image the samples are 0.
     */
    byte[] uint16(short[] band, int x0, int w, int rows, int stride, int tile) {
        int bytes = 2 * tile * tile;
        byte[] r = buffer(bytes);
        int[] lows = lowCounts;
        int[] highs = highCounts;
        java.util.Arrays.fill(lows, 0);
        java.util.Arrays.fill(highs, 0);
        int k = 0;
        for (int y = 0; y < tile; y++) {
            int prev = 0;
            boolean sampled = (y & (SAMPLED_ROWS - 1)) == 0;
            if (y < rows && !sampled) {
                int at = y * stride + x0;
                for (int x = 0; x < w; x++) {
                    int v = band[at + x];
                    int d = v - prev;
                    prev = v;
                    r[k] = (byte) d;
                    r[k + 1] = (byte) (d >> 8);
                    k += 2;
                }
            } else if (y < rows) {
                int at = y * stride + x0;
                // counted as made: low and high bytes in tables of their own
                for (int x = 0; x < w; x++) {
                    int v = band[at + x];
                    int d = v - prev;
                    prev = v;
                    int lo = d & 0xff;
                    int hi = (d >> 8) & 0xff;
                    r[k] = (byte) lo;
                    r[k + 1] = (byte) hi;
                    k += 2;
                    lows[lo]++;
                    highs[(x & 3) << 8 | hi]++;
                }
            }
            int pad = y < rows ? tile - w : tile;
            if (pad > 0) {
                // the first padding sample differs from its left neighbour, the rest are 0 - 0
                int d = -prev;
                r[k] = (byte) d;
                r[k + 1] = (byte) (d >> 8);
                k += 2;
                java.util.Arrays.fill(r, k, k + 2 * (pad - 1), (byte) 0);
                k += 2 * (pad - 1);
                if (sampled) {
                    lows[d & 0xff]++;
                    highs[(d >> 8) & 0xff]++;
                    lows[0] += pad - 1;
                    highs[0] += pad - 1;
                }
            }
        }
        for (int b = 0; b < 256; b++) {
            lows[b] += highs[b] + highs[256 + b] + highs[512 + b] + highs[768 + b];
        }
        return deflater.compress(r, bytes, lows);
    }

    /**
     * Float32 with the floating-point predictor (3, Adobe Technical Note 3 / libtiff's fpDiff): each
     * row's samples split into byte planes, most significant first, then every byte minus the one
     * before it. Outside the image the samples are NaN.
     */
    byte[] float32(FloatAt band, int x0, int w, int rows, int stride, int tile) {
        int rowBytes = 4 * tile;
        int bytes = rowBytes * tile;
        byte[] r = buffer(bytes);
        int nan = Float.floatToRawIntBits(Float.NaN);
        for (int y = 0; y < tile; y++) {
            int row = y * rowBytes;
            int at = y * stride + x0;
            int n = y < rows ? w : 0;
            for (int x = 0; x < tile; x++) {
                int v = x < n ? Float.floatToRawIntBits(band.at(at + x)) : nan;
                r[row + x] = (byte) (v >>> 24);
                r[row + tile + x] = (byte) (v >>> 16);
                r[row + 2 * tile + x] = (byte) (v >>> 8);
                r[row + 3 * tile + x] = (byte) v;
            }
            for (int i = row + rowBytes - 1; i > row; i--) {
                r[i] = (byte) (r[i] - r[i - 1]);
            }
        }
        return deflater.compress(r, bytes);
    }

    private byte[] buffer(int n) {
        if (raw.length < n) {
            raw = new byte[n];
        }
        return raw;
    }
}
