package org.alos2ingest.geo;

/**
 * A reference ellipsoid and the conversions between geodetic and Earth-centred coordinates.
 * JAXA states GRS80, ISCE uses WGS84: their semi-minor axes differ by 0.1 mm, which is nothing here.
 */
public record Ellipsoid(double a, double f) {

    public static final Ellipsoid WGS84 = new Ellipsoid(6378137.0, 1 / 298.257223563);
    public static final Ellipsoid GRS80 = new Ellipsoid(6378137.0, 1 / 298.257222101);

    public double b() {
        return a * (1 - f);
    }

    /** First eccentricity squared. */
    public double e2() {
        return f * (2 - f);
    }

    public Vector3 toCartesian(double latDeg, double lonDeg, double h) {
        double lat = Math.toRadians(latDeg);
        double lon = Math.toRadians(lonDeg);
        double sin = Math.sin(lat);
        double n = a / Math.sqrt(1 - e2() * sin * sin);
        double r = (n + h) * Math.cos(lat);
        return new Vector3(r * Math.cos(lon), r * Math.sin(lon), (n * (1 - e2()) + h) * sin);
    }

    public Vector3 toCartesian(Geodetic g) {
        return toCartesian(g.lat(), g.lon(), g.height());
    }

    /**
     * Geodetic coordinates of a point, by Bowring's formula refined with a few fixed-point
     * iterations (sub-millimetre anywhere above a few km below the surface).
     */
    public Geodetic toGeodetic(Vector3 p) {
        double e2 = e2();
        double b = b();
        double ep2 = (a * a - b * b) / (b * b);
        double r = Math.hypot(p.x(), p.y());
        double lon = Math.atan2(p.y(), p.x());
        if (r < 1e-9) {
            double lat = p.z() >= 0 ? Math.PI / 2 : -Math.PI / 2;
            return new Geodetic(Math.toDegrees(lat), Math.toDegrees(lon), Math.abs(p.z()) - b);
        }
        double theta = Math.atan2(p.z() * a, r * b);
        double st = Math.sin(theta);
        double ct = Math.cos(theta);
        double lat = Math.atan2(p.z() + ep2 * b * st * st * st, r - e2 * a * ct * ct * ct);
        double h = 0;
        for (int i = 0; i < 3; i++) {
            double sin = Math.sin(lat);
            double n = a / Math.sqrt(1 - e2 * sin * sin);
            h = Math.abs(lat) < Math.PI / 4 ? r / Math.cos(lat) - n : p.z() / sin - n * (1 - e2);
            lat = Math.atan2(p.z(), r * (1 - e2 * n / (n + h)));
        }
        return new Geodetic(Math.toDegrees(lat), Math.toDegrees(lon), h);
    }

    /** Straight-line distance in metres between two points on the ellipsoid surface (the arc differs by under a millimetre at 10 km). */
    public double distance(org.alos2ingest.geo.LonLat p, org.alos2ingest.geo.LonLat q) {
        return toCartesian(p.lat(), p.lon(), 0).distance(toCartesian(q.lat(), q.lon(), 0));
    }
}
