package org.alos2ingest.catalog;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One property a search may filter on, by its STAC name, and where it lives: the SQL expression of
 * the embedded catalog, the OpenSearch field, and the value in a GRQ document (the reference
 * semantics both must agree with).
 *
 * @param sql       an SQL expression over {@code datasets d}; null where a value cannot be a column (geometry)
 * @param field     the OpenSearch field; null for the scene centre time, which is a script
 * @param values    the allowed values where they are few, else empty
 * @param constant  the value every dataset has (platform), or null
 * @param value     reads the value from a GRQ document: String, Long, Instant, Geometry or List of String; null when absent
 */
public record Queryable(String name, String title, Kind kind, String sql, String field, List<String> values, String constant,
                        Function<JsonNode, Object> value) {

    public enum Kind {
        STRING, INTEGER, TIMESTAMP, GEOMETRY, STRINGS;

        String describe() {
            return switch (this) {
                case STRING -> "a 'text' literal";
                case INTEGER -> "an integer";
                case TIMESTAMP -> "a TIMESTAMP(...) or DATE(...)";
                case GEOMETRY -> "a geometry";
                case STRINGS -> "a 'text' literal (matched against each element of the array)";
            };
        }
    }
}
