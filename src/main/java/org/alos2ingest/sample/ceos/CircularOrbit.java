package org.alos2ingest.sample.ceos;

import java.time.Instant;

import org.alos2ingest.geo.Orbit;
import org.alos2ingest.geo.OrbitState;
import org.alos2ingest.geo.Vector3;

/**
 * A circular Keplerian orbit seen from the rotating Earth: exact positions and velocities at any
 * time, in the same ECR frame JAXA's state vectors use. The inertial frame coincides with ECR at
 * {@code epoch}; the ascending node's longitude and the argument of latitude are given there.
 *
 * @param radius      orbit radius, metres (ALOS-2: about 7006 km, 628 km above the equator)
 * @param inclination radians (ALOS-2: 97.92 degrees, sun-synchronous)
 * @param node        longitude of the ascending node at the epoch, radians
 * @param latitudeArg argument of latitude at the epoch, radians (0 at the ascending node)
 */
public record CircularOrbit(Instant epoch, double radius, double inclination, double node, double latitudeArg) implements Orbit {

    public static final double GM = 3.986004418e14;
    public static final double EARTH_ROTATION = 7.2921151467e-5;
    public static final double ALOS2_RADIUS = 6378137.0 + 628_000;
    public static final double ALOS2_INCLINATION = Math.toRadians(97.92);

    /** Mean motion, radians per second. */
    public double meanMotion() {
        return Math.sqrt(GM / (radius * radius * radius));
    }

    public CircularOrbit withNodeAndLatitudeArg(double newNode, double newLatitudeArg) {
        return new CircularOrbit(epoch, radius, inclination, newNode, newLatitudeArg);
    }

    @Override
    public OrbitState at(Instant t) {
        double dt = Orbit.seconds(epoch, t);
        double n = meanMotion();
        double u = latitudeArg + n * dt;
        double cu = Math.cos(u);
        double su = Math.sin(u);
        double ci = Math.cos(inclination);
        double si = Math.sin(inclination);
        double co = Math.cos(node);
        double so = Math.sin(node);
        Vector3 r = new Vector3(radius * (co * cu - so * su * ci), radius * (so * cu + co * su * ci), radius * su * si);
        Vector3 v = new Vector3(radius * n * (-co * su - so * cu * ci), radius * n * (-so * su + co * cu * ci), radius * n * cu * si);
        double theta = EARTH_ROTATION * dt;
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        // Inertial to rotating: turn by -theta about z, and take away the frame's own motion (omega x r).
        Vector3 rr = new Vector3(c * r.x() + s * r.y(), -s * r.x() + c * r.y(), r.z());
        Vector3 vr = new Vector3(c * v.x() + s * v.y(), -s * v.x() + c * v.y(), v.z());
        vr = vr.minus(new Vector3(-EARTH_ROTATION * rr.y(), EARTH_ROTATION * rr.x(), 0));
        return new OrbitState(rr, vr);
    }
}
