package org.alos2ingest.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which pixels of a generated raster hold data: the inside of the swath quadrilateral, less the
 * holes (lakes, radar shadow) cut into it, with edges that may wander row by row like the noisy
 * edges of real products. Tests compare footprints against exactly this mask.
 */
public final class SwathMask {

    private final double[][] quadPx;
    private final int width;
    private final int height;
    private final int[] jitterLeft;
    private final int[] jitterRight;
    private final List<double[]> holes = new ArrayList<>();

    public SwathMask(SampleSpec spec) {
        this.width = spec.width();
        this.height = spec.height();
        this.quadPx = new double[4][];
        for (int i = 0; i < 4; i++) {
            double[] q = spec.quad().get(i);
            quadPx[i] = new double[] {(q[0] - spec.originX()) / spec.pixelSpacing(), (spec.originY() - q[1]) / spec.pixelSpacing()};
        }
        SplittableRandom r = new SplittableRandom(spec.seed() ^ 0x5eedL);
        jitterLeft = new int[height];
        jitterRight = new int[height];
        if (spec.raggedPx() > 0) {
            // A bounded random walk: ragged, but edge pixels stay close to the line.
            int a = 0;
            int b = 0;
            for (int y = 0; y < height; y++) {
                a = Math.max(0, Math.min(spec.raggedPx(), a + r.nextInt(3) - 1));
                b = Math.max(0, Math.min(spec.raggedPx(), b + r.nextInt(3) - 1));
                jitterLeft[y] = a;
                jitterRight[y] = b;
            }
        }
        double[] centre = {0, 0};
        for (double[] q : quadPx) {
            centre[0] += q[0] / 4;
            centre[1] += q[1] / 4;
        }
        double size = Math.min(dist(quadPx[0], quadPx[1]), dist(quadPx[1], quadPx[2]));
        for (int i = 0; i < spec.holes(); i++) {
            // Holes well inside the swath, from 2 % to 8 % of its size.
            double fx = r.nextDouble(-0.3, 0.3);
            double fy = r.nextDouble(-0.3, 0.3);
            double cx = centre[0] + fx * (quadPx[1][0] - quadPx[0][0]) + fy * (quadPx[3][0] - quadPx[0][0]);
            double cy = centre[1] + fx * (quadPx[1][1] - quadPx[0][1]) + fy * (quadPx[3][1] - quadPx[0][1]);
            holes.add(new double[] {cx, cy, size * r.nextDouble(0.02, 0.08), size * r.nextDouble(0.02, 0.08)});
        }
    }

    private static double dist(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    /**
     * The pixels of row {@code y} inside the swath (holes not considered).
     *
     * @param span receives [first x, last x + 1]
     * @return false when the row has no swath pixels
     */
    public boolean span(int y, int[] span) {
        double yc = y + 0.5;
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            double[] a = quadPx[i];
            double[] b = quadPx[(i + 1) % 4];
            if ((a[1] <= yc && b[1] > yc) || (b[1] <= yc && a[1] > yc)) {
                double x = a[0] + (yc - a[1]) / (b[1] - a[1]) * (b[0] - a[0]);
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        if (lo > hi) {
            return false;
        }
        // pixel x is inside when its centre x + 0.5 lies in [lo, hi]
        int first = (int) Math.ceil(lo - 0.5) + jitterLeft[y];
        int last = (int) Math.floor(hi - 0.5) - jitterRight[y];
        first = Math.max(0, first);
        last = Math.min(width - 1, last);
        if (first > last) {
            return false;
        }
        span[0] = first;
        span[1] = last + 1;
        return true;
    }

    public boolean inHole(int x, int y) {
        for (double[] h : holes) {
            double dx = (x + 0.5 - h[0]) / h[2];
            double dy = (y + 0.5 - h[1]) / h[3];
            if (dx * dx + dy * dy <= 1) {
                return true;
            }
        }
        return false;
    }

    /** True when pixel (x, y) holds data (DN != 0). */
    public boolean valid(int x, int y) {
        int[] s = new int[2];
        return span(y, s) && x >= s[0] && x < s[1] && !inHole(x, y);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
