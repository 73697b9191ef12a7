package org.alos2ingest.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.alos2ingest.ingest.IngestReport;

/** Prints an ingest report: one line per scene on stdout, failures on stderr; returns the exit code. */
final class ReportPrinter {
    private ReportPrinter() {
    }

    static int print(IngestReport report, boolean quiet) {
        return print(report, quiet, System.out, System.err);
    }

    static int print(IngestReport report, boolean quiet, PrintStream out, PrintStream err) {
        for (IngestReport.Outcome o : report.outcomes()) {
            switch (o.status()) {
                case INGESTED -> {
                    if (!quiet) {
                        out.printf(Locale.ROOT, "ingested %s -> %s (%.1f s)%n", o.subject(), o.detail(), o.seconds());
                    }
                }
                case SKIPPED -> {
                    if (!quiet) {
                        out.printf(Locale.ROOT, "skipped  %s: %s%n", o.subject(), o.detail());
                    }
                }
                case PLANNED -> out.printf(Locale.ROOT, "would ingest %s%s%n", o.subject(), o.detail() == null ? "" : " (" + o.detail() + ")");
                case QUEUED -> {
                    if (!quiet) {
                        out.printf(Locale.ROOT, "queued   %s: %s%n", o.subject(), o.detail());
                    }
                }
                case FAILED -> err.println("error: " + o.detail());
            }
        }
        if (!quiet && report.outcomes().size() > 1) {
            long queued = report.count(IngestReport.Status.QUEUED);
            out.printf(Locale.ROOT, "%d ingested, %d skipped, %d failed%s%n", report.count(IngestReport.Status.INGESTED),
                    report.count(IngestReport.Status.SKIPPED), report.count(IngestReport.Status.FAILED), queued > 0 ? ", " + queued + " queued" : "");
        }
        return report.failed() ? Main.FAILED : Main.OK;
    }
}
