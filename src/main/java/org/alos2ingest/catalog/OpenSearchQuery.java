package org.alos2ingest.catalog;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.Footprint;

/**
 * {@link SearchQuery} as an OpenSearch bool query with the same answers as {@link SearchQuery#matches}:
 * exact-value filters on the {@code .keyword} sub-fields GRQ's mapping gives every string, a range on
 * the date fields, and a geo_shape intersection with the query area (split at the antimeridian as the
 * footprints are). Dates are indexed to the millisecond, so the bounds are rounded inwards to whole
 * milliseconds, which keeps "ends at or after start" exact for a start with finer precision.
 */
final class OpenSearchQuery {

    static final String LEVEL = "metadata.level.keyword";
    static final String MODE = "metadata.dfdn.AcquistionMode.keyword";
    static final String TRACK = "metadata.trackNumber";
    static final String DIRECTION = "metadata.direction.keyword";
    static final String TYPE = "dataset_type.keyword";
    static final String ID = "id.keyword";

    private OpenSearchQuery() {
    }

    /** The {@code query} part of a search body. */
    static ObjectNode of(SearchQuery q) {
        ObjectNode query = Json.object();
        ArrayNode filter = query.putObject("bool").putArray("filter");
        terms(filter, LEVEL, q.levels());
        terms(filter, MODE, q.modes());
        terms(filter, TYPE, q.types());
        if (q.track() != null) {
            filter.addObject().putObject("term").put(TRACK, q.track());
        }
        if (q.direction() != null) {
            filter.addObject().putObject("term").put(DIRECTION, q.direction());
        }
        if (q.start() != null) {
            filter.addObject().putObject("range").putObject("endtime").put("gte", ceilMillis(q.start())).put("format", "epoch_millis");
        }
        if (q.end() != null) {
            filter.addObject().putObject("range").putObject("starttime").put("lte", q.end().toEpochMilli()).put("format", "epoch_millis");
        }
        if (q.area() != null) {
            ObjectNode shape = filter.addObject().putObject("geo_shape").putObject("location");
            shape.set("shape", offTheSeam(Footprint.of(q.area(), "query").toGeoJson()));
            shape.put("relation", "intersects");
        }
        if (filter.isEmpty()) {
            return Json.object().set("match_all", Json.object());
        }
        return query;
    }

    /**
     * Moves query vertices lying exactly on the antimeridian a nanodegree inwards. OpenSearch 2.x
     * reads a query polygon with an edge on -180 (or 180) as crossing the dateline the long way round,
     * a band around the whole Earth; a nanodegree is below the index's resolution (about 1e-7 degrees),
     * so the area searched is the same.
     */
    static JsonNode offTheSeam(JsonNode geometry) {
        JsonNode copy = geometry.deepCopy();
        nudge(copy.path("coordinates"));
        return copy;
    }

    private static void nudge(JsonNode node) {
        if (!node.isArray()) {
            return;
        }
        if (node.size() >= 2 && node.get(0).isNumber() && node.get(1).isNumber()) {
            double lon = node.get(0).asDouble();
            if (Math.abs(lon) == 180) {
                ((ArrayNode) node).set(0, Math.signum(lon) * (180 - SEAM_NUDGE));
            }
            return;
        }
        node.forEach(OpenSearchQuery::nudge);
    }

    private static final double SEAM_NUDGE = 1e-9;

    /** Newest start first, then by id, as the embedded catalog orders them. */
    static ArrayNode sort() {
        ArrayNode sort = Json.MAPPER.createArrayNode();
        sort.addObject().putObject("starttime").put("order", "desc");
        sort.addObject().putObject(ID).put("order", "asc");
        return sort;
    }

    private static void terms(ArrayNode filter, String field, Set<String> values) {
        if (values.isEmpty()) {
            return;
        }
        ArrayNode a = filter.addObject().putObject("terms").putArray(field);
        values.stream().sorted().forEach(a::add);
    }

    private static long ceilMillis(Instant t) {
        long ms = t.toEpochMilli();
        return t.getNano() % 1_000_000 == 0 ? ms : ms + 1;
    }
}
