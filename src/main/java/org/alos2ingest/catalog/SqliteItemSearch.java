package org.alos2ingest.catalog;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;

/**
 * {@link ItemSearch} in the embedded catalog. A search with an area starts from the R*Tree (and sorts
 * the few rows it gives); one without walks an index in the requested order and stops after a page.
 * The keyset condition compares the same expressions the indexes hold, so that a page deep into the
 * catalog costs what the first one does.
 */
final class SqliteItemSearch {

    private SqliteItemSearch() {
    }

    /** The indexes the item search relies on; existing catalogs get them when opened. */
    static void prepare(Statement s) throws SQLException {
        s.execute("CREATE INDEX IF NOT EXISTS datasets_centre ON datasets(((start_ms + end_ms) / 2), id)");
        s.execute("CREATE INDEX IF NOT EXISTS datasets_track_id ON datasets(track, id)");
        s.execute("CREATE INDEX IF NOT EXISTS datasets_orbit ON datasets(json_extract(document, '$.metadata.orbitNumber'))");
        s.execute("CREATE INDEX IF NOT EXISTS datasets_frame ON datasets(json_extract(document, '$.metadata.frameID'))");
    }

    static ItemPage page(Connection db, ItemSearch s) throws SQLException, IOException {
        List<Object> args = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (!s.ids().isEmpty()) {
            where.add("d.id IN (" + marks(s.ids().size()) + ")");
            args.addAll(s.ids());
        }
        if (!s.collections().isEmpty()) {
            where.add("d.type IN (" + marks(s.collections().size()) + ")");
            args.addAll(s.collections());
        }
        if (s.area() != null) {
            where.add(SqlFilter.boxes(s.area(), args));
        }
        if (s.start() != null) {
            where.add("d.end_ms >= ?");
            args.add(ItemSearch.ceilMillis(s.start()));
        }
        if (s.end() != null) {
            where.add("d.start_ms <= ?");
            args.add(s.end().toEpochMilli());
        }
        if (s.filter() != null) {
            where.add(SqlFilter.where(s.filter(), args));
        }
        List<ItemSort.Key> keys = s.sort().keys();
        if (s.after() != null) {
            where.add(keyset(keys, s.sort().after(s.after()), args));
        }
        // With an area the R*Tree gives few rows: sort them rather than walk an order index past every row.
        boolean rtreeFirst = s.area() != null;
        List<String> order = new ArrayList<>();
        for (ItemSort.Key k : keys) {
            order.add((rtreeFirst ? "+" + sql(k.field()) : sql(k.field())) + (k.descending() ? " DESC" : " ASC"));
        }
        boolean exact = !s.spatial();
        // rows are sorted by their keys alone and their documents read after: a sort carrying 4 KB documents costs far more
        StringBuilder sql = new StringBuilder("SELECT d.rid FROM datasets d");
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY ").append(String.join(", ", order));
        if (exact) {
            sql.append(" LIMIT ").append(s.limit() + 1);
        }
        List<ObjectNode> out = new ArrayList<>();
        boolean more = false;
        try (PreparedStatement ps = db.prepareStatement(sql.toString());
             PreparedStatement read = db.prepareStatement("SELECT document FROM datasets WHERE rid = ?")) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    read.setLong(1, rs.getLong(1));
                    ObjectNode doc;
                    try (ResultSet d = read.executeQuery()) {
                        d.next();
                        doc = (ObjectNode) Json.MAPPER.readTree(d.getString(1));
                    }
                    // the R*Tree and the spatial conditions are coarse: the footprints decide
                    if (!exact && !s.matches(doc)) {
                        continue;
                    }
                    if (out.size() == s.limit()) {
                        more = true;
                        break;
                    }
                    out.add(doc);
                }
            }
        }
        return new ItemPage(out, more ? Optional.of(s.sort().token(out.get(out.size() - 1))) : Optional.empty());
    }

    static String sql(ItemSort.Field f) {
        return switch (f) {
            case DATETIME -> Queryables.CENTRE_SQL;
            case ID -> "d.id";
            case RELATIVE_ORBIT -> "d.track";
        };
    }

    /**
     * Rows strictly after the token's values in the sort order. The leading bound on the first key
     * alone is implied, but it is what lets SQLite seek in the index instead of scanning to the token.
     */
    private static String keyset(List<ItemSort.Key> keys, List<Object> values, List<Object> args) {
        String lead = sql(keys.get(0).field()) + (keys.get(0).descending() ? " <= ?" : " >= ?") + " AND ";
        args.add(values.get(0));
        boolean uniform = keys.stream().allMatch(k -> k.descending() == keys.get(0).descending());
        if (uniform) {
            List<String> cols = keys.stream().map(k -> sql(k.field())).toList();
            args.addAll(values);
            return lead + "(" + String.join(", ", cols) + ") " + (keys.get(0).descending() ? "<" : ">") + " (" + marks(values.size()) + ")";
        }
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<String> terms = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                terms.add(sql(keys.get(j).field()) + " = ?");
                args.add(values.get(j));
            }
            terms.add(sql(keys.get(i).field()) + (keys.get(i).descending() ? " < ?" : " > ?"));
            args.add(values.get(i));
            alternatives.add("(" + String.join(" AND ", terms) + ")");
        }
        return lead + "(" + String.join(" OR ", alternatives) + ")";
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
