package org.alos2ingest.util;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of long work (bytes, tiles, scenes). On an interactive terminal it redraws one status line
 * on stderr; anywhere else (logs, CI, HySDS workers) it prints nothing, because a log full of
 * percentages hides the lines that matter.
 */
public abstract class Progress {

    public enum Unit { BYTES, TILES, SCENES, FILES, RECORDS }

    /** One piece of work being counted; safe to advance from several threads. */
    public interface Task extends AutoCloseable {
        void advance(long amount);

        @Override
        void close();
    }

    public abstract Task start(String what, long total, Unit unit);

    private static final Progress SILENT = new Progress() {
        @Override
        public Task start(String what, long total, Unit unit) {
            return new Task() {
                @Override
                public void advance(long amount) {
                }

                @Override
                public void close() {
                }
            };
        }
    };

    public static Progress silent() {
        return SILENT;
    }

    /** A terminal progress when stderr is a console and {@code TERM} is not "dumb"; silent otherwise. */
    public static Progress forTerminal() {
        boolean interactive = System.console() != null && !"dumb".equals(System.getenv("TERM")) && System.getenv("CI") == null;
        return interactive ? new TerminalProgress(System.err) : SILENT;
    }

    static final class TerminalProgress extends Progress {
        private final PrintStream out;

        TerminalProgress(PrintStream out) {
            this.out = out;
        }

        @Override
        public Task start(String what, long total, Unit unit) {
            return new TerminalTask(out, what, total, unit);
        }
    }

    static final class TerminalTask implements Task {
        private final PrintStream out;
        private final String what;
        private final long total;
        private final Unit unit;
        private final long startNanos = System.nanoTime();
        private final AtomicLong done = new AtomicLong();
        private volatile long lastDraw;

        TerminalTask(PrintStream out, String what, long total, Unit unit) {
            this.out = out;
            this.what = what;
            this.total = total;
            this.unit = unit;
        }

        @Override
        public void advance(long amount) {
            long now = System.nanoTime();
            done.addAndGet(amount);
            if (now - lastDraw > 200_000_000L) {
                lastDraw = now;
                draw(false);
            }
        }

        @Override
        public void close() {
            draw(true);
        }

        private synchronized void draw(boolean last) {
            long d = done.get();
            double secs = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
            double rate = d / secs;
            StringBuilder sb = new StringBuilder("\r").append(what).append(": ").append(format(d));
            if (total > 0) {
                sb.append(" / ").append(format(total)).append(String.format(Locale.ROOT, " (%.0f%%)", 100.0 * d / total));
            }
            sb.append(", ").append(format((long) rate)).append("/s");
            if (total > 0 && rate > 0 && !last) {
                long eta = (long) ((total - d) / rate);
                sb.append(String.format(Locale.ROOT, ", ETA %d:%02d", eta / 60, eta % 60));
            }
            sb.append("\u001b[K");
            out.print(sb);
            if (last) {
                out.println();
            }
            out.flush();
        }

        private String format(long n) {
            return unit == Unit.BYTES ? Sizes.human(n) : n + " " + unit.name().toLowerCase(Locale.ROOT);
        }
    }
}
