package org.alos2ingest.jobs;

import org.alos2ingest.IngestException;

/** A job that could not be queued or taken from a queue: the broker is unreachable, refused a login, or lost a message. */
public class QueueException extends IngestException {

    public QueueException(String problem) {
        super(null, problem);
    }

    public QueueException(String problem, Throwable cause) {
        super(null, problem, cause);
    }
}
