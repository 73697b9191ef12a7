package org.alos2ingest.geo;

import java.time.Instant;

import org.alos2ingest.geo.LookSide;

/**
 * Where a radar sample lies on the Earth: the point at a given height above the ellipsoid, at the
 * given slant range from the satellite, at zero Doppler (perpendicular to the satellite's ECR
 * velocity, which already includes the Earth's rotation), on the look side. Solved by Newton's
 * method on the three equations; this is the "simpler equivalent" of ISCE's rdr2geo that
 * alos2-formats.md 4.2 describes, exact rather than limited to ten fixed iterations.
 */
public final class RangeDopplerGeolocator {

    private static final int MAX_ITERATIONS = 50;

    private final Orbit orbit;
    private final Ellipsoid ellipsoid;

    public RangeDopplerGeolocator(Orbit orbit, Ellipsoid ellipsoid) {
        this.orbit = orbit;
        this.ellipsoid = ellipsoid;
    }

    /**
     * @param range  slant range, metres
     * @param height height above the ellipsoid, metres
     * @throws IllegalArgumentException when the range does not reach the Earth or the time lies outside the orbit
     */
    public Geodetic locate(Instant t, double range, LookSide side, double height) {
        return locate(orbit.at(t), range, side, height, ellipsoid);
    }

    /** Zero-Doppler geolocation from one orbit state. */
    public static Geodetic locate(OrbitState s, double range, LookSide side, double height, Ellipsoid e) {
        Vector3 p = s.position();
        Vector3 v = s.velocity();
        // Solve on an ellipsoid inflated by hh, then correct hh until the point's geodetic height is the one asked for.
        double hh = height;
        Vector3 target = null;
        for (int outer = 0; outer < 6; outer++) {
            target = onInflated(p, v, range, side, e.a() + hh, e.b() + hh, target, e);
            double error = height - e.toGeodetic(target).height();
            if (Math.abs(error) < 1e-4) {
                break;
            }
            hh += error;
        }
        Vector3 look = target.minus(p);
        double sideSign = v.cross(look).dot(p);
        if ((side == LookSide.RIGHT) != (sideSign < 0)) {
            throw new IllegalStateException("geolocation converged on the " + (side == LookSide.RIGHT ? "left" : "right") + " side");
        }
        return e.toGeodetic(target);
    }

    private static Vector3 onInflated(Vector3 p, Vector3 v, double range, LookSide side, double aa, double bb, Vector3 start, Ellipsoid e) {
        Vector3 t = start != null ? start : firstGuess(p, v, range, side, e, (aa - e.a()));
        double a2 = aa * aa;
        double b2 = bb * bb;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            Vector3 d = t.minus(p);
            double f1 = d.dot(v);
            double f2 = (d.dot(d) - range * range) / 2;
            double f3 = (t.x() * t.x() + t.y() * t.y()) / a2 + t.z() * t.z() / b2 - 1;
            double[][] j = {
                {v.x(), v.y(), v.z()},
                {d.x(), d.y(), d.z()},
                {2 * t.x() / a2, 2 * t.y() / a2, 2 * t.z() / b2}};
            double[] step = solve3(j, new double[] {-f1, -f2, -f3});
            t = t.plus(new Vector3(step[0], step[1], step[2]));
            if (Math.abs(step[0]) + Math.abs(step[1]) + Math.abs(step[2]) < 1e-7) {
                return t;
            }
        }
        throw new IllegalStateException("range-Doppler geolocation did not converge (range " + range + " m)");
    }

    /** A point on a sphere of the local Earth radius, at the look angle the range implies. */
    private static Vector3 firstGuess(Vector3 p, Vector3 v, double range, LookSide side, Ellipsoid e, double height) {
        Geodetic sub = e.toGeodetic(p);
        double rt = e.toCartesian(sub.lat(), sub.lon(), height).norm();
        double rs = p.norm();
        double cos = (rs * rs + range * range - rt * rt) / (2 * rs * range);
        if (!(cos >= -1 && cos <= 1) || range < rs - rt) {
            throw new IllegalArgumentException("a slant range of " + Math.round(range) + " m does not reach the Earth from "
                    + Math.round(sub.height()) + " m above it");
        }
        Vector3 down = p.times(-1 / rs);
        Vector3 along = v.minus(down.times(v.dot(down))).unit();
        Vector3 right = down.cross(along);
        double s = side == LookSide.RIGHT ? 1 : -1;
        double sin = Math.sqrt(1 - cos * cos);
        return p.plus(down.times(range * cos)).plus(right.times(s * range * sin));
    }

    /** Gaussian elimination with partial pivoting for a 3 x 3 system. */
    static double[] solve3(double[][] m, double[] r) {
        double[][] a = {m[0].clone(), m[1].clone(), m[2].clone()};
        double[] b = r.clone();
        for (int c = 0; c < 3; c++) {
            int piv = c;
            for (int k = c + 1; k < 3; k++) {
                if (Math.abs(a[k][c]) > Math.abs(a[piv][c])) {
                    piv = k;
                }
            }
            double[] tr = a[c];
            a[c] = a[piv];
            a[piv] = tr;
            double tb = b[c];
            b[c] = b[piv];
            b[piv] = tb;
            for (int k = c + 1; k < 3; k++) {
                double f = a[k][c] / a[c][c];
                for (int q = c; q < 3; q++) {
                    a[k][q] -= f * a[c][q];
                }
                b[k] -= f * b[c];
            }
        }
        double[] x = new double[3];
        for (int c = 2; c >= 0; c--) {
            double s = b[c];
            for (int q = c + 1; q < 3; q++) {
                s -= a[c][q] * x[q];
            }
            x[c] = s / a[c][c];
        }
        return x;
    }
}
