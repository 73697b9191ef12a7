package org.alos2ingest.watch;

import java.util.List;

/** A source that is polled for new files: a portal, an account, a folder. */
public interface WatchedSource {

    /** Names the source in the log, never with credentials. */
    String describe();

    /**
     * Every file the source offers now (the ledger tells the new from the seen); reads listings only,
     * downloads nothing.
     *
     * @throws RuntimeException when the source cannot be read now (down, refusing the login): it is polled again later
     */
    List<WatchedFile> poll();
}
