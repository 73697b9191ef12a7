package org.alos2ingest.serve;

import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** A STAC bbox (4 numbers, or 6 with heights, which are ignored) as an area; west > east crosses the antimeridian. */
final class Bbox {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private Bbox() {
    }

    static Geometry parse(String parameter, List<Double> v) {
        if (v.size() != 4 && v.size() != 6) {
            throw ApiError.badParameter(parameter, "expected 4 numbers west,south,east,north (or 6 with heights), got " + v.size());
        }
        int half = v.size() / 2;
        double w = v.get(0);
        double s = v.get(1);
        double e = v.get(half);
        double n = v.get(half + 1);
        if (v.stream().anyMatch(d -> d.isNaN() || d.isInfinite()) || s > n || s < -90 || n > 90 || Math.abs(w) > 180 || Math.abs(e) > 180) {
            throw ApiError.badParameter(parameter, String.format(Locale.ROOT,
                    "expected west,south,east,north in degrees (south <= north, |lat| <= 90, |lon| <= 180), got %s,%s,%s,%s", w, s, e, n));
        }
        if (w <= e) {
            return FACTORY.toGeometry(new Envelope(w, e, s, n));
        }
        return FACTORY.createMultiPolygon(new Polygon[] {(Polygon) FACTORY.toGeometry(new Envelope(w, 180, s, n)),
                (Polygon) FACTORY.toGeometry(new Envelope(-180, e, s, n))});
    }
}
