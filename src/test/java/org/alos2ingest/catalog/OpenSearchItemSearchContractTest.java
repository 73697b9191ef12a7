package org.alos2ingest.catalog;

import org.alos2ingest.testing.OpenSearchServer;
import org.junit.jupiter.api.AfterEach;

/** The item search suite on a real OpenSearch, each test in indices of its own. */
class OpenSearchItemSearchContractTest extends ItemSearchContract {

    private String prefix;

    @Override
    protected Catalog open() {
        prefix = OpenSearchServer.newPrefix("items");
        return Catalogs.open(OpenSearchServer.shared().catalogUri(prefix), GrqDocuments.DEFINITIONS);
    }

    @AfterEach
    void dropIndices() {
        OpenSearchServer.shared().drop(prefix);
    }
}
