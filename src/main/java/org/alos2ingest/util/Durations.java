package org.alos2ingest.util;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Time spans as people write them in options and settings: {@code 90s}, {@code 10m}, {@code 1h}, {@code 7d}, {@code 500ms}. */
public final class Durations {

    private static final Pattern SPAN = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?");

    private Durations() {
    }

    /**
     * Reads a span; a bare number is seconds.
     *
     * @param what the option or setting that gave it, for the message
     * @throws IllegalArgumentException naming {@code what} and the forms it takes
     */
    public static Duration parse(String text, String what) {
        Matcher m = SPAN.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(what + " must be a time span such as 30s, 10m, 2h or 1d, not '" + text + "'");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double ms = v * switch (unit) {
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            default -> 1000;
        };
        if (ms > Long.MAX_VALUE / 2) {
            throw new IllegalArgumentException(what + " is too long: '" + text + "'");
        }
        return Duration.ofMillis(Math.round(ms));
    }

    /** Like {@link #parse} but refuses zero. */
    public static Duration positive(String text, String what) {
        Duration d = parse(text, what);
        if (d.isZero()) {
            throw new IllegalArgumentException(what + " must be longer than 0, not '" + text + "'");
        }
        return d;
    }

    /** {@code 2h5m}, {@code 40s}, {@code 1.5s}, {@code 250ms}: short, for log lines. */
    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return ms % 1000 == 0 ? ms / 1000 + "s" : String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = ms / 1000;
        StringBuilder b = new StringBuilder();
        if (s >= 86_400) {
            b.append(s / 86_400).append('d');
            s %= 86_400;
        }
        if (s >= 3600) {
            b.append(s / 3600).append('h');
            s %= 3600;
        }
        if (s >= 60) {
            b.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0 && b.length() < 6) {
            b.append(s).append('s');
        }
        return b.toString();
    }
}
