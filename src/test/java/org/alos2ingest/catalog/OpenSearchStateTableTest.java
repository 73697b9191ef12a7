package org.alos2ingest.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.alos2ingest.testing.OpenSearchServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The records in an index beside the GRQ indices of a real OpenSearch, outside their alias. */
class OpenSearchStateTableTest extends StateTableContract {

    private final String prefix = OpenSearchServer.newPrefix("state");

    @Override
    protected Catalog open() {
        return Catalogs.open(OpenSearchServer.shared().catalogUri(prefix), GrqDocuments.DEFINITIONS);
    }

    @Override
    protected Catalog openAgain() {
        return open();
    }

    @AfterEach
    void dropIndices() {
        OpenSearchServer.shared().drop(prefix);
        OpenSearchServer.shared().call("DELETE", "/" + OpenSearchStateTable.indexName(prefix), null);
    }

    @Test
    void recordsAreNotDatasets() {
        Catalog c = catalog();
        c.state("watch").insert("k", "pending", v("n", 1));
        assertEquals(0, c.count(), "no record is found by a dataset search");
        assertEquals(0, c.search(SearchQuery.all()).size());
    }
}
