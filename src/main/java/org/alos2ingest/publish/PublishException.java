package org.alos2ingest.publish;

import java.nio.file.Path;

import org.alos2ingest.IngestException;

/** A product folder that could not be made or published. */
public class PublishException extends IngestException {

    public PublishException(Path file, String problem) {
        super(file, problem);
    }

    public PublishException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }

    public PublishException(String problem, Throwable cause) {
        super(null, problem, cause);
    }
}
