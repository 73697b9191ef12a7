package org.alos2ingest.geo;

import org.locationtech.jts.geom.Geometry;

/**
 * A box in degrees as users write it, {@code west,south,east,north} (or STAC's six numbers with the
 * heights, {@code west,south,low,east,north,high}). West greater than east crosses the antimeridian,
 * as in the catalog and the STAC API; south may not be north of north. The one reader of the
 * command line's and the subscriptions' boxes, so that they refuse the same boxes with the same words.
 */
public record BoundingBox(double west, double south, double east, double north) {

    /**
     * Reads {@code text}.
     *
     * @throws IllegalArgumentException a message that quotes {@code text} and says what is wrong and what a box is
     */
    public static BoundingBox parse(String text) {
        String[] p = text.split(",", -1);
        if (p.length != 4 && p.length != 6) {
            throw wrong(text, "expected 4 numbers west,south,east,north in degrees (or 6 with heights), got " + p.length);
        }
        int half = p.length / 2;
        double w = coordinate(text, "west", p[0], 180);
        double s = coordinate(text, "south", p[1], 90);
        double e = coordinate(text, "east", p[half], 180);
        double n = coordinate(text, "north", p[half + 1], 90);
        if (p.length == 6) {
            coordinate(text, "lowest height", p[2], Double.MAX_VALUE);
            coordinate(text, "highest height", p[5], Double.MAX_VALUE);
        }
        if (s > n) {
            throw wrong(text, "south " + p[1].strip() + " is north of north " + p[half + 1].strip());
        }
        return new BoundingBox(w, s, e, n);
    }

    private static double coordinate(String text, String which, String part, double limit) {
        String t = part.strip();
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException x) {
            throw wrong(text, which + " '" + t + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw wrong(text, which + " '" + t + "' is not a number");
        }
        if (Math.abs(v) > limit) {
            throw wrong(text, which + " " + t + " is not a " + (limit == 90 ? "latitude" : "longitude") + " from -" + (int) limit + " to " + (int) limit);
        }
        return v;
    }

    private static IllegalArgumentException wrong(String text, String why) {
        return new IllegalArgumentException(text + " is not a box: " + why);
    }

    /** True when the box crosses the antimeridian: it is then two boxes, one each side. */
    public boolean crossesAntimeridian() {
        return west > east;
    }

    /** A polygon, or two when the box crosses the antimeridian. */
    public Geometry geometry() {
        return GeoJsonGeometry.box(west, south, east, north);
    }
}
