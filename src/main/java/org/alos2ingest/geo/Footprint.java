package org.alos2ingest.geo;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Where a dataset lies on the Earth: one polygon in WGS84 longitude/latitude, or two when it
 * crosses the antimeridian (split there, as RFC 7946 asks, so that no edge spans 180 degrees).
 * Rings are closed and counter-clockwise; the {@code method} says where the polygon came from.
 */
public final class Footprint {

    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    private static final double ROUND = 1e9;

    private final Geometry geometry;
    private final String method;

    private Footprint(Geometry geometry, String method) {
        this.geometry = geometry;
        this.method = method;
    }

    /**
     * Builds a footprint from the vertices of one ring, in order, open or closed, either
     * orientation. Longitudes are in -180..180; a ring whose consecutive vertices are more than 180
     * degrees apart is taken to cross the antimeridian.
     */
    public static Footprint ofRing(List<LonLat> vertices, String method) {
        List<LonLat> v = new ArrayList<>(vertices);
        if (v.size() > 1 && v.get(0).equals(v.get(v.size() - 1))) {
            v.remove(v.size() - 1);
        }
        if (v.size() < 3) {
            throw new IllegalArgumentException("a footprint needs at least 3 distinct vertices, got " + v.size());
        }
        // Unwrap longitudes so that the ring is continuous, then split where it leaves -180..180.
        Coordinate[] c = new Coordinate[v.size() + 1];
        double prev = v.get(0).lon();
        for (int i = 0; i < v.size(); i++) {
            double lon = v.get(i).lon();
            while (lon - prev > 180) {
                lon -= 360;
            }
            while (lon - prev < -180) {
                lon += 360;
            }
            c[i] = new Coordinate(lon, v.get(i).lat());
            prev = lon;
        }
        c[v.size()] = new Coordinate(c[0]);
        Polygon unwrapped = ccw(FACTORY.createPolygon(c));
        if (!unwrapped.isValid()) {
            throw new IllegalArgumentException("footprint ring crosses itself: " + vertices);
        }
        Envelope env = unwrapped.getEnvelopeInternal();
        if (env.getMinX() >= -180 && env.getMaxX() <= 180) {
            return new Footprint(unwrapped, method);
        }
        double seam = env.getMaxX() > 180 ? 180 : -180;
        double shift = seam > 0 ? -360 : 360;
        Geometry west = unwrapped.intersection(box(-540, seam));
        Geometry east = unwrapped.intersection(box(seam, 540));
        List<Polygon> parts = new ArrayList<>();
        for (Geometry g : List.of(west, east)) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                    Polygon moved = p;
                    if (seam > 0 ? p.getEnvelopeInternal().getMinX() >= 180 : p.getEnvelopeInternal().getMaxX() <= -180) {
                        moved = translate(p, shift);
                    }
                    parts.add(ccw(moved));
                }
            }
        }
        if (parts.size() == 1) {
            return new Footprint(parts.get(0), method);
        }
        return new Footprint(FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new)), method);
    }

    /** Wraps an existing lon/lat geometry (Polygon or MultiPolygon), fixing ring orientation. */
    public static Footprint of(Geometry g, String method) {
        if (g instanceof Polygon p) {
            return new Footprint(ccw(p), method);
        }
        if (g instanceof MultiPolygon mp) {
            Polygon[] parts = new Polygon[mp.getNumGeometries()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = ccw((Polygon) mp.getGeometryN(i));
            }
            return new Footprint(FACTORY.createMultiPolygon(parts), method);
        }
        throw new IllegalArgumentException("a footprint is a Polygon or MultiPolygon, not " + g.getGeometryType());
    }

    /** Reads a GeoJSON Polygon or MultiPolygon. */
    public static Footprint fromGeoJson(JsonNode json, String method) {
        return of(GeoJson.read(json), method);
    }

    public Geometry geometry() {
        return geometry;
    }

    public String method() {
        return method;
    }

    public Footprint withMethod(String newMethod) {
        return new Footprint(geometry, newMethod);
    }

    /** The shell of the first (or only) polygon, closed, counter-clockwise. */
    public List<LonLat> ring() {
        Polygon p = (Polygon) geometry.getGeometryN(0);
        List<LonLat> out = new ArrayList<>();
        for (Coordinate c : p.getExteriorRing().getCoordinates()) {
            out.add(new LonLat(c.x, c.y));
        }
        return out;
    }

    /** Bounding boxes, one per polygon; two for a footprint split at the antimeridian. */
    public List<Envelope> envelopes() {
        List<Envelope> out = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            out.add(geometry.getGeometryN(i).getEnvelopeInternal());
        }
        return out;
    }

    /** The centroid, taken across the antimeridian when the footprint is split there. */
    public LonLat centroid() {
        Geometry g = geometry;
        if (g.getNumGeometries() > 1) {
            List<Polygon> joined = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                joined.add(p.getEnvelopeInternal().getMaxX() <= 0 ? translate(p, 360) : p);
            }
            g = FACTORY.createMultiPolygon(joined.toArray(Polygon[]::new));
        }
        Coordinate c = g.getCentroid().getCoordinate();
        double lon = c.x > 180 ? c.x - 360 : c.x;
        return new LonLat(round(lon), round(c.y));
    }

    /** GeoJSON Polygon or MultiPolygon, lon/lat. */
    public ObjectNode toGeoJson() {
        return GeoJson.write(geometry);
    }

    private static Polygon ccw(Polygon p) {
        LinearRing shell = p.getExteriorRing();
        if (!Orientation.isCCW(shell.getCoordinates())) {
            shell = shell.reverse();
        }
        LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
            LinearRing h = p.getInteriorRingN(i);
            holes[i] = Orientation.isCCW(h.getCoordinates()) ? h.reverse() : h;
        }
        return FACTORY.createPolygon(rounded(shell), roundedAll(holes));
    }

    private static LinearRing rounded(LinearRing r) {
        Coordinate[] cs = r.getCoordinates();
        Coordinate[] out = new Coordinate[cs.length];
        for (int i = 0; i < cs.length; i++) {
            out[i] = new Coordinate(round(cs[i].x), round(cs[i].y));
        }
        return FACTORY.createLinearRing(out);
    }

    private static LinearRing[] roundedAll(LinearRing[] rs) {
        LinearRing[] out = new LinearRing[rs.length];
        for (int i = 0; i < rs.length; i++) {
            out[i] = rounded(rs[i]);
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * ROUND) / ROUND;
    }

    private static Polygon box(double minLon, double maxLon) {
        return (Polygon) FACTORY.toGeometry(new Envelope(minLon, maxLon, -90, 90));
    }

    private static Polygon translate(Polygon p, double dx) {
        Polygon copy = (Polygon) p.copy();
        copy.apply((org.locationtech.jts.geom.CoordinateFilter) c -> c.x += dx);
        copy.geometryChanged();
        return copy;
    }

    @Override
    public String toString() {
        return geometry.toText() + " (" + method + ")";
    }

    /** GeoJSON geometry reading and writing, lon/lat, for the two shapes footprints take. */
    public static final class GeoJson {
        private GeoJson() {
        }

        public static ObjectNode write(Geometry g) {
            if (!(g instanceof Polygon) && !(g instanceof MultiPolygon)) {
                throw new IllegalArgumentException("cannot write " + g.getGeometryType() + " as a footprint");
            }
            return GeoJsonGeometry.write(g);
        }

        /** Reads a GeoJSON Polygon, MultiPolygon, Feature or the first feature of a FeatureCollection. */
        public static Geometry read(JsonNode json) {
            String type = json.path("type").asText("");
            switch (type.toLowerCase(java.util.Locale.ROOT)) {
                case "feature":
                    return read(json.path("geometry"));
                case "featurecollection":
                    if (json.path("features").isEmpty()) {
                        throw new IllegalArgumentException("FeatureCollection without features");
                    }
                    return read(json.path("features").get(0));
                case "polygon":
                    return polygon(json.path("coordinates"));
                case "multipolygon": {
                    JsonNode cs = json.path("coordinates");
                    Polygon[] ps = new Polygon[cs.size()];
                    for (int i = 0; i < ps.length; i++) {
                        ps[i] = polygon(cs.get(i));
                    }
                    return FACTORY.createMultiPolygon(ps);
                }
                case "envelope": {
                    // Elasticsearch's envelope: [[minLon, maxLat], [maxLon, minLat]]
                    JsonNode cs = json.path("coordinates");
                    return FACTORY.toGeometry(new Envelope(cs.get(0).get(0).asDouble(), cs.get(1).get(0).asDouble(),
                            cs.get(1).get(1).asDouble(), cs.get(0).get(1).asDouble()));
                }
                default:
                    throw new IllegalArgumentException("expected a GeoJSON Polygon or MultiPolygon, got type '" + type + "'");
            }
        }

        private static Polygon polygon(JsonNode rings) {
            if (!rings.isArray() || rings.isEmpty()) {
                throw new IllegalArgumentException("a Polygon needs at least one ring");
            }
            LinearRing shell = ring(rings.get(0));
            LinearRing[] holes = new LinearRing[rings.size() - 1];
            for (int i = 1; i < rings.size(); i++) {
                holes[i - 1] = ring(rings.get(i));
            }
            return FACTORY.createPolygon(shell, holes);
        }

        private static LinearRing ring(JsonNode pts) {
            List<Coordinate> cs = new ArrayList<>();
            for (JsonNode p : pts) {
                if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                    throw new IllegalArgumentException("a position is [lon, lat], got " + p);
                }
                cs.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble()));
            }
            if (cs.size() < 3) {
                throw new IllegalArgumentException("a ring needs at least 3 positions");
            }
            if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
                cs.add(new Coordinate(cs.get(0)));
            }
            if (cs.size() < 4) {
                throw new IllegalArgumentException("a ring needs at least 3 distinct positions");
            }
            return FACTORY.createLinearRing(cs.toArray(Coordinate[]::new));
        }
    }
}
