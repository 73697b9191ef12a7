package org.alos2ingest.catalog;

import org.alos2ingest.testing.OpenSearchServer;
import org.junit.jupiter.api.AfterEach;

/** The shared catalog suite on a real OpenSearch, each test in indices of its own. */
class OpenSearchCatalogContractTest extends CatalogContract {

    private String prefix;

    @Override
    protected Catalog open() {
        prefix = OpenSearchServer.newPrefix("contract");
        return Catalogs.open(OpenSearchServer.shared().catalogUri(prefix), GrqDocuments.DEFINITIONS);
    }

    @AfterEach
    void dropIndices() {
        OpenSearchServer.shared().drop(prefix);
    }
}
