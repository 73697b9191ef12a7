package org.alos2ingest.catalog;

import org.alos2ingest.IngestException;

/** The catalog refused or failed a read or write. */
public class CatalogException extends IngestException {

    public CatalogException(String problem) {
        super(null, problem);
    }

    public CatalogException(String problem, Throwable cause) {
        super(null, problem, cause);
    }
}
