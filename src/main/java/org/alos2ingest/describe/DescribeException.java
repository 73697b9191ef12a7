package org.alos2ingest.describe;

import java.nio.file.Path;

import org.alos2ingest.IngestException;

/** Metadata that cannot be made: a missing or contradictory field, a configuration that does not fit. */
public class DescribeException extends IngestException {

    public DescribeException(Path file, String problem) {
        super(file, problem);
    }

    public DescribeException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
