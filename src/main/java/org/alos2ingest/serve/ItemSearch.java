package org.alos2ingest.serve;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Geometry;

/**
 * One item search, as GET and POST {@code /search} and {@code /collections/{id}/items} ask it, already
 * checked: empty lists and nulls mean "any"; {@code start}/{@code end} null mean an open end.
 *
 * @param filter CQL2 as given: text for {@code cql2-text}, a JSON tree for {@code cql2-json}; null for none
 * @param token  the keyset token of a {@code next} link; null for the first page
 */
public record ItemSearch(List<String> ids, List<String> collections, Geometry area, Instant start, Instant end,
                         int limit, Filter filter, List<SortKey> sortby, String token) {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 10_000;

    public ItemSearch {
        ids = ids == null ? List.of() : List.copyOf(ids);
        collections = collections == null ? List.of() : List.copyOf(collections);
        sortby = sortby == null ? List.of() : List.copyOf(sortby);
    }

    public ItemSearch withCollections(List<String> c) {
        return new ItemSearch(ids, c, area, start, end, limit, filter, sortby, token);
    }

    /** A CQL2 expression in one of its two encodings. */
    public record Filter(String lang, String text, JsonNode json) {
        public static final String TEXT = "cql2-text";
        public static final String JSON = "cql2-json";
    }

    /** One sort key: a queryable (datetime, id, sat:relative_orbit) and an order. */
    public record SortKey(String field, boolean descending) {
    }
}
