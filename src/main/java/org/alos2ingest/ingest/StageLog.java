package org.alos2ingest.ingest;

import java.nio.file.Path;
import java.util.logging.Logger;

import org.alos2ingest.IngestException;
import org.alos2ingest.util.DiskFull;

/**
 * Which stage one delivery's ingest is in: said with {@code -v} as each stage starts (so that an
 * operator watching a slow ingest, or a test about to kill one, knows where it is), and named in
 * the error when a full disk stops it, because the write that failed rarely says.
 */
final class StageLog {

    private static final Logger LOG = Logger.getLogger("org.alos2ingest");

    private volatile String doing = "ingesting";

    /** Starts a stage: {@code doing} reads as "unpacking d.zip", "rendering ALOS2...". */
    void enter(String doing) {
        this.doing = doing;
        LOG.fine(doing);
    }

    /**
     * The one line reporting {@code e}: for a full disk, the disk under {@code work} and the stage;
     * otherwise the failure's own line, prefixed with {@code subject} when it does not name a file.
     */
    String lineFor(Exception e, Path work, String subject) {
        if (DiskFull.causedBy(e) && !DiskFull.isMessage(e.getMessage())) {
            return DiskFull.message(work, doing);
        }
        if (e instanceof IngestException) {
            return e.getMessage();
        }
        return subject + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
    }
}
