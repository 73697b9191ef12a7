package org.alos2ingest.catalog;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The item search suite on the embedded SQLite catalog. */
class SqliteItemSearchContractTest extends ItemSearchContract {

    @TempDir
    Path dir;

    @Override
    protected Catalog open() {
        return Catalogs.open("sqlite:" + dir.resolve("catalog.sqlite"));
    }
}
