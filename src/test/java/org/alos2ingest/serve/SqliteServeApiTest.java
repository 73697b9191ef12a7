package org.alos2ingest.serve;

import java.nio.file.Path;

/** The API suites over the embedded SQLite catalog. */
class SqliteServeApiTest extends ServeFilterContract {

    @Override
    protected String catalogUri(Path home) {
        return "sqlite:" + home.resolve("catalog.sqlite");
    }
}
