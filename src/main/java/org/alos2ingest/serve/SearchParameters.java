package org.alos2ingest.serve;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.Json;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads an item search from a GET query string or a POST JSON body, refusing anything malformed with
 * a 400 that names the parameter. Limits beyond {@link ItemSearch#MAX_LIMIT} are clamped, as the
 * STAC API spec advises, not refused.
 */
final class SearchParameters {

    static final Set<String> SORTABLE = Set.of("datetime", "id", "sat:relative_orbit");
    private static final Set<String> GET_NAMES = Set.of("ids", "collections", "bbox", "intersects", "datetime", "limit",
            "filter", "filter-lang", "filter-crs", "sortby", "token", "f");
    private static final Set<String> POST_NAMES = Set.of("ids", "collections", "bbox", "intersects", "datetime", "limit",
            "filter", "filter-lang", "filter-crs", "sortby", "token");

    private SearchParameters() {
    }

    /** Query parameters by name, each with its values in order. */
    static ItemSearch fromQuery(Map<String, List<String>> query) {
        for (String name : query.keySet()) {
            if (!GET_NAMES.contains(name)) {
                throw ApiError.badParameter(name, "unknown parameter (expected one of " + String.join(", ", sorted(GET_NAMES)) + ")");
            }
        }
        List<String> ids = list(single(query, "ids"));
        List<String> collections = list(single(query, "collections"));
        String bboxText = single(query, "bbox");
        String intersectsText = single(query, "intersects");
        if (bboxText != null && intersectsText != null) {
            throw ApiError.badParameter("bbox", "give bbox or intersects, not both");
        }
        Geometry area = null;
        if (bboxText != null) {
            area = Bbox.parse("bbox", Arrays.stream(bboxText.split(",", -1)).map(s -> number("bbox", s)).toList());
        }
        if (intersectsText != null) {
            area = GeoJsonGeometry.read("intersects", parseJson("intersects", intersectsText));
        }
        Instant[] interval = datetime(single(query, "datetime"));
        int limit = limit(single(query, "limit"));
        ItemSearch.Filter filter = null;
        String filterText = single(query, "filter");
        String lang = single(query, "filter-lang");
        checkCrs(single(query, "filter-crs"));
        if (filterText != null) {
            if (lang == null || lang.equals(ItemSearch.Filter.TEXT)) {
                filter = new ItemSearch.Filter(ItemSearch.Filter.TEXT, filterText, null);
            } else if (lang.equals(ItemSearch.Filter.JSON)) {
                filter = new ItemSearch.Filter(ItemSearch.Filter.JSON, null, parseJson("filter", filterText));
            } else {
                throw ApiError.badParameter("filter-lang", "expected cql2-text or cql2-json, not '" + lang + "'");
            }
        } else if (lang != null && !lang.equals(ItemSearch.Filter.TEXT) && !lang.equals(ItemSearch.Filter.JSON)) {
            throw ApiError.badParameter("filter-lang", "expected cql2-text or cql2-json, not '" + lang + "'");
        }
        List<ItemSearch.SortKey> sortby = new ArrayList<>();
        for (String key : list(single(query, "sortby"))) {
            boolean desc = key.startsWith("-");
            String field = key.startsWith("-") || key.startsWith("+") || key.startsWith(" ") ? key.substring(1) : key;
            sortby.add(sortKey(field.strip(), desc));
        }
        return new ItemSearch(ids, collections, area, interval[0], interval[1], limit, filter, sortby, single(query, "token"));
    }

    static ItemSearch fromBody(String body) {
        JsonNode json = body == null || body.isBlank() ? Json.object() : parseJson("body", body);
        if (!json.isObject()) {
            throw ApiError.badParameter("body", "expected a JSON object of search parameters");
        }
        json.fieldNames().forEachRemaining(name -> {
            if (!POST_NAMES.contains(name)) {
                throw ApiError.badParameter(name, "unknown search parameter (expected one of " + String.join(", ", sorted(POST_NAMES)) + ")");
            }
        });
        List<String> ids = strings(json, "ids");
        List<String> collections = strings(json, "collections");
        if (json.hasNonNull("bbox") && json.hasNonNull("intersects")) {
            throw ApiError.badParameter("bbox", "give bbox or intersects, not both");
        }
        Geometry area = null;
        if (json.hasNonNull("bbox")) {
            JsonNode b = json.get("bbox");
            if (!b.isArray()) {
                throw ApiError.badParameter("bbox", "expected an array of 4 or 6 numbers");
            }
            List<Double> values = new ArrayList<>();
            b.forEach(v -> {
                if (!v.isNumber()) {
                    throw ApiError.badParameter("bbox", "expected numbers, got " + v);
                }
                values.add(v.asDouble());
            });
            area = Bbox.parse("bbox", values);
        }
        if (json.hasNonNull("intersects")) {
            area = GeoJsonGeometry.read("intersects", json.get("intersects"));
        }
        Instant[] interval = datetime(text(json, "datetime"));
        int limit = json.hasNonNull("limit") ? limitNode(json.get("limit")) : ItemSearch.DEFAULT_LIMIT;
        checkCrs(text(json, "filter-crs"));
        ItemSearch.Filter filter = null;
        String lang = text(json, "filter-lang");
        if (lang != null && !lang.equals(ItemSearch.Filter.TEXT) && !lang.equals(ItemSearch.Filter.JSON)) {
            throw ApiError.badParameter("filter-lang", "expected cql2-json or cql2-text, not '" + lang + "'");
        }
        if (json.hasNonNull("filter")) {
            JsonNode f = json.get("filter");
            if (ItemSearch.Filter.TEXT.equals(lang) || (lang == null && f.isTextual())) {
                if (!f.isTextual()) {
                    throw ApiError.badParameter("filter", "filter-lang cql2-text expects the filter as a string");
                }
                filter = new ItemSearch.Filter(ItemSearch.Filter.TEXT, f.asText(), null);
            } else {
                if (!f.isObject()) {
                    throw ApiError.badParameter("filter", "expected a CQL2-JSON expression (a JSON object)");
                }
                filter = new ItemSearch.Filter(ItemSearch.Filter.JSON, null, f);
            }
        }
        List<ItemSearch.SortKey> sortby = new ArrayList<>();
        JsonNode sorts = json.path("sortby");
        if (!sorts.isMissingNode() && !sorts.isNull()) {
            if (!sorts.isArray()) {
                throw ApiError.badParameter("sortby", "expected an array of {\"field\", \"direction\"} objects");
            }
            for (JsonNode s : sorts) {
                String dir = s.path("direction").asText("asc");
                if (!s.path("field").isTextual() || !(dir.equals("asc") || dir.equals("desc"))) {
                    throw ApiError.badParameter("sortby", "expected {\"field\": NAME, \"direction\": \"asc\"|\"desc\"}, got " + s);
                }
                sortby.add(sortKey(s.path("field").asText(), dir.equals("desc")));
            }
        }
        return new ItemSearch(ids, collections, area, interval[0], interval[1], limit, filter, sortby, text(json, "token"));
    }

    /** RFC 3339 instant or interval with {@code ..} or nothing for an open end; null means any time. */
    static Instant[] datetime(String text) {
        if (text == null || text.isBlank()) {
            return new Instant[2];
        }
        String[] parts = text.split("/", -1);
        if (parts.length > 2) {
            throw ApiError.badParameter("datetime", "expected an RFC 3339 time or interval START/END, got '" + text + "'");
        }
        if (parts.length == 1) {
            if (parts[0].equals("..")) {
                throw ApiError.badParameter("datetime", "'..' is an open end of an interval, not a time");
            }
            Instant t = instant(parts[0]);
            return new Instant[] {t, t};
        }
        Instant start = open(parts[0]) ? null : instant(parts[0]);
        Instant end = open(parts[1]) ? null : instant(parts[1]);
        if (start == null && end == null) {
            throw ApiError.badParameter("datetime", "an interval needs at least one closed end, got '" + text + "'");
        }
        if (start != null && end != null && start.isAfter(end)) {
            throw ApiError.badParameter("datetime", "the interval's start is after its end: '" + text + "'");
        }
        return new Instant[] {start, end};
    }

    private static boolean open(String s) {
        return s.isEmpty() || s.equals("..");
    }

    private static Instant instant(String s) {
        try {
            return OffsetDateTime.parse(s.strip().replace('t', 'T').replace('z', 'Z')).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.badParameter("datetime", "expected an RFC 3339 date-time such as 2017-02-09T03:00:00Z, got '" + s + "'");
        }
    }

    static int limit(String text) {
        if (text == null) {
            return ItemSearch.DEFAULT_LIMIT;
        }
        try {
            return clamp(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            throw ApiError.badParameter("limit", "expected a positive integer, got '" + text + "'");
        }
    }

    private static int limitNode(JsonNode n) {
        if (!n.canConvertToLong() || !n.isIntegralNumber()) {
            throw ApiError.badParameter("limit", "expected a positive integer, got " + n);
        }
        return clamp(n.asLong());
    }

    private static int clamp(long n) {
        if (n < 1) {
            throw ApiError.badParameter("limit", "expected a positive integer, got " + n);
        }
        return (int) Math.min(n, ItemSearch.MAX_LIMIT);
    }

    private static ItemSearch.SortKey sortKey(String field, boolean descending) {
        String f = field.startsWith("properties.") ? field.substring("properties.".length()) : field;
        if (!SORTABLE.contains(f)) {
            throw ApiError.badParameter("sortby", "cannot sort by '" + field + "' (expected one of " + String.join(", ", sorted(SORTABLE)) + ")");
        }
        return new ItemSearch.SortKey(f, descending);
    }

    private static void checkCrs(String crs) {
        if (crs != null && !crs.equals("http://www.opengis.net/def/crs/OGC/1.3/CRS84")) {
            throw ApiError.badParameter("filter-crs", "only http://www.opengis.net/def/crs/OGC/1.3/CRS84 is supported");
        }
    }

    private static double number(String parameter, String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badParameter(parameter, "expected comma-separated numbers west,south,east,north, got '" + s + "'");
        }
    }

    private static JsonNode parseJson(String parameter, String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiError.badParameter(parameter, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiError.badParameter(name, "given " + values.size() + " times; give it once (lists are comma-separated)");
        }
        return values.get(0);
    }

    private static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String text(JsonNode json, String name) {
        JsonNode n = json.path(name);
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw ApiError.badParameter(name, "expected a string, got " + n);
        }
        return n.asText();
    }

    private static List<String> strings(JsonNode json, String name) {
        JsonNode n = json.path(name);
        if (n.isMissingNode() || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw ApiError.badParameter(name, "expected an array of strings, got " + n);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : n) {
            if (!v.isTextual()) {
                throw ApiError.badParameter(name, "expected an array of strings, got " + n);
            }
            out.add(v.asText());
        }
        return out;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
