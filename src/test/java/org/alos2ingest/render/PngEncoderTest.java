package org.alos2ingest.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PngEncoderTest {

    /** The literal coder, and zlib level 1 with either strategy (as tiles were written before). */
    private static final List<Supplier<PngEncoder>> ENCODERS = List.of(PngEncoder::new, () -> new PngEncoder(1),
            () -> new PngEncoder(1, Deflater.HUFFMAN_ONLY));

    /** The JDK's PNG decoder reads back every value, and value 0 as fully transparent (tRNS). */
    @Test
    void decodesToTheSameValuesWithZeroTransparent() throws IOException {
        int w = 300;
        int h = 170;
        byte[] px = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = (byte) (x < y ? 0 : (x * 7 + y * 13) % 256);
            }
        }
        for (Supplier<PngEncoder> encoder : ENCODERS) {
            byte[] png;
            try (PngEncoder e = encoder.get()) {
                png = e.encode(px, w, h);
                png = e.encode(px, w, h); // an encoder is reused tile after tile
            }
            assertDecodesTo(px, w, h, png);
        }
    }

    /** Every encoder on the kinds of tile a layer has; value 0 (no data) is transparent. */
    @ParameterizedTest
    @ValueSource(strings = {"speckle", "smooth", "empty", "constant", "half-empty speckle"})
    void tilesDecodeToTheirExactPixels(String kind) throws IOException {
        int n = WebMercator.TILE_SIZE;
        byte[] px = tile(kind, n);
        for (Supplier<PngEncoder> encoder : ENCODERS) {
            try (PngEncoder e = encoder.get()) {
                e.encode(tile("speckle", n), n, n); // a tile before: nothing of it may show in the next
                assertDecodesTo(px, n, n, e.encode(px, n, n));
            }
        }
    }

    private static byte[] tile(String kind, int n) {
        SplittableRandom r = new SplittableRandom(kind.hashCode());
        byte[] px = new byte[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                // Rayleigh speckle about a mean of 90, as a reduced radar tile shows
                int speckle = Math.min(255, 1 + (int) (70 * Math.sqrt(-2 * Math.log(1 - r.nextDouble()))));
                px[y * n + x] = (byte) switch (kind) {
                    case "speckle" -> speckle;
                    case "smooth" -> (int) (100 + 60 * Math.sin(x / 37.0) * Math.cos(y / 23.0) + 0.3 * x);
                    case "empty" -> 0;
                    case "constant" -> 173;
                    default -> x + y < n ? 0 : speckle;
                };
            }
        }
        return px;
    }

    private static void assertDecodesTo(byte[] px, int w, int h, byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(w, img.getWidth());
        assertEquals(h, img.getHeight());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = px[y * w + x] & 0xff;
                int argb = img.getRGB(x, y);
                int alpha = argb >>> 24;
                if (v == 0) {
                    assertEquals(0, alpha, "transparent at " + x + "," + y);
                } else {
                    assertEquals(255, alpha, "opaque at " + x + "," + y);
                    assertEquals(v, img.getRaster().getSample(x, y, 0), "grey value at " + x + "," + y);
                }
            }
        }
    }
}
