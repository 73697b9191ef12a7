package org.alos2ingest.catalog;

import java.nio.file.Files;
import java.nio.file.Path;

import org.alos2ingest.config.DatasetDefinitions;

/**
 * Opens a catalog from the URI a user gives: {@code sqlite:<file>} (or a path to a .sqlite/.db
 * file) for the embedded catalog; {@code opensearch://host:port[/prefix]} or
 * {@code opensearch+https://host:port[/prefix]} for a GRQ catalog in OpenSearch; or a path to a
 * {@code .json} file configuring one ({@link OpenSearchEndpoint#read}).
 */
public final class Catalogs {
    private Catalogs() {
    }

    public static Catalog open(String uri) {
        return open(uri, null);
    }

    /**
     * @param definitions the datasets.json in use, whose {@code index} sections (suffix, aliases) a
     *                    GRQ catalog applies; may be null
     */
    public static Catalog open(String uri, DatasetDefinitions definitions) {
        if (uri.startsWith("sqlite:")) {
            return new SqliteCatalog(Path.of(uri.substring("sqlite:".length())));
        }
        if (uri.endsWith(".sqlite") || uri.endsWith(".db") || uri.endsWith(".sqlite3")) {
            return new SqliteCatalog(Path.of(uri));
        }
        Path netrc = Path.of(System.getProperty("user.home"), ".netrc");
        if (OpenSearchEndpoint.isUri(uri)) {
            return new OpenSearchCatalog(OpenSearchEndpoint.parse(uri, System.getenv(), netrc), definitions);
        }
        if (uri.endsWith(".json") && Files.isRegularFile(Path.of(uri))) {
            return new OpenSearchCatalog(OpenSearchEndpoint.read(Path.of(uri), System.getenv(), netrc), definitions);
        }
        throw new CatalogException("unknown catalog '" + uri.replaceAll("//[^/@]*@", "//***@")
                + "' (expected sqlite:<file>, opensearch://host:port, opensearch+https://host:port or a catalog .json file)");
    }
}
