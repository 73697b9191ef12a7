package org.alos2ingest;

import java.nio.file.Path;

/**
 * A failure that ends the ingest of one delivery or scene. Each stage of the flow has its own
 * subclass so that a message can be traced to where it came from; {@link #getMessage()} is always
 * one line that names the file and what was wrong with it, because that line is what the operator
 * sees (on the terminal, or in HySDS's {@code _alt_error.txt}).
 */
public class IngestException extends RuntimeException {

    private final transient Path file;

    public IngestException(Path file, String problem) {
        this(file, problem, null);
    }

    public IngestException(Path file, String problem, Throwable cause) {
        super(format(file, problem), cause);
        this.file = file;
    }

    /** The file the problem was found in, or {@code null} when it concerns no single file. */
    public Path file() {
        return file;
    }

    private static String format(Path file, String problem) {
        String oneLine = problem == null ? "failed" : problem.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return file == null ? oneLine : file + ": " + oneLine;
    }
}
