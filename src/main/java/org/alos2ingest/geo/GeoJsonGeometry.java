package org.alos2ingest.geo;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Every GeoJSON geometry type, both ways, as STAC's {@code intersects} and CQL2-JSON's spatial
 * literals carry them (footprints need only polygons; a search area may be a point or a line).
 * Reading is strict, as for what a client sends; {@link Footprint.GeoJson} reads the catalog's own
 * stored documents, whose types are lower-cased and whose rings may come unclosed.
 */
public final class GeoJsonGeometry {

    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private GeoJsonGeometry() {
    }

    /** @throws IllegalArgumentException saying what is wrong with the geometry */
    public static Geometry read(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("expected a GeoJSON geometry object, got " + json);
        }
        String type = json.path("type").asText("");
        JsonNode c = json.path("coordinates");
        Geometry g = switch (type) {
            case "Point" -> FACTORY.createPoint(position(c));
            case "LineString" -> FACTORY.createLineString(positions(c, 2));
            case "Polygon" -> polygon(c);
            case "MultiPoint" -> FACTORY.createMultiPoint(each(c, n -> FACTORY.createPoint(position(n)), Point[]::new));
            case "MultiLineString" -> FACTORY.createMultiLineString(each(c, n -> FACTORY.createLineString(positions(n, 2)), LineString[]::new));
            case "MultiPolygon" -> FACTORY.createMultiPolygon(each(c, GeoJsonGeometry::polygon, Polygon[]::new));
            case "GeometryCollection" -> FACTORY.createGeometryCollection(each(json.path("geometries"), GeoJsonGeometry::read, Geometry[]::new));
            default -> throw new IllegalArgumentException("expected a GeoJSON geometry type (Point, LineString, Polygon, Multi..., "
                    + "GeometryCollection), got '" + type + "'");
        };
        if (!g.isValid()) {
            throw new IllegalArgumentException("the " + type + " is not a valid geometry (a ring crosses itself?)");
        }
        for (Coordinate p : g.getCoordinates()) {
            if (Math.abs(p.x) > 180 || Math.abs(p.y) > 90) {
                throw new IllegalArgumentException("expected longitude -180..180 and latitude -90..90, got [" + p.x + ", " + p.y + "]");
            }
        }
        return g;
    }

    private static <T> T[] each(JsonNode array, java.util.function.Function<JsonNode, T> f, java.util.function.IntFunction<T[]> make) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("expected an array, got " + array);
        }
        T[] out = make.apply(array.size());
        for (int i = 0; i < out.length; i++) {
            out[i] = f.apply(array.get(i));
        }
        return out;
    }

    private static Coordinate position(JsonNode p) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new IllegalArgumentException("expected a position [lon, lat], got " + p);
        }
        return new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
    }

    private static Coordinate[] positions(JsonNode ps, int min) {
        Coordinate[] out = each(ps, GeoJsonGeometry::position, Coordinate[]::new);
        if (out.length < min) {
            throw new IllegalArgumentException("expected at least " + min + " positions, got " + out.length);
        }
        return out;
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing[] rs = each(rings, GeoJsonGeometry::ring, LinearRing[]::new);
        if (rs.length == 0) {
            throw new IllegalArgumentException("a Polygon needs at least one ring");
        }
        return FACTORY.createPolygon(rs[0], java.util.Arrays.copyOfRange(rs, 1, rs.length));
    }

    private static LinearRing ring(JsonNode ps) {
        Coordinate[] c = positions(ps, 4);
        if (!c[0].equals2D(c[c.length - 1])) {
            throw new IllegalArgumentException("a linear ring must end where it starts");
        }
        return FACTORY.createLinearRing(c);
    }

    public static ObjectNode write(Geometry g) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        String type = g.getGeometryType();
        o.put("type", type);
        if (type.equals("GeometryCollection")) {
            ArrayNode gs = o.putArray("geometries");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                gs.add(write(g.getGeometryN(i)));
            }
            return o;
        }
        o.set("coordinates", coordinates(g));
        return o;
    }

    private static JsonNode coordinates(Geometry g) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        switch (g.getGeometryType().toLowerCase(Locale.ROOT)) {
            case "point" -> {
                Coordinate c = g.getCoordinate();
                return a.add(c.x).add(c.y);
            }
            case "linestring", "linearring" -> {
                for (Coordinate c : g.getCoordinates()) {
                    a.addArray().add(c.x).add(c.y);
                }
            }
            case "polygon" -> {
                Polygon p = (Polygon) g;
                a.add(coordinates(p.getExteriorRing()));
                for (int i = 0; i < p.getNumInteriorRing(); i++) {
                    a.add(coordinates(p.getInteriorRingN(i)));
                }
            }
            default -> {
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    a.add(coordinates(g.getGeometryN(i)));
                }
            }
        }
        return a;
    }

    /**
     * A lon/lat box as a search area; west greater than east crosses the antimeridian and becomes two
     * boxes, split there as footprints are.
     *
     * @throws IllegalArgumentException when the numbers are not west,south,east,north in degrees
     */
    public static Geometry box(double w, double s, double e, double n) {
        if (s > n || s < -90 || n > 90 || Math.abs(w) > 180 || Math.abs(e) > 180 || Double.isNaN(w + s + e + n)) {
            throw new IllegalArgumentException("expected west,south,east,north in degrees with south <= north, got "
                    + w + "," + s + "," + e + "," + n);
        }
        if (w <= e) {
            return FACTORY.toGeometry(new Envelope(w, e, s, n));
        }
        // a box with no height, or ending at -180, has parts that are lines or points, not polygons
        return FACTORY.buildGeometry(List.of(FACTORY.toGeometry(new Envelope(w, 180, s, n)),
                FACTORY.toGeometry(new Envelope(-180, e, s, n))));
    }
}
