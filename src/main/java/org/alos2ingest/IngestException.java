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
    private final String where;
    private final String problem;

    public IngestException(Path file, String problem) {
        this(file, problem, null);
    }

    public IngestException(Path file, String problem, Throwable cause) {
        this(file, file == null ? null : file.toString(), problem, cause);
    }

    private IngestException(Path file, String where, String problem, Throwable cause) {
        super(format(where, problem), cause);
        this.file = file;
        this.where = where;
        this.problem = oneLine(problem);
    }

    /** The file the problem was found in, or {@code null} when it concerns no single file. */
    public Path file() {
        return file;
    }

    /** The problem alone, without the file name. */
    public String problem() {
        return problem;
    }

    /**
     * The same problem reported at another name for the file: a file extracted into a work folder is
     * better named as the user knows it, {@code delivery.zip!entry}.
     */
    public IngestException at(String newWhere) {
        return new IngestException(file, newWhere, problem, this);
    }

    private static String format(String where, String problem) {
        String oneLine = oneLine(problem);
        return where == null ? oneLine : where + ": " + oneLine;
    }

    private static String oneLine(String problem) {
        return problem == null ? "failed" : problem.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
