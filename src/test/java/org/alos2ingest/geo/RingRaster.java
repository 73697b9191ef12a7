package org.alos2ingest.geo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Test helper: which pixel centres of a raster lie inside a ring (even-odd scanlines). */
public final class RingRaster {

    private RingRaster() {
    }

    /** For row y, the pixel x ranges [from, to) whose centres are inside; appended as pairs. */
    public static List<int[]> spans(List<double[]> ring, int y, int width) {
        double yc = y + 0.5;
        List<Double> xs = new ArrayList<>();
        int n = ring.size();
        for (int i = 0; i < n; i++) {
            double[] a = ring.get(i);
            double[] b = ring.get((i + 1) % n);
            if ((a[1] <= yc && b[1] > yc) || (b[1] <= yc && a[1] > yc)) {
                xs.add(a[0] + (yc - a[1]) / (b[1] - a[1]) * (b[0] - a[0]));
            }
        }
        Collections.sort(xs);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < xs.size(); i += 2) {
            int from = (int) Math.max(0, Math.ceil(xs.get(i) - 0.5));
            int to = (int) Math.min(width, Math.floor(xs.get(i + 1) - 0.5) + 1);
            if (from < to) {
                out.add(new int[] {from, to});
            }
        }
        return out;
    }

    /** A mask (1 inside) of the ring over a width x height raster. */
    public static boolean[] mask(List<double[]> ring, int width, int height) {
        boolean[] m = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int[] s : spans(ring, y, width)) {
                for (int x = s[0]; x < s[1]; x++) {
                    m[y * width + x] = true;
                }
            }
        }
        return m;
    }
}
