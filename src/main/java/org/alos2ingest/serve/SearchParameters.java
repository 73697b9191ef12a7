package org.alos2ingest.serve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.catalog.InvalidSearchException;
import org.alos2ingest.catalog.ItemSearch;
import org.alos2ingest.catalog.ItemSort;
import org.alos2ingest.catalog.cql2.Expr;
import org.alos2ingest.config.Json;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads an item search from a GET query string or a POST JSON body with the catalog's parsers
 * ({@link ItemSearch}, {@link ItemSort}, CQL2); anything malformed is an {@link InvalidSearchException}
 * naming the parameter, which the API answers with a 400. Limits beyond {@link ItemSearch#MAX_LIMIT}
 * are clamped, as the STAC API spec advises, not refused.
 */
final class SearchParameters {

    static final String CQL2_TEXT = "cql2-text";
    static final String CQL2_JSON = "cql2-json";
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private static final Set<String> NAMES = Set.of("ids", "collections", "bbox", "intersects", "datetime", "limit",
            "filter", "filter-lang", "filter-crs", "sortby", "token");

    private SearchParameters() {
    }

    /** Query parameters by name, each with its values in order. */
    static ItemSearch fromQuery(Map<String, List<String>> query) {
        for (String name : query.keySet()) {
            if (!NAMES.contains(name) && !name.equals("f")) {
                throw new InvalidSearchException(name, "unknown parameter (expected one of " + String.join(", ", NAMES.stream().sorted().toList()) + ")");
            }
        }
        ItemSearch s = ItemSearch.all().withIds(list(single(query, "ids"))).withCollections(list(single(query, "collections")));
        String bbox = single(query, "bbox");
        String intersects = single(query, "intersects");
        s = s.withArea(area(bbox == null ? null : ItemSearch.bbox(bbox), intersects == null ? null : ItemSearch.intersects(json("intersects", intersects))));
        String datetime = single(query, "datetime");
        if (datetime != null) {
            s = s.withDatetime(datetime);
        }
        String limit = single(query, "limit");
        if (limit != null) {
            s = s.withLimit(ItemSearch.limit(limit));
        }
        checkCrs(single(query, "filter-crs"));
        String lang = lang(single(query, "filter-lang"));
        String filter = single(query, "filter");
        if (filter != null) {
            s = withFilter(s, () -> CQL2_JSON.equals(lang) ? ItemSearch.filterJson(json("filter", filter)) : ItemSearch.filterText(filter));
        }
        s = s.withSort(ItemSort.parse(single(query, "sortby")));
        return s.withAfter(single(query, "token"));
    }

    static ItemSearch fromBody(String body) {
        JsonNode json = body == null || body.isBlank() ? Json.object() : json("body", body);
        if (!json.isObject()) {
            throw new InvalidSearchException("body", "expected a JSON object of search parameters");
        }
        json.fieldNames().forEachRemaining(name -> {
            if (!NAMES.contains(name)) {
                throw new InvalidSearchException(name, "unknown search parameter (expected one of " + String.join(", ", NAMES.stream().sorted().toList()) + ")");
            }
        });
        ItemSearch s = ItemSearch.all().withIds(strings(json, "ids")).withCollections(strings(json, "collections"));
        Geometry box = null;
        if (present(json, "bbox")) {
            JsonNode b = json.get("bbox");
            List<Double> values = new ArrayList<>();
            b.forEach(v -> values.add(v.isNumber() ? v.asDouble() : Double.NaN));
            if (!b.isArray() || values.contains(Double.NaN)) {
                throw new InvalidSearchException("bbox", "expected an array of 4 or 6 numbers, got " + b);
            }
            box = ItemSearch.bbox(values);
        }
        s = s.withArea(area(box, present(json, "intersects") ? ItemSearch.intersects(json.get("intersects")) : null));
        String datetime = text(json, "datetime");
        if (datetime != null) {
            s = s.withDatetime(datetime);
        }
        if (present(json, "limit")) {
            JsonNode n = json.get("limit");
            if (!n.isIntegralNumber()) {
                throw new InvalidSearchException("limit", "expected an integer from 1 to " + ItemSearch.MAX_LIMIT + ", got " + n);
            }
            s = s.withLimit(ItemSearch.limit(n.asText()));
        }
        checkCrs(text(json, "filter-crs"));
        String lang = lang(text(json, "filter-lang"));
        if (present(json, "filter")) {
            JsonNode f = json.get("filter");
            if (CQL2_TEXT.equals(lang) || (lang == null && f.isTextual())) {
                if (!f.isTextual()) {
                    throw new InvalidSearchException("filter", "filter-lang cql2-text expects the filter as a string");
                }
                s = withFilter(s, () -> ItemSearch.filterText(f.asText()));
            } else {
                s = withFilter(s, () -> ItemSearch.filterJson(f));
            }
        }
        s = s.withSort(ItemSort.parse(json.get("sortby")));
        return s.withAfter(text(json, "token"));
    }

    /**
     * A geometry the filter spells wrongly (an unclosed ring) can fail inside JTS rather than in the
     * parser: it is the filter's fault all the same.
     */
    private static ItemSearch withFilter(ItemSearch s, java.util.function.Supplier<Expr> parse) {
        try {
            return s.withFilter(parse.get());
        } catch (IllegalArgumentException e) {
            throw new InvalidSearchException("filter", "not a valid CQL2 expression: " + e.getMessage());
        }
    }

    private static Geometry area(Geometry bbox, Geometry intersects) {
        if (bbox != null && intersects != null) {
            throw new InvalidSearchException("bbox", "give bbox or intersects, not both");
        }
        return bbox != null ? bbox : intersects;
    }

    private static String lang(String lang) {
        if (lang != null && !lang.equals(CQL2_TEXT) && !lang.equals(CQL2_JSON)) {
            throw new InvalidSearchException("filter-lang", "expected cql2-text or cql2-json, not '" + lang + "'");
        }
        return lang;
    }

    private static void checkCrs(String crs) {
        if (crs != null && !crs.equals(CRS84)) {
            throw new InvalidSearchException("filter-crs", "only " + CRS84 + " is supported");
        }
    }

    private static JsonNode json(String parameter, String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidSearchException(parameter, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidSearchException(name, "given " + values.size() + " times; give it once (lists are comma-separated)");
        }
        return values.get(0);
    }

    private static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean present(JsonNode json, String name) {
        return json.has(name) && !json.get(name).isNull();
    }

    private static String text(JsonNode json, String name) {
        if (!present(json, name)) {
            return null;
        }
        JsonNode n = json.get(name);
        if (!n.isTextual()) {
            throw new InvalidSearchException(name, "expected a string, got " + n);
        }
        return n.asText();
    }

    private static List<String> strings(JsonNode json, String name) {
        if (!present(json, name)) {
            return List.of();
        }
        JsonNode n = json.get(name);
        List<String> out = new ArrayList<>();
        n.forEach(v -> out.add(v.isTextual() ? v.asText() : null));
        if (!n.isArray() || out.contains(null)) {
            throw new InvalidSearchException(name, "expected an array of strings, got " + n);
        }
        return out;
    }
}
