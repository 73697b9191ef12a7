package org.alos2ingest.geo;

import org.alos2ingest.geo.LonLat;

/**
 * JAXA's pixel/line to latitude/longitude polynomial of facility related data record 5
 * (alos2-formats.md 3.2.9, as SNAP evaluates it and as verified to 1e-7 degrees on a real leader):
 * with {@code x = P - P0}, {@code y = L - L0} for 0-based pixel P and line L,
 * {@code lat = sum a[i] x^(4 - i/5) y^(4 - i%5)}, and the same with {@code b} for longitude.
 */
public record Facility5Polynomial(double[] latitude, double[] longitude, double originPixel, double originLine) {

    public Facility5Polynomial {
        if (latitude.length != 25 || longitude.length != 25) {
            throw new IllegalArgumentException("facility-5 polynomials have 25 coefficients each");
        }
        latitude = latitude.clone();
        longitude = longitude.clone();
    }

    /** Position of a 0-based (pixel, line); longitude wrapped to -180..180. */
    public LonLat at(double pixel, double line) {
        double lat = evaluate(latitude, pixel - originPixel, line - originLine);
        double lon = evaluate(longitude, pixel - originPixel, line - originLine);
        lon = ((lon + 180) % 360 + 360) % 360 - 180;
        if (!(Math.abs(lat) <= 90)) {
            throw new IllegalArgumentException("facility-5 polynomial gives latitude " + lat + " at pixel " + pixel + ", line " + line);
        }
        return new LonLat(lon, lat);
    }

    /** Sum of c[i] x^(4 - i/5) y^(4 - i%5), by Horner's scheme in both variables. */
    static double evaluate(double[] c, double x, double y) {
        double sum = 0;
        for (int px = 4; px >= 0; px--) {
            double inner = 0;
            for (int py = 4; py >= 0; py--) {
                inner = inner * y + c[(4 - px) * 5 + (4 - py)];
            }
            sum = sum * x + inner;
        }
        return sum;
    }
}
