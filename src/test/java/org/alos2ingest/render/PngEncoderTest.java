package org.alos2ingest.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class PngEncoderTest {

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
        byte[] png;
        try (PngEncoder e = new PngEncoder(1)) {
            png = e.encode(px, w, h);
            png = e.encode(px, w, h); // an encoder is reused tile after tile
        }
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
