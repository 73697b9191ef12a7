package org.alos2ingest.sample.ceos;

import org.alos2ingest.geo.LonLat;

/**
 * Fits the polynomials of facility related data record 5 to a sample's own geolocation: latitude
 * and longitude as tensor polynomials of degree 4 in (pixel - P0, line - L0), and back, as JAXA
 * writes them (alos2-formats.md 3.2.9). Fitted in normalised coordinates on a Chebyshev grid that
 * includes the corners, then scaled to the raw coefficients the record holds.
 */
final class Facility5Fit {

    /** Grid points per axis. */
    private static final int N = 13;

    /** The fitted conversions and their origins. */
    record Fit(double[] latitude, double[] longitude, double originPixel, double originLine, double[] pixel, double[] line,
               double originLat, double originLon) {
    }

    private Facility5Fit() {
    }

    static Fit fit(SampleGeometry g) {
        SampleGeometry.Image im = g.images().get(g.reference());
        double p0 = g.centrePixel();
        double l0 = g.centreLine();
        LonLat origin = g.sceneCentre();
        int m = N * N;
        double[] px = new double[m];
        double[] ln = new double[m];
        double[] lat = new double[m];
        double[] lon = new double[m];
        int k = 0;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                px[k] = node(i, im.pixels() - 1);
                ln[k] = node(j, im.lines() - 1);
                LonLat ll = g.locate(im, px[k], ln[k]);
                lat[k] = ll.lat();
                lon[k] = origin.lon() + wrap(ll.lon() - origin.lon());
                k++;
            }
        }
        double sx = Math.max(p0, im.pixels() - 1 - p0);
        double sy = Math.max(l0, im.lines() - 1 - l0);
        double[][] forward = new double[m][25];
        for (int r = 0; r < m; r++) {
            double u = (px[r] - p0) / sx;
            double w = (ln[r] - l0) / sy;
            for (int c = 0; c < 25; c++) {
                forward[r][c] = Math.pow(u, 4 - c / 5) * Math.pow(w, 4 - c % 5);
            }
        }
        double[] a = unscale(LeastSquares.solve(forward, lat), sx, sy, false);
        double[] b = unscale(LeastSquares.solve(forward, lon), sx, sy, false);
        double sl = 0;
        double sp = 0;
        for (int r = 0; r < m; r++) {
            sl = Math.max(sl, Math.abs(lon[r] - origin.lon()));
            sp = Math.max(sp, Math.abs(lat[r] - origin.lat()));
        }
        double[][] inverse = new double[m][25];
        for (int r = 0; r < m; r++) {
            double big = (lon[r] - origin.lon()) / sl;
            double phi = (lat[r] - origin.lat()) / sp;
            for (int c = 0; c < 25; c++) {
                inverse[r][c] = Math.pow(big, 4 - c % 5) * Math.pow(phi, 4 - c / 5);
            }
        }
        double[] cp = unscale(LeastSquares.solve(inverse, px), sl, sp, true);
        double[] cl = unscale(LeastSquares.solve(inverse, ln), sl, sp, true);
        return new Fit(a, b, p0, l0, cp, cl, origin.lat(), origin.lon());
    }

    /** Chebyshev-Lobatto node {@code i} of {@code N} on [0, max]. */
    private static double node(int i, double max) {
        return max * (1 - Math.cos(Math.PI * i / (N - 1))) / 2;
    }

    /**
     * From coefficients of normalised variables to raw ones: term c has powers (4 - c/5, 4 - c%5)
     * of (x, y), or (4 - c%5, 4 - c/5) for the inverse conversion's (longitude, latitude).
     */
    private static double[] unscale(double[] alpha, double sx, double sy, boolean swapped) {
        double[] out = new double[25];
        for (int c = 0; c < 25; c++) {
            int ex = swapped ? 4 - c % 5 : 4 - c / 5;
            int ey = swapped ? 4 - c / 5 : 4 - c % 5;
            out[c] = alpha[c] / (Math.pow(sx, ex) * Math.pow(sy, ey));
        }
        return out;
    }

    private static double wrap(double d) {
        return ((d + 180) % 360 + 360) % 360 - 180;
    }
}
