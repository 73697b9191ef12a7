package org.alos2ingest.geo;

import java.time.Instant;

/**
 * One orbit state in the Earth-centred rotating frame (ECR, metres and metres per second), as the
 * platform position record lists them (alos2-formats.md 3.2.4).
 */
public record StateVector(Instant time, double x, double y, double z, double vx, double vy, double vz) {

    public StateVector {
        if (!(Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z) && Double.isFinite(vx) && Double.isFinite(vy)
                && Double.isFinite(vz))) {
            throw new IllegalArgumentException("state vector at " + time + " is not finite");
        }
    }

    /** Distance from the Earth's centre, metres. */
    public double radius() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    public double speed() {
        return Math.sqrt(vx * vx + vy * vy + vz * vz);
    }
}
