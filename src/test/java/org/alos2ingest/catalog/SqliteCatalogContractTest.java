package org.alos2ingest.catalog;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The shared catalog suite on the embedded SQLite catalog. */
class SqliteCatalogContractTest extends CatalogContract {

    @TempDir
    Path dir;

    @Override
    protected Catalog open() {
        return Catalogs.open("sqlite:" + dir.resolve("catalog.sqlite"));
    }
}
