package org.alos2ingest.catalog;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.catalog.cql2.Cql2Json;
import org.alos2ingest.catalog.cql2.Cql2Text;
import org.alos2ingest.catalog.cql2.Expr;
import org.alos2ingest.geo.GeoJsonGeometry;
import org.alos2ingest.geo.IsoTime;
import org.locationtech.jts.geom.Geometry;

/**
 * A STAC API item search: ids, collections (dataset types), an area (bbox or intersects), a time
 * span (datasets whose [start, end] overlaps it, either end open), a CQL2 filter bound to the
 * {@link Queryables}, an order, a page size and the token of the page to continue after. Empty or
 * null means "any". The static parsers read the API's parameters and throw
 * {@link InvalidSearchException} naming the parameter.
 */
public record ItemSearch(List<String> ids, List<String> collections, Geometry area, Instant start, Instant end, Expr filter,
                         ItemSort sort, int limit, String after) {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 10_000;

    public ItemSearch {
        ids = ids == null ? List.of() : List.copyOf(ids);
        collections = collections == null ? List.of() : List.copyOf(collections);
        sort = sort == null ? ItemSort.DEFAULT : sort;
        if (limit < 1) {
            throw new InvalidSearchException("limit", "expected an integer from 1 to " + MAX_LIMIT + ", got " + limit);
        }
        limit = Math.min(limit, MAX_LIMIT);
    }

    public static ItemSearch all() {
        return new ItemSearch(List.of(), List.of(), null, null, null, null, ItemSort.DEFAULT, DEFAULT_LIMIT, null);
    }

    public ItemSearch withIds(List<String> v) {
        return new ItemSearch(v, collections, area, start, end, filter, sort, limit, after);
    }

    public ItemSearch withCollections(List<String> v) {
        return new ItemSearch(ids, v, area, start, end, filter, sort, limit, after);
    }

    public ItemSearch withArea(Geometry v) {
        return new ItemSearch(ids, collections, v, start, end, filter, sort, limit, after);
    }

    /** Datasets whose time span overlaps [from, to]; either may be null (open). */
    public ItemSearch withTime(Instant from, Instant to) {
        return new ItemSearch(ids, collections, area, from, to, filter, sort, limit, after);
    }

    /** @param raw a parsed CQL2 expression, checked here against the queryables */
    public ItemSearch withFilter(Expr raw) {
        return new ItemSearch(ids, collections, area, start, end, raw == null ? null : FilterBinder.bind("filter", raw), sort, limit, after);
    }

    public ItemSearch withSort(ItemSort v) {
        return new ItemSearch(ids, collections, area, start, end, filter, v, limit, after);
    }

    /** Larger than {@value #MAX_LIMIT} is taken as {@value #MAX_LIMIT}; less than 1 is refused. */
    public ItemSearch withLimit(int v) {
        return new ItemSearch(ids, collections, area, start, end, filter, sort, v, after);
    }

    /** @param token the {@link ItemPage#next} of the previous page, or null for the first page */
    public ItemSearch withAfter(String token) {
        if (token != null) {
            sort.after(token);
        }
        return new ItemSearch(ids, collections, area, start, end, filter, sort, limit, token);
    }

    /** Sets the time span from the STAC {@code datetime} parameter. */
    public ItemSearch withDatetime(String text) {
        Instant[] span = datetime(text);
        return withTime(span[0], span[1]);
    }

    // ---- the API's parameters ----------------------------------------------------------------

    /** {@code west,south,east,north} (or the 6-number 3D form); west > east crosses the antimeridian. */
    public static Geometry bbox(String text) {
        List<Double> v = new ArrayList<>();
        for (String p : text.split(",", -1)) {
            try {
                v.add(Double.parseDouble(p.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidSearchException("bbox", "expected west,south,east,north in degrees, got '" + text + "'");
            }
        }
        return bbox(v);
    }

    public static Geometry bbox(List<Double> v) {
        if (v.size() != 4 && v.size() != 6) {
            throw new InvalidSearchException("bbox", "expected 4 numbers west,south,east,north (or 6 with heights), got " + v.size());
        }
        int half = v.size() / 2;
        try {
            return GeoJsonGeometry.box(v.get(0), v.get(1), v.get(half), v.get(half + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidSearchException("bbox", e.getMessage());
        }
    }

    /** The {@code intersects} parameter: a GeoJSON geometry. */
    public static Geometry intersects(JsonNode json) {
        try {
            return GeoJsonGeometry.read(json);
        } catch (IllegalArgumentException e) {
            throw new InvalidSearchException("intersects", e.getMessage());
        }
    }

    /**
     * The {@code datetime} parameter: an instant, or {@code start/end} where either may be {@code ..}
     * or empty (open). Times are RFC 3339; the catalog keeps milliseconds, so a start finer than that
     * rounds up and an end rounds down.
     *
     * @return {from, to}, either null when open
     */
    public static Instant[] datetime(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidSearchException("datetime", "expected an RFC 3339 time or an interval start/end, got nothing");
        }
        String[] parts = text.split("/", -1);
        if (parts.length > 2) {
            throw new InvalidSearchException("datetime", "expected an RFC 3339 time or an interval start/end, got '" + text + "'");
        }
        Instant from = instant(parts[0], text);
        Instant to = parts.length == 1 ? from : instant(parts[1], text);
        if (parts.length == 2 && from == null && to == null) {
            throw new InvalidSearchException("datetime", "expected at least one end of the interval, got '" + text + "'");
        }
        if (parts.length == 1 && from == null) {
            throw new InvalidSearchException("datetime", "expected an RFC 3339 time, got '" + text + "'");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidSearchException("datetime", "expected the start not after the end, got '" + text + "'");
        }
        return new Instant[] {from, to};
    }

    private static Instant instant(String part, String whole) {
        String p = part.strip();
        if (p.isEmpty() || p.equals("..")) {
            return null;
        }
        if (!p.matches("\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})")) {
            throw new InvalidSearchException("datetime", "expected RFC 3339 times such as 2020-01-31T12:00:00Z, got '" + whole + "'");
        }
        try {
            return IsoTime.parse(p);
        } catch (DateTimeParseException e) {
            throw new InvalidSearchException("datetime", "expected RFC 3339 times such as 2020-01-31T12:00:00Z, got '" + whole + "'");
        }
    }

    /** The {@code filter} parameter of GET: CQL2-text. */
    public static Expr filterText(String text) {
        return Cql2Text.parse("filter", text);
    }

    /** The {@code filter} member of a POST body: CQL2-JSON. */
    public static Expr filterJson(JsonNode json) {
        return Cql2Json.parse("filter", json);
    }

    /** The {@code limit} parameter as text. */
    public static int limit(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            try {
                // a huge number is clamped, not refused
                return new java.math.BigInteger(text.strip()).signum() > 0 ? MAX_LIMIT : 0;
            } catch (NumberFormatException e2) {
                throw new InvalidSearchException("limit", "expected an integer from 1 to " + MAX_LIMIT + ", got '" + text + "'");
            }
        }
    }

    // ---- the reference semantics ---------------------------------------------------------------

    /** True when the GRQ document matches everything but the page token. */
    public boolean matches(JsonNode doc) {
        if (!ids.isEmpty() && !ids.contains(doc.path("id").asText())) {
            return false;
        }
        if (!collections.isEmpty() && !collections.contains(doc.path("dataset_type").asText())) {
            return false;
        }
        if (start != null && IsoTime.parse(doc.path("endtime").asText()).toEpochMilli() < ceilMillis(start)) {
            return false;
        }
        if (end != null && IsoTime.parse(doc.path("starttime").asText()).toEpochMilli() > end.toEpochMilli()) {
            return false;
        }
        if (filter != null && !FilterMatcher.matches(filter, doc)) {
            return false;
        }
        return area == null || Queryables.GEOMETRY.value().apply(doc) instanceof Geometry g && g.intersects(area);
    }

    static long ceilMillis(Instant t) {
        long ms = t.toEpochMilli();
        return t.getNano() % 1_000_000 == 0 ? ms : ms + 1;
    }

    /** Whether the exact test must run on the documents after the backend's coarse one (footprints in SQLite). */
    boolean spatial() {
        return area != null || (filter != null && Spatial.in(filter));
    }

    /** Finds spatial predicates in a filter. */
    static final class Spatial {
        private Spatial() {
        }

        static boolean in(Expr e) {
            if (e instanceof Expr.And a) {
                return a.args().stream().anyMatch(Spatial::in);
            } else if (e instanceof Expr.Or o) {
                return o.args().stream().anyMatch(Spatial::in);
            } else if (e instanceof Expr.Not n) {
                return in(n.arg());
            }
            return e instanceof Expr.SIntersects;
        }
    }
}
