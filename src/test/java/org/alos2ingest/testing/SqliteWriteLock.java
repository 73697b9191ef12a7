package org.alos2ingest.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The write lock of a SQLite catalog, held by the test: a process that then indexes waits for it
 * (busy_timeout) inside its catalog stage, and can be killed there. Readers are not blocked (WAL).
 */
public final class SqliteWriteLock implements AutoCloseable {

    private final Connection connection;

    private SqliteWriteLock(Connection connection) {
        this.connection = connection;
    }

    /** Takes the lock now, or empty when another process holds it (as a child stopped mid-write does). */
    public static Optional<SqliteWriteLock> tryTake(Path file) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 0");
                s.execute("BEGIN IMMEDIATE");
                return Optional.of(new SqliteWriteLock(c));
            } catch (SQLException busy) {
                c.close();
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot open " + file, e);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK");
        } finally {
            connection.close();
        }
    }
}
