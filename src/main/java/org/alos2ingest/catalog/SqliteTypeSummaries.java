package org.alos2ingest.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.Json;

/**
 * {@link Catalog#typeSummaries()} of the embedded catalog in one aggregate query, each document's
 * JSON read once by SQLite (for met.json's {@code dataset} and {@code polarisations}, which have no
 * column), grouped by every facet combination; the few groups are folded here.
 */
final class SqliteTypeSummaries {

    // the R*Tree keeps 32-bit bounds rounded outwards: within 1e-5 degree of the footprints'
    private static final String QUERY = "SELECT d.type, coalesce(json_extract(d.document, '$.metadata.dataset'), ''),"
            + " json_extract(d.document, '$.metadata.polarisations'), d.mode, d.direction, d.level,"
            + " count(DISTINCT d.rid), min(d.start_ms), max(d.end_ms), min(b.min_lon), min(b.min_lat), max(b.max_lon), max(b.max_lat)"
            + " FROM datasets_bbox b CROSS JOIN datasets d ON d.rid = b.rid GROUP BY 1, 2, 3, 4, 5, 6";

    private SqliteTypeSummaries() {
    }

    /** One kind's values as the groups add up. */
    private static final class Kind {
        final String type;
        final String dataset;
        long count;
        long startMs = Long.MAX_VALUE;
        long endMs = Long.MIN_VALUE;
        double west = Double.MAX_VALUE;
        double south = Double.MAX_VALUE;
        double east = -Double.MAX_VALUE;
        double north = -Double.MAX_VALUE;
        final SortedSet<String> modes = new TreeSet<>();
        final SortedSet<String> directions = new TreeSet<>();
        final SortedSet<String> levels = new TreeSet<>();
        final SortedSet<String> polarisations = new TreeSet<>();

        Kind(String type, String dataset) {
            this.type = type;
            this.dataset = dataset;
        }
    }

    static List<DatasetTypeSummary> query(Connection db) throws SQLException {
        Map<String, Kind> kinds = new TreeMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
            while (rs.next()) {
                String type = rs.getString(1);
                String dataset = rs.getString(2);
                Kind k = kinds.computeIfAbsent(type + "\u0000" + dataset, x -> new Kind(type, dataset));
                polarisations(rs.getString(3), k.polarisations);
                add(k.modes, rs.getString(4));
                add(k.directions, rs.getString(5));
                add(k.levels, rs.getString(6));
                k.count += rs.getLong(7);
                k.startMs = Math.min(k.startMs, rs.getLong(8));
                k.endMs = Math.max(k.endMs, rs.getLong(9));
                k.west = Math.min(k.west, rs.getDouble(10));
                k.south = Math.min(k.south, rs.getDouble(11));
                k.east = Math.max(k.east, rs.getDouble(12));
                k.north = Math.max(k.north, rs.getDouble(13));
            }
        }
        return kinds.values().stream().map(k -> new DatasetTypeSummary(k.type, k.dataset, k.count, k.west, k.south, k.east, k.north,
                Instant.ofEpochMilli(k.startMs), Instant.ofEpochMilli(k.endMs), k.modes, k.polarisations, k.directions, k.levels)).toList();
    }

    private static void add(SortedSet<String> into, String value) {
        if (value != null && !value.isEmpty()) {
            into.add(value);
        }
    }

    private static void polarisations(String jsonArray, SortedSet<String> into) throws SQLException {
        if (jsonArray == null) {
            return;
        }
        try {
            for (JsonNode p : Json.MAPPER.readTree(jsonArray)) {
                add(into, p.asText());
            }
        } catch (java.io.IOException e) {
            throw new SQLException("metadata.polarisations is not a JSON array: " + jsonArray, e);
        }
    }
}
