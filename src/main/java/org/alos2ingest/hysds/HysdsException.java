package org.alos2ingest.hysds;

import java.nio.file.Path;

import org.alos2ingest.IngestException;

/** A HySDS job that cannot run as given: its context is missing or wrong, or its fan-out was refused. */
public class HysdsException extends IngestException {

    public HysdsException(Path file, String problem) {
        super(file, problem);
    }

    public HysdsException(String problem) {
        super(null, problem);
    }

    public HysdsException(String problem, Throwable cause) {
        super(null, problem, cause);
    }
}
