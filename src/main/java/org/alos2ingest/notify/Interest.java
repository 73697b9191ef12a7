package org.alos2ingest.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.ItemSearch;
import org.alos2ingest.catalog.Queryables;
import org.alos2ingest.catalog.SearchQuery;
import org.alos2ingest.catalog.cql2.Expr;
import org.alos2ingest.catalog.cql2.Operand;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.BoundingBox;
import org.alos2ingest.geo.GeoJsonGeometry;
import org.alos2ingest.identify.SceneId;
import org.locationtech.jts.geom.Geometry;

/**
 * Which datasets a subscriber wants: those whose footprint intersects an area, optionally of some
 * observation modes, processing levels, an orbit direction and a path. It is an item search of the
 * catalog ({@link ItemSearch#matches}: the area test and a CQL2 filter on the STAC queryables), so a
 * subscription matches exactly what a search with the same parameters finds.
 */
public final class Interest {

    private final JsonNode area;
    private final List<String> modes;
    private final List<String> levels;
    private final String direction;
    private final Integer path;
    private final ItemSearch search;

    private Interest(JsonNode area, List<String> modes, List<String> levels, String direction, Integer path, ItemSearch search) {
        this.area = area;
        this.modes = List.copyOf(modes);
        this.levels = List.copyOf(levels);
        this.direction = direction;
        this.path = path;
        this.search = search;
    }

    /**
     * Checks and normalises what a user gave.
     *
     * @param area  a GeoJSON geometry or Feature
     * @param named how the caller spells a field in messages ({@code mode} → {@code --mode} on the command line)
     * @throws IllegalArgumentException naming the field and what was expected
     */
    public static Interest of(JsonNode area, List<String> modes, List<String> levels, String direction, Integer path, UnaryOperator<String> named) {
        JsonNode geometry = area != null && "Feature".equals(area.path("type").asText()) ? area.path("geometry") : area;
        Geometry g;
        try {
            if (geometry == null || geometry.isMissingNode() || geometry.isNull()) {
                throw new IllegalArgumentException("expected a GeoJSON geometry or Feature");
            }
            g = GeoJsonGeometry.read(geometry);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(named.apply("intersects") + ": " + e.getMessage());
        }
        List<String> m = checked(modes, s -> s.strip().toUpperCase(Locale.ROOT), Queryables.MODE.values(), named.apply("mode"));
        List<String> l = checked(levels, SearchQuery::level, Queryables.LEVEL.values(), named.apply("level"));
        String d;
        try {
            d = direction == null || direction.isBlank() ? null : SearchQuery.direction(direction);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(named.apply("direction") + ": expected ascending or descending, got '" + direction + "'");
        }
        if (path != null && (path < 0 || path >= SceneId.PATHS_PER_CYCLE)) {
            throw new IllegalArgumentException(named.apply("path") + ": expected a path from 0 to " + (SceneId.PATHS_PER_CYCLE - 1) + ", got " + path);
        }
        return new Interest(GeoJsonGeometry.write(g), m, l, d, path, search(g, m, l, d, path));
    }

    /** A box west,south,east,north (or 6 numbers with heights); west greater than east crosses the antimeridian. */
    public static JsonNode box(String text, String option) {
        try {
            return GeoJsonGeometry.write(BoundingBox.parse(text).geometry());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    private static List<String> checked(List<String> given, UnaryOperator<String> normal, List<String> allowed, String what) {
        List<String> out = new ArrayList<>();
        for (String v : given == null ? List.<String>of() : given) {
            String n = normal.apply(v);
            if (!allowed.contains(n)) {
                throw new IllegalArgumentException(what + ": expected one of " + String.join(", ", allowed) + ", got '" + v + "'");
            }
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private static ItemSearch search(Geometry area, List<String> modes, List<String> levels, String direction, Integer path) {
        List<Expr> all = new ArrayList<>();
        in(all, Queryables.MODE.name(), modes);
        in(all, Queryables.LEVEL.name(), levels);
        if (direction != null) {
            all.add(new Expr.Comparison(Expr.Op.EQ, new Operand.Property(Queryables.ORBIT_STATE.name()), new Operand.Text(direction)));
        }
        if (path != null) {
            all.add(new Expr.Comparison(Expr.Op.EQ, new Operand.Property(Queryables.PATH.name()),
                    new Operand.Number(java.math.BigDecimal.valueOf(path))));
        }
        ItemSearch s = ItemSearch.all().withArea(area);
        return all.isEmpty() ? s : s.withFilter(all.size() == 1 ? all.get(0) : new Expr.And(all));
    }

    private static void in(List<Expr> all, String property, List<String> values) {
        if (!values.isEmpty()) {
            all.add(new Expr.In(new Operand.Property(property), values.stream().<Operand>map(Operand.Text::new).toList()));
        }
    }

    /** True when the catalog document is one the subscriber wants. */
    public boolean matches(JsonNode doc) {
        return search.matches(doc);
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.set("intersects", area.deepCopy());
        if (!modes.isEmpty()) {
            ArrayNode a = o.putArray("mode");
            modes.forEach(a::add);
        }
        if (!levels.isEmpty()) {
            ArrayNode a = o.putArray("level");
            levels.forEach(a::add);
        }
        if (direction != null) {
            o.put("direction", direction);
        }
        if (path != null) {
            o.put("path", path);
        }
        return o;
    }

    /** Reads {@link #toJson}, or a request body of the same shape ({@code mode}, {@code level}: a string or an array). */
    public static Interest fromJson(JsonNode o, UnaryOperator<String> named) {
        JsonNode p = o.path("path");
        Integer path = null;
        if (!p.isMissingNode() && !p.isNull()) {
            if (!p.canConvertToInt() || !p.isIntegralNumber()) {
                throw new IllegalArgumentException(named.apply("path") + ": expected an integer, got " + p);
            }
            path = p.asInt();
        }
        JsonNode d = o.path("direction");
        if (!d.isMissingNode() && !d.isNull() && !d.isTextual()) {
            throw new IllegalArgumentException(named.apply("direction") + ": expected ascending or descending, got " + d);
        }
        return of(o.get("intersects"), strings(o.path("mode"), named.apply("mode")), strings(o.path("level"), named.apply("level")),
                d.isTextual() ? d.asText() : null, path, named);
    }

    private static List<String> strings(JsonNode n, String what) {
        List<String> out = new ArrayList<>();
        if (n.isMissingNode() || n.isNull()) {
            return out;
        }
        if (n.isTextual()) {
            out.add(n.asText());
            return out;
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException(what + ": expected a string or an array of strings, got " + n);
        }
        for (JsonNode x : n) {
            if (!x.isTextual()) {
                throw new IllegalArgumentException(what + ": expected strings, got " + x);
            }
            out.add(x.asText());
        }
        return out;
    }

    /** One line: {@code area POLYGON((...)) mode FBD level L1.5}. */
    public String describe() {
        StringBuilder b = new StringBuilder(area.path("type").asText());
        if (!modes.isEmpty()) {
            b.append(", mode ").append(String.join("/", modes));
        }
        if (!levels.isEmpty()) {
            b.append(", level ").append(String.join("/", levels));
        }
        if (direction != null) {
            b.append(", ").append(direction);
        }
        if (path != null) {
            b.append(", path ").append(path);
        }
        return b.toString();
    }
}
