package org.alos2ingest.render;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.alos2ingest.util.LiteralDeflater;

/**
 * Encodes display images as 8-bit greyscale PNG whose value 0 is transparent (a tRNS chunk), which
 * is exactly the display convention (0 = no data): a quarter of the bytes of the RGBA tiles GDAL
 * writes, and every browser and image library honours it. Rows are filtered with PNG's "Up" filter,
 * cheap and good on the smooth, speckle-averaged images and long no-data runs of SAR pictures. Not
 * thread-safe: one encoder per thread.
 */
final class PngEncoder implements AutoCloseable {

    private static final byte[] SIGNATURE = {(byte) 137, 'P', 'N', 'G', 13, 10, 26, 10};
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    /**
     * The literal code is made from the counts of one row in this many: counting every byte took a
     * third of the coding's time, and a quarter of a tile's rows codes it within 0.3 % of the size
     * exact counts give.
     */
    static final int SAMPLED_ROWS = 4;
    private static final int IHDR = 0x49484452;
    private static final int TRNS = 0x74524e53;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454e44;
    /** Signature, IHDR (13 bytes), tRNS (2), the IDAT chunk's own 12, IEND (0). */
    private static final int OVERHEAD = 8 + 12 + 13 + 12 + 2 + 12 + 12;

    /** Null when coding with {@link #literals}. */
    private final Deflater deflater;
    private final LiteralDeflater literals;
    private final CRC32 crc = new CRC32();
    /** Byte counts of the filtered image's sampled rows, in four interleaved tables (see {@link #countSample}). */
    private final int[] counts4 = new int[4 * 256];
    private final int[] counts = new int[256];
    private byte[] filtered = new byte[0];
    private byte[] zbuf = new byte[1 << 16];
    private final ByteArrayOutputStream idat = new ByteArrayOutputStream(1 << 16);

    /**
     * Deflate by {@link LiteralDeflater}: one Huffman code of literals, no string matching. On tiles
     * it is 3 to 4 times faster than zlib's fastest level, for speckle at the same size; see
     * TileCostBenchmark for the figures, smooth and empty tiles included.
     */
    PngEncoder() {
        this.deflater = null;
        this.literals = new LiteralDeflater();
    }

    /** Deflate by zlib. @param level Deflate level, 1 (fast) to 9 */
    PngEncoder(int level) {
        this(level, Deflater.DEFAULT_STRATEGY);
    }

    /**
     * Deflate by zlib.
     *
     * @param strategy a {@link Deflater} strategy: {@link Deflater#HUFFMAN_ONLY} suits speckle at
     *                 full resolution (hardly any repeats for LZ77 to find: half the time for 1 %
     *                 more bytes), the default suits enlarged, smooth images
     */
    PngEncoder(int level, int strategy) {
        this.deflater = new Deflater(level);
        this.literals = null;
        deflater.setStrategy(strategy);
    }

    /** Encodes {@code width x height} display values (row-major, 0 = transparent). */
    byte[] encode(byte[] pixels, int width, int height) {
        int n = (width + 1) * height;
        if (filtered.length < n) {
            filtered = new byte[n];
        }
        byte[] z;
        if (literals != null) {
            filter(pixels, width, height, true);
            z = literals.compress(filtered, n, counts);
        } else {
            filter(pixels, width, height, false);
            z = zlib(n);
        }
        byte[] png = new byte[OVERHEAD + z.length];
        System.arraycopy(SIGNATURE, 0, png, 0, SIGNATURE.length);
        int at = SIGNATURE.length;
        at = putInt(png, at, 13);
        at = putInt(png, at, IHDR);
        at = putInt(png, at, width);
        at = putInt(png, at, height);
        png[at++] = 8; // bit depth; colour type 0 (grey), compression, filter and interlace methods all 0
        at += 4;
        at = endChunk(png, at, 13);
        at = putInt(png, at, 2);
        at = putInt(png, at, TRNS);
        at += 2; // grey value 0 is transparent
        at = endChunk(png, at, 2);
        at = putInt(png, at, z.length);
        at = putInt(png, at, IDAT);
        System.arraycopy(z, 0, png, at, z.length);
        at = endChunk(png, at + z.length, z.length);
        at = putInt(png, at, 0);
        at = putInt(png, at, IEND);
        endChunk(png, at, 0);
        return png;
    }

    /**
     * Rows with the Up filter (the first row unfiltered) into {@link #filtered}; when {@code count},
     * the counts of the filtered bytes of one row in {@link #SAMPLED_ROWS} into {@link #counts}, which
     * the Huffman code is made from.
     */
    private void filter(byte[] pixels, int width, int height, boolean count) {
        int stride = width + 1;
        byte[] f = filtered;
        System.arraycopy(pixels, 0, f, 1, width);
        f[0] = 0;
        for (int y = 1; y < height; y++) {
            int o = y * stride + 1;
            int p = y * width;
            f[o - 1] = 2;
            int x = 0;
            // eight byte differences at once (C2 does not vectorise this loop by itself): no borrow
            // crosses a byte, as each byte's top bit is handled apart
            for (; x + 7 < width; x += 8) {
                long a = (long) LONG_LE.get(pixels, p + x);
                long b = (long) LONG_LE.get(pixels, p - width + x);
                LONG_LE.set(f, o + x, ((a | HIGH_BITS) - (b & ~HIGH_BITS)) ^ ((a ^ ~b) & HIGH_BITS));
            }
            for (; x < width; x++) {
                f[o + x] = (byte) (pixels[p + x] - pixels[p - width + x]);
            }
        }
        if (count) {
            countSample(height, stride);
        }
    }

    /**
     * Four tables, one per byte position modulo 4: runs of one value (no-data, flat areas) would
     * otherwise make each increment wait on the one before.
     */
    private void countSample(int height, int stride) {
        byte[] f = filtered;
        int[] c = counts4;
        Arrays.fill(c, 0);
        for (int y = 0; y < height; y += SAMPLED_ROWS) {
            int o = y * stride;
            int x = 0;
            for (; x + 3 < stride; x += 4) {
                c[f[o + x] & 0xff]++;
                c[256 + (f[o + x + 1] & 0xff)]++;
                c[512 + (f[o + x + 2] & 0xff)]++;
                c[768 + (f[o + x + 3] & 0xff)]++;
            }
            for (; x < stride; x++) {
                c[f[o + x] & 0xff]++;
            }
        }
        for (int b = 0; b < 256; b++) {
            counts[b] = c[b] + c[256 + b] + c[512 + b] + c[768 + b];
        }
    }

    private byte[] zlib(int n) {
        deflater.reset();
        deflater.setInput(filtered, 0, n);
        deflater.finish();
        idat.reset();
        while (!deflater.finished()) {
            int k = deflater.deflate(zbuf);
            idat.write(zbuf, 0, k);
        }
        return idat.toByteArray();
    }

    private static int putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
        return at + 4;
    }

    /** Appends the CRC of the chunk (type and data) that ends at {@code at} and holds {@code length} data bytes. */
    private int endChunk(byte[] b, int at, int length) {
        crc.reset();
        crc.update(b, at - length - 4, length + 4);
        return putInt(b, at, (int) crc.getValue());
    }

    @Override
    public void close() {
        if (deflater != null) {
            deflater.end();
        }
    }
}
