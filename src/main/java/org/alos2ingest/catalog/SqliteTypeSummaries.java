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

/**
 * {@link Catalog#typeSummaries()} of the embedded catalog in three aggregate queries (counts, times
 * and facets; boxes; polarisations) instead of reading every document back.
 */
final class SqliteTypeSummaries {

    private static final String KIND = "d.type, coalesce(json_extract(d.document, '$.metadata.dataset'), '')";

    private SqliteTypeSummaries() {
    }

    /** One kind's values as the queries find them. */
    private static final class Row {
        String type;
        String dataset;
        long count;
        long startMs;
        long endMs;
        SortedSet<String> modes;
        SortedSet<String> directions;
        SortedSet<String> levels;
        final double[] box = new double[4];
        final SortedSet<String> polarisations = new TreeSet<>();
    }

    static List<DatasetTypeSummary> query(Connection db) throws SQLException {
        Map<String, Row> rows = new TreeMap<>();
        try (Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT " + KIND + ", count(*), min(d.start_ms), max(d.end_ms),"
                    + " group_concat(DISTINCT d.mode), group_concat(DISTINCT d.direction), group_concat(DISTINCT d.level)"
                    + " FROM datasets d GROUP BY 1, 2")) {
                while (rs.next()) {
                    Row r = new Row();
                    r.type = rs.getString(1);
                    r.dataset = rs.getString(2);
                    r.count = rs.getLong(3);
                    r.startMs = rs.getLong(4);
                    r.endMs = rs.getLong(5);
                    r.modes = words(rs.getString(6));
                    r.directions = words(rs.getString(7));
                    r.levels = words(rs.getString(8));
                    rows.put(key(rs), r);
                }
            }
            // the R*Tree keeps 32-bit bounds rounded outwards: within 1e-5 degree of the footprints'
            try (ResultSet rs = s.executeQuery("SELECT " + KIND + ", min(b.min_lon), min(b.min_lat), max(b.max_lon), max(b.max_lat)"
                    + " FROM datasets_bbox b CROSS JOIN datasets d ON d.rid = b.rid GROUP BY 1, 2")) {
                while (rs.next()) {
                    Row r = rows.get(key(rs));
                    for (int i = 0; r != null && i < 4; i++) {
                        r.box[i] = rs.getDouble(3 + i);
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT " + KIND + ", p.value"
                    + " FROM datasets d, json_each(d.document, '$.metadata.polarisations') p")) {
                while (rs.next()) {
                    Row r = rows.get(key(rs));
                    String pol = rs.getString(3);
                    if (r != null && pol != null && !pol.isEmpty()) {
                        r.polarisations.add(pol);
                    }
                }
            }
        }
        return rows.values().stream().map(r -> new DatasetTypeSummary(r.type, r.dataset, r.count, r.box[0], r.box[1], r.box[2], r.box[3],
                Instant.ofEpochMilli(r.startMs), Instant.ofEpochMilli(r.endMs), r.modes, r.polarisations, r.directions, r.levels)).toList();
    }

    private static String key(ResultSet rs) throws SQLException {
        return rs.getString(1) + "\u0000" + rs.getString(2);
    }

    private static SortedSet<String> words(String commaSeparated) {
        SortedSet<String> out = new TreeSet<>();
        if (commaSeparated != null) {
            for (String w : commaSeparated.split(",")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return out;
    }
}
