package org.alos2ingest.watch;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * {@code watch}'s log: one line per event, on standard output, each starting with the UTC time and a
 * fixed-width word ({@code new}, {@code queued}, {@code ingested}, {@code failed}, ...), so that a
 * journal, a cron mail or {@code grep} reads it. Lines carry no credentials: they name files, jobs and
 * services the way every other command does.
 */
final class WatchLog {

    private final PrintStream out;

    WatchLog(PrintStream out) {
        this.out = out;
    }

    synchronized void line(String word, String text) {
        out.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + String.format(Locale.ROOT, "%-8s", word) + " " + text);
        out.flush();
    }
}
