package org.alos2ingest.render;

import java.nio.file.Path;

import org.alos2ingest.IngestException;

/** Pictures of a scene could not be made (an unwritable folder, an image too large for memory). */
public class RenderException extends IngestException {

    public RenderException(Path file, String problem) {
        super(file, problem);
    }

    public RenderException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
