package org.alos2ingest.catalog;

/**
 * The catalog could not be reached, or stopped answering, after its retries: nothing about the
 * dataset at hand was wrong, and every further call is likely to fail the same way.
 */
public class CatalogUnavailableException extends CatalogException {

    private final boolean mayHaveApplied;

    public CatalogUnavailableException(String problem, boolean mayHaveApplied, Throwable cause) {
        super(problem, cause);
        this.mayHaveApplied = mayHaveApplied;
    }

    /**
     * True when a request reached the catalog before it failed (cut off, timed out): a write may
     * then have been applied although no answer said so. False when nothing reached it.
     */
    public boolean mayHaveApplied() {
        return mayHaveApplied;
    }
}
