package org.alos2ingest.geo;

import java.time.Instant;
import java.util.List;

import org.alos2ingest.geo.StateVector;

/**
 * The orbit between JAXA's state vectors by ISCE's Hermite interpolation (orbithermite.F,
 * alos2-formats.md 4.3): four nodes, two before and two after the time (one and three, or three
 * and one, near the ends), each contributing its position and velocity through
 * {@code h_i^2 (x_i f0_i + v_i f1_i)}. Positions and velocities are matched exactly at the nodes.
 */
public final class OrbitInterpolator implements Orbit {

    private final Instant epoch;
    private final double[] t;
    private final Vector3[] x;
    private final Vector3[] v;

    public OrbitInterpolator(List<StateVector> vectors) {
        if (vectors.size() < 4) {
            throw new IllegalArgumentException("Hermite interpolation needs at least 4 state vectors, got " + vectors.size());
        }
        epoch = vectors.get(0).time();
        int n = vectors.size();
        t = new double[n];
        x = new Vector3[n];
        v = new Vector3[n];
        for (int i = 0; i < n; i++) {
            StateVector s = vectors.get(i);
            t[i] = Orbit.seconds(epoch, s.time());
            if (i > 0 && !(t[i] > t[i - 1])) {
                throw new IllegalArgumentException("state vectors are not in time order at " + s.time());
            }
            x[i] = new Vector3(s.x(), s.y(), s.z());
            v[i] = new Vector3(s.vx(), s.vy(), s.vz());
        }
    }

    public Instant first() {
        return Orbit.plus(epoch, t[0]);
    }

    public Instant last() {
        return Orbit.plus(epoch, t[t.length - 1]);
    }

    /** True when {@code time} lies within the state vectors' span. */
    public boolean covers(Instant time) {
        double s = Orbit.seconds(epoch, time);
        return s >= t[0] && s <= t[t.length - 1];
    }

    @Override
    public OrbitState at(Instant time) {
        double s = Orbit.seconds(epoch, time);
        if (!(s >= t[0] && s <= t[t.length - 1])) {
            throw new IllegalArgumentException(time + " lies outside the state vectors (" + first() + " to " + last() + ")");
        }
        int lo = firstNode(s);
        double[] tt = new double[4];
        System.arraycopy(t, lo, tt, 0, 4);
        Vector3 pos = Vector3.ZERO;
        Vector3 vel = Vector3.ZERO;
        for (int i = 0; i < 4; i++) {
            double h = 1;
            double sum = 0;
            double hdot = 0;
            for (int j = 0; j < 4; j++) {
                if (j == i) {
                    continue;
                }
                h *= (s - tt[j]) / (tt[i] - tt[j]);
                sum += 1 / (tt[i] - tt[j]);
                double p = 1 / (tt[i] - tt[j]);
                for (int k = 0; k < 4; k++) {
                    if (k != i && k != j) {
                        p *= (s - tt[k]) / (tt[i] - tt[k]);
                    }
                }
                hdot += p;
            }
            double dt = s - tt[i];
            double f0 = 1 - 2 * dt * sum;
            double f1 = dt;
            double g0 = 2 * (f0 * hdot - h * sum);
            double g1 = h + 2 * dt * hdot;
            pos = pos.plus(x[lo + i].times(f0 * h * h)).plus(v[lo + i].times(f1 * h * h));
            vel = vel.plus(x[lo + i].times(g0 * h)).plus(v[lo + i].times(g1 * h));
        }
        return new OrbitState(pos, vel);
    }

    /** ISCE's selectStateVectors(t, 2, 2), then (1, 3), then (3, 1). */
    private int firstNode(double s) {
        int n = t.length;
        int after = 0;
        while (after < n && t[after] <= s) {
            after++;
        }
        for (int before : new int[] {2, 1, 3}) {
            int lo = after - before;
            if (lo >= 0 && lo + 4 <= n) {
                return lo;
            }
        }
        return n - 4;
    }
}
