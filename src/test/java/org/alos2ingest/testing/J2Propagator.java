package org.alos2ingest.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.alos2ingest.geo.Orbit;
import org.alos2ingest.geo.StateVector;

/**
 * Propagates an orbit state in the Earth-centred rotating frame with the J2 gravity field and the
 * frame's Coriolis and centrifugal terms (fixed-step RK4). Over the ~14 minutes between the real
 * fixture's first state vector and its scene centre this lands within ~25 m of JAXA's own state,
 * which is what lets tests build a realistic platform position record from the one real vector
 * alos2-formats.md quotes.
 */
public final class J2Propagator {

    static final double GM = 3.986004418e14;
    static final double RE = 6378137.0;
    static final double J2 = 1.08262668e-3;
    static final double OMEGA = 7.2921151467e-5;

    private J2Propagator() {
    }

    /** The state {@code seconds} after {@code s} (negative goes back). */
    public static double[] propagate(double[] s, double seconds) {
        double step = 0.25;
        int n = (int) Math.ceil(Math.abs(seconds) / step);
        double h = n == 0 ? 0 : seconds / n;
        double[] y = s.clone();
        for (int i = 0; i < n; i++) {
            y = rk4(y, h);
        }
        return y;
    }

    /** {@code count} state vectors {@code interval} seconds apart starting with {@code first}. */
    public static List<StateVector> vectors(StateVector first, int count, double interval) {
        List<StateVector> out = new ArrayList<>();
        double[] s = {first.x(), first.y(), first.z(), first.vx(), first.vy(), first.vz()};
        for (int i = 0; i < count; i++) {
            Instant t = Orbit.plus(first.time(), i * interval);
            out.add(new StateVector(t, s[0], s[1], s[2], s[3], s[4], s[5]));
            s = propagate(s, interval);
        }
        return out;
    }

    private static double[] rk4(double[] s, double h) {
        double[] k1 = derivative(s);
        double[] k2 = derivative(add(s, k1, h / 2));
        double[] k3 = derivative(add(s, k2, h / 2));
        double[] k4 = derivative(add(s, k3, h));
        double[] o = new double[6];
        for (int i = 0; i < 6; i++) {
            o[i] = s[i] + h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return o;
    }

    private static double[] add(double[] s, double[] k, double h) {
        double[] o = new double[6];
        for (int i = 0; i < 6; i++) {
            o[i] = s[i] + h * k[i];
        }
        return o;
    }

    private static double[] derivative(double[] s) {
        double x = s[0], y = s[1], z = s[2], vx = s[3], vy = s[4], vz = s[5];
        double r2 = x * x + y * y + z * z;
        double r = Math.sqrt(r2);
        double r3 = r2 * r;
        double k = 1.5 * J2 * GM * RE * RE / (r2 * r2 * r);
        double zz = 5 * z * z / r2;
        double ax = -GM * x / r3 + k * x * (zz - 1) + 2 * OMEGA * vy + OMEGA * OMEGA * x;
        double ay = -GM * y / r3 + k * y * (zz - 1) - 2 * OMEGA * vx + OMEGA * OMEGA * y;
        double az = -GM * z / r3 + k * z * (zz - 3);
        return new double[] {vx, vy, vz, ax, ay, az};
    }
}
