package org.alos2ingest.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.sample.SwathMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidDataOutlineTest {

    @Test
    void aRectangleIsItsFourCorners() {
        int w = 200;
        int h = 120;
        byte[] m = new byte[w * h];
        for (int y = 30; y < 90; y++) {
            for (int x = 50; x < 150; x++) {
                m[y * w + x] = 1;
            }
        }
        List<double[]> ring = ValidDataOutline.outline(m, w, h).ring();
        assertEquals(4, ring.size());
        for (double[] p : ring) {
            assertTrue((p[0] == 50 || p[0] == 150) && (p[1] == 30 || p[1] == 90), p[0] + "," + p[1]);
        }
    }

    /** The generator's swaths: rotated quadrilaterals, with holes and ragged edges, at two sizes. */
    @ParameterizedTest(name = "{0} {1} px, {2} holes, ragged {3}")
    @CsvSource({"fbd, 1500, 0, 0", "fbd, 1500, 8, 3", "ubs, 1200, 5, 6", "fbd, 400, 3, 0", "ubs, 2500, 12, 4"})
    void coversTheSwathTightlyWithOnePolygon(String preset, int width, int holes, int ragged) {
        SampleSpec spec = SampleSpec.preset(preset).withWidth(width).withDefects(holes, ragged);
        SwathMask truth = new SwathMask(spec);
        int w = truth.width();
        int h = truth.height();
        byte[] m = new byte[w * h];
        int[] span = new int[2];
        long swath = 0;
        for (int y = 0; y < h; y++) {
            if (truth.span(y, span)) {
                swath += span[1] - span[0];
                for (int x = span[0]; x < span[1]; x++) {
                    m[y * w + x] = (byte) (truth.inHole(x, y) ? 0 : 1);
                }
            }
        }
        ValidDataOutline.Result r = ValidDataOutline.outline(m, w, h);
        List<double[]> ring = r.ring();
        assertTrue(ring.size() <= ValidDataOutline.MAX_VERTICES, ring.size() + " vertices");
        assertTrue(ValidDataOutline.isSimple(ring), "simple polygon");
        long valid = 0;
        long covered = 0;
        long extra = 0;
        for (int y = 0; y < h; y++) {
            boolean has = truth.span(y, span);
            for (int[] s : RingRaster.spans(ring, y, w)) {
                for (int x = s[0]; x < s[1]; x++) {
                    boolean inSwath = has && x >= span[0] && x < span[1];
                    if (!inSwath) {
                        extra++;
                    } else if (m[y * w + x] != 0) {
                        covered++;
                    }
                }
            }
        }
        for (byte b : m) {
            valid += b;
        }
        double coverage = covered / (double) valid;
        double extraShare = extra / (double) swath;
        System.out.printf("%s %d: %d vertices, coverage %.5f, extra %.5f%n", preset, width, ring.size(), coverage, extraShare);
        assertTrue(coverage >= 0.999, "covers " + coverage + " of the valid pixels");
        assertTrue(extraShare <= 0.01, "adds " + extraShare + " of the swath's area");
    }

    @Test
    void dropsSpecksAndBridgesPinches() {
        int w = 300;
        int h = 300;
        byte[] m = new byte[w * h];
        for (int y = 50; y < 250; y++) {
            for (int x = 50; x < 250; x++) {
                m[y * w + x] = 1;
            }
        }
        m[10 * w + 10] = 1; // a speck
        for (int y = 0; y < 20; y++) { // a block touching the square only at its corner (250, 250)
            for (int x = 0; x < 20; x++) {
                m[(250 + y) * w + 250 + x] = 1;
            }
        }
        ValidDataOutline.Result r = ValidDataOutline.outline(m, w, h);
        assertEquals(1, r.droppedPixels());
        assertTrue(ValidDataOutline.isSimple(r.ring()));
        boolean[] in = RingRaster.mask(r.ring(), w, h);
        for (int i = 0; i < m.length; i++) {
            if (m[i] != 0 && i != 10 * w + 10) {
                assertTrue(in[i], "pixel " + i % w + "," + i / w + " left out");
            }
        }
    }

    @Test
    void concaveShapesKeepTheirNotchAndStaySimple() {
        // A swath with a deep notch of radar shadow cut into its side, and noisy edges.
        int w = 800;
        int h = 600;
        byte[] m = new byte[w * h];
        SplittableRandom rnd = new SplittableRandom(7);
        for (int y = 40; y < 560; y++) {
            int left = 60 + rnd.nextInt(4);
            int right = 740 - rnd.nextInt(4);
            for (int x = left; x < right; x++) {
                boolean notch = y > 200 && y < 400 && x > 450;
                m[y * w + x] = (byte) (notch ? 0 : 1);
            }
        }
        ValidDataOutline.Result r = ValidDataOutline.outline(m, w, h);
        List<double[]> ring = r.ring();
        assertTrue(ring.size() <= 64 && ValidDataOutline.isSimple(ring), ring.size() + " vertices");
        boolean[] in = RingRaster.mask(ring, w, h);
        long valid = 0;
        long covered = 0;
        long notchInside = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (m[y * w + x] != 0) {
                    valid++;
                    covered += in[y * w + x] ? 1 : 0;
                } else if (y > 220 && y < 380 && x > 480 && x < 700 && in[y * w + x]) {
                    notchInside++;
                }
            }
        }
        assertTrue(covered >= valid * 0.999, covered + " of " + valid);
        // the notch (160 x 220 px) stays outside, save for a sliver
        assertTrue(notchInside < 0.02 * 160 * 220, notchInside + " notch pixels inside");
    }

    @Test
    void refusesAnEmptyMask() {
        assertThrows(IllegalArgumentException.class, () -> ValidDataOutline.outline(new byte[100], 10, 10));
    }
}
