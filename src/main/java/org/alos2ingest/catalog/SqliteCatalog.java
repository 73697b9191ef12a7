package org.alos2ingest.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.IsoTime;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The embedded catalog: one SQLite file, no server. Each dataset is a row holding its GRQ document
 * and the columns queries filter on; footprints are indexed in an R*Tree (one box per polygon, so a
 * footprint split at the antimeridian is not a box around the whole Earth) and the exact
 * intersection is then tested on the polygons. WAL mode lets several processes share the file.
 */
public final class SqliteCatalog implements Catalog {

    private static final int SCHEMA_VERSION = 1;

    private final Path file;
    private final Connection db;

    public SqliteCatalog(Path file) {
        this.file = file.toAbsolutePath();
        try {
            Path parent = this.file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // writes take the write lock when they begin (BEGIN IMMEDIATE), so a writer waits for
            // another process's write (busy_timeout) instead of failing with SQLITE_BUSY_SNAPSHOT
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.setTransactionMode(org.sqlite.SQLiteConfig.TransactionMode.IMMEDIATE);
            db = DriverManager.getConnection("jdbc:sqlite:" + this.file, config.toProperties());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA busy_timeout = 60000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("CREATE TABLE IF NOT EXISTS catalog_meta (key TEXT PRIMARY KEY, value TEXT)");
                s.execute("CREATE TABLE IF NOT EXISTS datasets ("
                        + "rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT, dataset TEXT, level TEXT, version TEXT,"
                        + " mode TEXT, track INTEGER, direction TEXT, start_ms INTEGER, end_ms INTEGER,"
                        + " document TEXT NOT NULL, indexed_at TEXT)");
                s.execute("CREATE INDEX IF NOT EXISTS datasets_time ON datasets(start_ms, end_ms)");
                // a path is the most selective acquisition filter; without it a filter-only search reads every row
                s.execute("CREATE INDEX IF NOT EXISTS datasets_track ON datasets(track, start_ms)");
                s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS datasets_bbox USING rtree(pid, min_lon, max_lon, min_lat, max_lat, +rid INTEGER)");
                SqliteItemSearch.prepare(s);
                SqliteStateTable.prepare(s);
                s.execute("INSERT OR IGNORE INTO catalog_meta VALUES ('schema_version', '" + SCHEMA_VERSION + "')");
            }
            try (Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("SELECT value FROM catalog_meta WHERE key = 'schema_version'")) {
                int v = rs.next() ? Integer.parseInt(rs.getString(1)) : SCHEMA_VERSION;
                if (v > SCHEMA_VERSION) {
                    throw new CatalogException(this.file + ": catalog schema " + v + " is newer than this alos2-ingest understands (" + SCHEMA_VERSION + ")");
                }
            }
        } catch (SQLException | IOException e) {
            throw new CatalogException(this.file + ": cannot open the catalog: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "sqlite:" + file;
    }

    @Override
    public synchronized boolean contains(String id) {
        try (PreparedStatement ps = db.prepareStatement("SELECT 1 FROM datasets WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw fail("look up " + id, e);
        }
    }

    @Override
    public synchronized Set<String> containsAny(Collection<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        List<String> list = new ArrayList<>(ids);
        for (int from = 0; from < list.size(); from += 500) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = db.prepareStatement("SELECT id FROM datasets WHERE id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw fail("look up datasets", e);
            }
        }
        return out;
    }

    @Override
    public synchronized Set<String> idsOfScene(String sceneId) {
        Set<String> out = new LinkedHashSet<>();
        // ids are ASCII; a range scan on the unique index instead of LIKE, whose '_' is a wildcard
        try (PreparedStatement ps = db.prepareStatement("SELECT id FROM datasets WHERE id >= ? AND id < ? ORDER BY id")) {
            ps.setString(1, sceneId + "-");
            ps.setString(2, sceneId + ".");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw fail("look up scene " + sceneId, e);
        }
        return out;
    }

    @Override
    public void index(ObjectNode document) {
        indexAll(List.of(document));
    }

    @Override
    public synchronized void indexAll(List<ObjectNode> documents) {
        try {
            db.setAutoCommit(false);
            try (PreparedStatement find = db.prepareStatement("SELECT rid FROM datasets WHERE id = ?");
                 PreparedStatement delBox = db.prepareStatement("DELETE FROM datasets_bbox WHERE rid = ?");
                 PreparedStatement upsert = db.prepareStatement("INSERT INTO datasets "
                         + "(id, type, dataset, level, version, mode, track, direction, start_ms, end_ms, document, indexed_at)"
                         + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET type=excluded.type, dataset=excluded.dataset,"
                         + " level=excluded.level, version=excluded.version, mode=excluded.mode, track=excluded.track,"
                         + " direction=excluded.direction, start_ms=excluded.start_ms, end_ms=excluded.end_ms,"
                         + " document=excluded.document, indexed_at=excluded.indexed_at");
                 PreparedStatement box = db.prepareStatement("INSERT INTO datasets_bbox (min_lon, max_lon, min_lat, max_lat, rid) VALUES (?,?,?,?,?)")) {
                for (ObjectNode doc : documents) {
                    String id = doc.path("id").asText();
                    if (id.isEmpty()) {
                        throw new CatalogException("a catalog document needs an id");
                    }
                    Geometry footprint = Footprint.GeoJson.read(doc.path("location"));
                    JsonNode met = doc.path("metadata");
                    find.setString(1, id);
                    boolean existed;
                    try (ResultSet rs = find.executeQuery()) {
                        existed = rs.next();
                    }
                    upsert.setString(1, id);
                    upsert.setString(2, doc.path("dataset_type").asText());
                    upsert.setString(3, doc.path("dataset").asText());
                    upsert.setString(4, met.path("level").asText());
                    upsert.setString(5, doc.path("version").asText(doc.path("system_version").asText()));
                    upsert.setString(6, met.path("dfdn").path("AcquistionMode").asText());
                    upsert.setInt(7, met.path("trackNumber").asInt(-1));
                    upsert.setString(8, met.path("direction").asText());
                    upsert.setLong(9, IsoTime.parse(doc.path("starttime").asText()).toEpochMilli());
                    upsert.setLong(10, IsoTime.parse(doc.path("endtime").asText()).toEpochMilli());
                    upsert.setString(11, Json.compact(doc));
                    upsert.setString(12, IsoTime.format(java.time.Instant.now()));
                    upsert.executeUpdate();
                    find.setString(1, id);
                    long rid;
                    try (ResultSet rs = find.executeQuery()) {
                        rs.next();
                        rid = rs.getLong(1);
                    }
                    if (existed) {
                        // rid is an auxiliary R*Tree column, not indexed: only a replaced dataset pays for the scan
                        delBox.setLong(1, rid);
                        delBox.executeUpdate();
                    }
                    for (int i = 0; i < footprint.getNumGeometries(); i++) {
                        Envelope e = footprint.getGeometryN(i).getEnvelopeInternal();
                        box.setDouble(1, e.getMinX());
                        box.setDouble(2, e.getMaxX());
                        box.setDouble(3, e.getMinY());
                        box.setDouble(4, e.getMaxY());
                        box.setLong(5, rid);
                        box.executeUpdate();
                    }
                }
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            rollback();
            if (e instanceof CatalogException c) {
                throw c;
            }
            throw fail("index " + documents.size() + " dataset(s)", e);
        } finally {
            autoCommit();
        }
    }

    @Override
    public synchronized Optional<ObjectNode> get(String id) {
        try (PreparedStatement ps = db.prepareStatement("SELECT document FROM datasets WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of((ObjectNode) Json.MAPPER.readTree(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException | IOException e) {
            throw fail("read " + id, e);
        }
    }

    @Override
    public synchronized boolean remove(String id) {
        try {
            db.setAutoCommit(false);
            int n;
            try (PreparedStatement box = db.prepareStatement("DELETE FROM datasets_bbox WHERE rid IN (SELECT rid FROM datasets WHERE id = ?)");
                 PreparedStatement row = db.prepareStatement("DELETE FROM datasets WHERE id = ?")) {
                box.setString(1, id);
                box.executeUpdate();
                row.setString(1, id);
                n = row.executeUpdate();
            }
            db.commit();
            return n > 0;
        } catch (SQLException e) {
            rollback();
            throw fail("remove " + id, e);
        } finally {
            autoCommit();
        }
    }

    @Override
    public synchronized List<ObjectNode> search(SearchQuery q) {
        StringBuilder sql = new StringBuilder("SELECT d.document FROM datasets d");
        List<Object> args = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (q.area() != null) {
            // A query area may itself be split at the antimeridian: one box per part.
            List<String> boxes = new ArrayList<>();
            for (int i = 0; i < q.area().getNumGeometries(); i++) {
                Envelope e = q.area().getGeometryN(i).getEnvelopeInternal();
                boxes.add("(b.max_lon >= ? AND b.min_lon <= ? AND b.max_lat >= ? AND b.min_lat <= ?)");
                args.add(e.getMinX());
                args.add(e.getMaxX());
                args.add(e.getMinY());
                args.add(e.getMaxY());
            }
            where.add("d.rid IN (SELECT b.rid FROM datasets_bbox b WHERE " + String.join(" OR ", boxes) + ")");
        }
        if (q.start() != null) {
            where.add("d.end_ms >= ?");
            // times are stored to the millisecond: a start finer than that rounds up, not down
            long ms = q.start().toEpochMilli();
            args.add(q.start().getNano() % 1_000_000 == 0 ? ms : ms + 1);
        }
        if (q.end() != null) {
            where.add("d.start_ms <= ?");
            args.add(q.end().toEpochMilli());
        }
        in(where, args, "d.level", q.levels());
        in(where, args, "d.mode", q.modes());
        in(where, args, "d.type", q.types());
        if (q.track() != null) {
            where.add("d.track = ?");
            args.add(q.track());
        }
        if (q.direction() != null) {
            where.add("d.direction = ?");
            args.add(q.direction());
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY d.start_ms DESC, d.id");
        List<ObjectNode> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < q.limit()) {
                    ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(rs.getString(1));
                    // The box index is a coarse filter; the polygons decide.
                    if (q.area() == null || q.matches(doc)) {
                        out.add(doc);
                    }
                }
            }
        } catch (SQLException | IOException e) {
            throw fail("search", e);
        }
        return out;
    }

    private static void in(List<String> where, List<Object> args, String column, Set<String> values) {
        if (values.isEmpty()) {
            return;
        }
        where.add(column + " IN (" + String.join(",", java.util.Collections.nCopies(values.size(), "?")) + ")");
        args.addAll(values);
    }

    @Override
    public synchronized ItemPage searchItems(ItemSearch search) {
        try {
            return SqliteItemSearch.page(db, search);
        } catch (SQLException | IOException e) {
            throw fail("search items", e);
        }
    }

    /** Shares this catalog's connection and lock. */
    @Override
    public StateTable state(String table) {
        return new SqliteStateTable(db, this, file, table);
    }

    @Override
    public synchronized long count() {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM datasets")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw fail("count", e);
        }
    }

    @Override
    public synchronized List<DatasetTypeSummary> typeSummaries() {
        try {
            return SqliteTypeSummaries.query(db);
        } catch (SQLException e) {
            throw fail("summarise the dataset types", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw fail("close", e);
        }
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the user needs to see
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException ignored) {
            // connection is broken; the next call reports it
        }
    }

    private CatalogException fail(String what, Exception e) {
        return new CatalogException(file + ": cannot " + what + ": " + e.getMessage(), e);
    }
}
