package org.alos2ingest.render;

/**
 * A longitude/latitude box. {@code west < east} always: a box across the antimeridian has
 * {@code east > 180} (e.g. 175 to 185), so that the box is one interval.
 */
public record GeoBounds(double west, double south, double east, double north) {

    public GeoBounds {
        if (!(west <= east) || !(south <= north) || east - west > 360 || west < -540 || east > 540 || south < -90 || north > 90) {
            throw new IllegalArgumentException("not a box: " + west + ", " + south + ", " + east + ", " + north);
        }
    }

    public boolean crossesAntimeridian() {
        return west < -180 || east > 180;
    }

    public double centreLon() {
        return (west + east) / 2;
    }
}
