package org.alos2ingest.hysds;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.alos2ingest.ingest.IngestReport;

/**
 * How a HySDS job says why it failed: the error message in {@code _alt_error.txt} and the stack
 * trace in {@code _alt_traceback.txt}, in the job's work folder (HySDS shows both to the operator),
 * with a non-zero exit.
 */
public final class AltError {

    public static final String ERROR_FILE = "_alt_error.txt";
    public static final String TRACEBACK_FILE = "_alt_traceback.txt";

    private AltError() {
    }

    /** For a failure thrown before or outside the ingest. */
    public static void write(Path jobDir, Throwable t, String oneLine) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        write(jobDir, oneLine, trace.toString());
    }

    /** For failures the ingest reported scene by scene: no stack trace was thrown, so the trace lists them. */
    public static void write(Path jobDir, IngestReport report) {
        List<IngestReport.Outcome> failed = report.outcomes().stream().filter(o -> o.status() == IngestReport.Status.FAILED).toList();
        String error = String.join("; ", failed.stream().map(IngestReport.Outcome::detail).toList());
        StringBuilder trace = new StringBuilder("alos2-ingest reported " + failed.size() + " failure(s):\n");
        for (IngestReport.Outcome o : failed) {
            trace.append("  ").append(o.subject()).append(": ").append(o.detail()).append('\n');
        }
        if (!report.warnings().isEmpty()) {
            trace.append("warnings:\n");
            report.warnings().forEach(w -> trace.append("  ").append(w).append('\n'));
        }
        write(jobDir, error, trace.toString());
    }

    private static void write(Path jobDir, String error, String traceback) {
        try {
            Files.writeString(jobDir.resolve(ERROR_FILE), error.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip() + "\n");
            Files.writeString(jobDir.resolve(TRACEBACK_FILE), traceback.endsWith("\n") ? traceback : traceback + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + ERROR_FILE + " in " + jobDir, e);
        }
    }
}
