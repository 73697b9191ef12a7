package org.alos2ingest.render;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Encodes display images as 8-bit greyscale PNG whose value 0 is transparent (a tRNS chunk), which
 * is exactly the display convention (0 = no data): a quarter of the bytes of the RGBA tiles GDAL
 * writes, and every browser and image library honours it. Rows are filtered with PNG's "Up" filter,
 * cheap and good on the smooth, speckle-averaged images and long no-data runs of SAR pictures. Not
 * thread-safe: one encoder per thread.
 */
final class PngEncoder implements AutoCloseable {

    private static final byte[] SIGNATURE = {(byte) 137, 'P', 'N', 'G', 13, 10, 26, 10};

    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private byte[] filtered = new byte[0];
    private byte[] zbuf = new byte[1 << 16];
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);

    /** @param level Deflate level, 1 (fast) to 9 */
    PngEncoder(int level) {
        this(level, Deflater.DEFAULT_STRATEGY);
    }

    /**
     * @param strategy a {@link Deflater} strategy: {@link Deflater#HUFFMAN_ONLY} suits speckle at
     *                 full resolution (hardly any repeats for LZ77 to find: half the time for 1 %
     *                 more bytes), the default suits enlarged, smooth images
     */
    PngEncoder(int level, int strategy) {
        this.deflater = new Deflater(level);
        deflater.setStrategy(strategy);
    }

    /** Encodes {@code width x height} display values (row-major, 0 = transparent). */
    byte[] encode(byte[] pixels, int width, int height) {
        int stride = width + 1;
        int n = stride * height;
        if (filtered.length < n) {
            filtered = new byte[n];
        }
        for (int y = 0; y < height; y++) {
            int o = y * stride;
            int p = y * width;
            if (y == 0) {
                filtered[o] = 0;
                System.arraycopy(pixels, p, filtered, o + 1, width);
            } else {
                filtered[o] = 2;
                for (int x = 0; x < width; x++) {
                    filtered[o + 1 + x] = (byte) (pixels[p + x] - pixels[p - width + x]);
                }
            }
        }
        deflater.reset();
        deflater.setInput(filtered, 0, n);
        deflater.finish();
        ByteArrayOutputStream idat = new ByteArrayOutputStream(n / 2 + 64);
        while (!deflater.finished()) {
            int k = deflater.deflate(zbuf);
            idat.write(zbuf, 0, k);
        }
        out.reset();
        out.writeBytes(SIGNATURE);
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        chunk("IHDR", ihdr.array(), ihdr.array().length);
        chunk("tRNS", new byte[] {0, 0}, 2);
        byte[] z = idat.toByteArray();
        chunk("IDAT", z, z.length);
        chunk("IEND", new byte[0], 0);
        return out.toByteArray();
    }

    private void chunk(String type, byte[] data, int length) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(length).array());
        crc.reset();
        crc.update(t);
        crc.update(data, 0, length);
        out.writeBytes(t);
        out.write(data, 0, length);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Override
    public void close() {
        deflater.end();
    }
}
