package org.alos2ingest.geo;

/** A Cartesian vector (metres or metres per second in the Earth-centred rotating frame). */
public record Vector3(double x, double y, double z) {

    public static final Vector3 ZERO = new Vector3(0, 0, 0);

    public Vector3 plus(Vector3 o) {
        return new Vector3(x + o.x, y + o.y, z + o.z);
    }

    public Vector3 minus(Vector3 o) {
        return new Vector3(x - o.x, y - o.y, z - o.z);
    }

    public Vector3 times(double k) {
        return new Vector3(x * k, y * k, z * k);
    }

    public double dot(Vector3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    public Vector3 cross(Vector3 o) {
        return new Vector3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    public double norm() {
        return Math.sqrt(dot(this));
    }

    public Vector3 unit() {
        double n = norm();
        return new Vector3(x / n, y / n, z / n);
    }

    public double distance(Vector3 o) {
        return minus(o).norm();
    }
}
