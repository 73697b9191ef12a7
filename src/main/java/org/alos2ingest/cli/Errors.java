package org.alos2ingest.cli;

import org.alos2ingest.IngestException;

/** Turns any failure into the one line a user reads. */
final class Errors {
    private Errors() {
    }

    static String oneLine(Throwable t) {
        Throwable x = t;
        while (!(x instanceof IngestException) && x.getCause() != null && x.getMessage() == null) {
            x = x.getCause();
        }
        String m = x instanceof IngestException || x instanceof IllegalArgumentException
                ? x.getMessage() : x.getClass().getSimpleName() + (x.getMessage() == null ? "" : ": " + x.getMessage());
        return m == null ? x.toString() : m.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
