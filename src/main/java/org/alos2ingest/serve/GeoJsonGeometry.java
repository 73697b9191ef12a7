package org.alos2ingest.serve;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** A GeoJSON geometry of any of the six simple types, as {@code intersects} takes it, read strictly. */
final class GeoJsonGeometry {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoJsonGeometry() {
    }

    static Geometry read(String parameter, JsonNode json) {
        try {
            Geometry g = geometry(json);
            if (!g.isValid()) {
                throw new IllegalArgumentException("the geometry is not valid (self-intersecting or unclosed ring?)");
            }
            return g;
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw ApiError.badParameter(parameter, "expected a GeoJSON geometry (Point, LineString, Polygon, Multi*) in lon/lat: "
                    + (e.getMessage() == null ? "malformed coordinates" : e.getMessage()));
        }
    }

    private static Geometry geometry(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode c = json.path("coordinates");
        String type = json.path("type").asText("");
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "point" -> point(c);
            case "multipoint" -> FACTORY.createMultiPoint(each(c, GeoJsonGeometry::point, Point[]::new));
            case "linestring" -> line(c);
            case "multilinestring" -> FACTORY.createMultiLineString(each(c, GeoJsonGeometry::line, LineString[]::new));
            case "polygon" -> polygon(c);
            case "multipolygon" -> FACTORY.createMultiPolygon(each(c, GeoJsonGeometry::polygon, Polygon[]::new));
            default -> throw new IllegalArgumentException("unknown geometry type '" + type + "'");
        };
    }

    private static <T> T[] each(JsonNode array, java.util.function.Function<JsonNode, T> read, java.util.function.IntFunction<T[]> make) {
        array(array);
        T[] out = make.apply(array.size());
        for (int i = 0; i < out.length; i++) {
            out[i] = read.apply(array.get(i));
        }
        return out;
    }

    private static Point point(JsonNode c) {
        return FACTORY.createPoint(coordinate(c));
    }

    private static LineString line(JsonNode c) {
        return FACTORY.createLineString(coordinates(c));
    }

    private static Polygon polygon(JsonNode rings) {
        array(rings);
        if (rings.isEmpty()) {
            throw new IllegalArgumentException("a Polygon needs at least one ring");
        }
        LinearRing[] all = each(rings, r -> FACTORY.createLinearRing(coordinates(r)), LinearRing[]::new);
        LinearRing[] holes = java.util.Arrays.copyOfRange(all, 1, all.length);
        return FACTORY.createPolygon(all[0], holes);
    }

    private static Coordinate[] coordinates(JsonNode c) {
        return each(c, GeoJsonGeometry::coordinate, Coordinate[]::new);
    }

    private static Coordinate coordinate(JsonNode c) {
        array(c);
        if (c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            throw new IllegalArgumentException("a position is [lon, lat], got " + c);
        }
        double lon = c.get(0).asDouble();
        double lat = c.get(1).asDouble();
        if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
            throw new IllegalArgumentException("position " + c + " is outside lon -180..180, lat -90..90");
        }
        return new Coordinate(lon, lat);
    }

    private static void array(JsonNode n) {
        if (n == null || !n.isArray()) {
            throw new IllegalArgumentException("coordinates must be arrays, got " + n);
        }
    }
}
