package org.alos2ingest.catalog;

import java.nio.file.Path;

/**
 * Opens a catalog from the URI a user gives: {@code sqlite:<file>} (or a path to a .sqlite/.db
 * file) for the embedded catalog.
 */
public final class Catalogs {
    private Catalogs() {
    }

    public static Catalog open(String uri) {
        if (uri.startsWith("sqlite:")) {
            return new SqliteCatalog(Path.of(uri.substring("sqlite:".length())));
        }
        if (uri.endsWith(".sqlite") || uri.endsWith(".db") || uri.endsWith(".sqlite3")) {
            return new SqliteCatalog(Path.of(uri));
        }
        throw new CatalogException("unknown catalog '" + uri + "' (expected sqlite:<file>)");
    }
}
