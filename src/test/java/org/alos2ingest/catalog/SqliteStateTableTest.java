package org.alos2ingest.catalog;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The records in the SQLite catalog's file, opened twice as two processes would. */
class SqliteStateTableTest extends StateTableContract {

    @TempDir
    Path tmp;

    @Override
    protected Catalog open() {
        return new SqliteCatalog(tmp.resolve("catalog.sqlite"));
    }

    @Override
    protected Catalog openAgain() {
        return new SqliteCatalog(tmp.resolve("catalog.sqlite"));
    }
}
