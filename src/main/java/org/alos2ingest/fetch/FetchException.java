package org.alos2ingest.fetch;

import java.nio.file.Path;

import org.alos2ingest.IngestException;

/** A delivery that could not be obtained from its source. */
public class FetchException extends IngestException {

    public FetchException(Path file, String problem) {
        super(file, problem);
    }

    public FetchException(String problem) {
        super(null, problem);
    }

    public FetchException(String problem, Throwable cause) {
        super(null, problem, cause);
    }
}
