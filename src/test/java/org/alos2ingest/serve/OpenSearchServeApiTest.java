package org.alos2ingest.serve;

import java.nio.file.Path;

import org.alos2ingest.testing.OpenSearchServer;

/** The API suites over a real OpenSearch holding GRQ indices. */
class OpenSearchServeApiTest extends ServeFilterContract {
    private String prefix;

    @Override
    protected String catalogUri(Path home) {
        prefix = OpenSearchServer.newPrefix("serve");
        return OpenSearchServer.shared().catalogUri(prefix);
    }

    @Override
    protected void dropCatalog() {
        OpenSearchServer.shared().drop(prefix);
    }
}
