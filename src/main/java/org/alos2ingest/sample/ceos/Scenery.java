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

    /** One complex sample of mean amplitude {@code amplitude}: Rayleigh magnitude, uniform phase. */
    static float[] sample(double amplitude, SplittableRandom rnd) {
        double u = rnd.nextDouble();
        double mag = amplitude * Math.sqrt(-Math.log(1 - u)) / (Math.sqrt(Math.PI) / 2);
        double phi = rnd.nextDouble() * 2 * Math.PI;
        return new float[] {(float) (mag * Math.cos(phi)), (float) (mag * Math.sin(phi))};
    }
}
