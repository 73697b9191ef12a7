package org.alos2ingest.sample.ceos;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * What the generated radar "sees": a smooth, deterministic brightness pattern over the swath
 * (in fractions of range and azimuth, so that every image, scan and quick-look of a product shows
 * the same landscape), and Rayleigh speckle for the single-look complex samples.
 */
final class Scenery {

    private final double f1;
    private final double f2;
    private final double f3;
    private final double phase;

    Scenery(long seed) {
        Random r = new Random(seed);
        f1 = 2 + r.nextDouble() * 3;
        f2 = 5 + r.nextDouble() * 6;
        f3 = 3 + r.nextDouble() * 4;
        phase = r.nextDouble() * 2 * Math.PI;
    }

    /** Brightness around 1 at (range fraction, azimuth fraction), both 0..1 across the whole product. */
    double brightness(double x, double y) {
        double v = 1 + 0.35 * Math.sin(2 * Math.PI * f1 * x + phase) * Math.cos(2 * Math.PI * f3 * y)
                + 0.2 * Math.sin(2 * Math.PI * f2 * (x + y) + phase);
        return Math.max(0.05, v);
    }

    /**
     * {@link #brightness} on a {@code w x h} grid of cell centres, row by row; the terms are
     * separable, so this costs a few trigonometric calls per row and column, not per cell.
     */
    double[] grid(int w, int h) {
        double[] s1 = new double[w];
        double[] s2 = new double[w];
        double[] c2 = new double[w];
        for (int i = 0; i < w; i++) {
            double x = (i + 0.5) / w;
            s1[i] = Math.sin(2 * Math.PI * f1 * x + phase);
            s2[i] = Math.sin(2 * Math.PI * f2 * x + phase);
            c2[i] = Math.cos(2 * Math.PI * f2 * x + phase);
        }
        double[] out = new double[w * h];
        for (int j = 0; j < h; j++) {
            double y = (j + 0.5) / h;
            double cy = Math.cos(2 * Math.PI * f3 * y);
            double sy = Math.sin(2 * Math.PI * f2 * y);
            double cy2 = Math.cos(2 * Math.PI * f2 * y);
            for (int i = 0; i < w; i++) {
                // sin(a + b) = sin a cos b + cos a sin b
                double v = 1 + 0.35 * s1[i] * cy + 0.2 * (s2[i] * cy2 + c2[i] * sy);
                out[j * w + i] = Math.max(0.05, v);
            }
        }
        return out;
    }

    /** One complex sample of mean amplitude {@code amplitude}: Rayleigh magnitude, uniform phase. */
    static float[] sample(double amplitude, SplittableRandom rnd) {
        double u = rnd.nextDouble();
        double mag = amplitude * Math.sqrt(-Math.log(1 - u)) / (Math.sqrt(Math.PI) / 2);
        double phi = rnd.nextDouble() * 2 * Math.PI;
        return new float[] {(float) (mag * Math.cos(phi)), (float) (mag * Math.sin(phi))};
    }
}
