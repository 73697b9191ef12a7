package org.alos2ingest.unpack;

import java.nio.file.Path;

import org.alos2ingest.IngestException;

/** A delivery that cannot be unpacked safely: not a zip, damaged, hostile, or too big for the disk. */
public class UnpackException extends IngestException {

    public UnpackException(Path file, String problem) {
        super(file, problem);
    }

    public UnpackException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
