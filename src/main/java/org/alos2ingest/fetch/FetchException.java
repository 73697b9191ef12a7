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

    /**
     * A piece of what a server sent, as a message shows it: on one line (control characters escaped),
     * at most 80 characters.
     */
    static String quote(String text) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (; i < text.length() && b.length() < 80; i++) {
            char c = text.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return "'" + (i < text.length() ? b + "..." : b) + "'";
    }
}
