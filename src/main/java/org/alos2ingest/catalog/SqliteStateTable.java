package org.alos2ingest.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.IsoTime;

/**
 * A {@link StateTable} in the SQLite catalog's own file: one table {@code state} of every named
 * table's rows, sharing the catalog's connection and its lock. A version column makes
 * {@link #replace} a compare-and-set that holds across processes (SQLite serialises the writes).
 */
final class SqliteStateTable implements StateTable {

    private final Connection db;
    private final Object lock;
    private final Path file;
    private final String table;

    SqliteStateTable(Connection db, Object lock, Path file, String table) {
        this.db = db;
        this.lock = lock;
        this.file = file;
        this.table = table;
    }

    /** The table every named table lives in; created with the catalog. */
    static void prepare(Statement s) throws SQLException {
        s.execute("CREATE TABLE IF NOT EXISTS state (tbl TEXT NOT NULL, key TEXT NOT NULL, state TEXT NOT NULL, value TEXT NOT NULL,"
                + " version INTEGER NOT NULL, updated TEXT, PRIMARY KEY (tbl, key))");
        s.execute("CREATE INDEX IF NOT EXISTS state_by_state ON state(tbl, state, key)");
    }

    @Override
    public String describe() {
        return "sqlite:" + file + " (" + table + ")";
    }

    @Override
    public boolean local() {
        return true;
    }

    @Override
    public Optional<Row> get(String key) {
        synchronized (lock) {
            try (PreparedStatement ps = db.prepareStatement("SELECT key, state, value, version FROM state WHERE tbl = ? AND key = ?")) {
                ps.setString(1, table);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            } catch (SQLException | IOException e) {
                throw fail("read " + key, e);
            }
        }
    }

    @Override
    public List<Row> list(String state) {
        synchronized (lock) {
            String sql = "SELECT key, state, value, version FROM state WHERE tbl = ?" + (state == null ? "" : " AND state = ?") + " ORDER BY key";
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                ps.setString(1, table);
                if (state != null) {
                    ps.setString(2, state);
                }
                List<Row> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            } catch (SQLException | IOException e) {
                throw fail("list", e);
            }
        }
    }

    @Override
    public boolean insert(String key, String state, ObjectNode value) {
        return write("INSERT OR IGNORE INTO state (tbl, key, state, value, version, updated) VALUES (?, ?, ?, ?, 1, ?)",
                table, key, state, Json.compact(value), now()) == 1;
    }

    @Override
    public boolean replace(Row old, String state, ObjectNode value) {
        return write("UPDATE state SET state = ?, value = ?, version = version + 1, updated = ? WHERE tbl = ? AND key = ? AND version = ?",
                state, Json.compact(value), now(), table, old.key(), old.version()) == 1;
    }

    @Override
    public void put(String key, String state, ObjectNode value) {
        write("INSERT INTO state (tbl, key, state, value, version, updated) VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (tbl, key)"
                + " DO UPDATE SET state = excluded.state, value = excluded.value, version = state.version + 1, updated = excluded.updated",
                table, key, state, Json.compact(value), now());
    }

    @Override
    public boolean delete(String key) {
        return write("DELETE FROM state WHERE tbl = ? AND key = ?", table, key) == 1;
    }

    private int write(String sql, Object... args) {
        synchronized (lock) {
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw fail("write", e);
            }
        }
    }

    private static Row row(ResultSet rs) throws SQLException, IOException {
        return new Row(rs.getString(1), rs.getString(2), (ObjectNode) Json.MAPPER.readTree(rs.getString(3)), rs.getLong(4));
    }

    private static String now() {
        return IsoTime.format(Instant.now());
    }

    private CatalogException fail(String what, Exception e) {
        return new CatalogException(describe() + ": cannot " + what + ": " + e.getMessage(), e);
    }
}
