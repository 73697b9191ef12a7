package org.alos2ingest.identify;

import java.nio.file.Path;

import org.alos2ingest.IngestException;

/** A file or delivery that is not (or not a supported) ALOS-2 product. */
public class IdentifyException extends IngestException {

    public IdentifyException(Path file, String problem) {
        super(file, problem);
    }

    public IdentifyException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
