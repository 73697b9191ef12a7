package org.alos2ingest.geo;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Times as the catalog wants them: UTC, milliseconds, a literal {@code Z}. GRQ's date check
 * refuses an offset such as {@code +00:00} (hysds-conventions.md).
 */
public final class IsoTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ZONED = Pattern.compile(".*[+-]\\d{2}:?\\d{2}$");
    /** Where the catalog's own form {@code yyyy-MM-ddTHH:mm:ss.SSSZ} has its separators. */
    private static final String CATALOG_SHAPE = "dddd-dd-ddTdd:dd:dd.dddZ";

    private IsoTime() {
    }

    public static String format(LocalDateTime utc) {
        return FORMAT.format(utc);
    }

    public static String format(Instant t) {
        return FORMAT.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    /** Reads any ISO 8601 time with a zone or a trailing Z; a time without zone is taken as UTC. */
    public static Instant parse(String text) {
        Instant fast = catalogForm(text);
        if (fast != null) {
            return fast;
        }
        String t = text.strip();
        if (DATE_ONLY.matcher(t).matches()) {
            t = t + "T00:00:00Z";
        }
        if (!t.endsWith("Z") && !ZONED.matcher(t).matches()) {
            t = t + "Z";
        }
        return java.time.OffsetDateTime.parse(t.replace(' ', 'T')).toInstant();
    }

    /**
     * The catalog's own form without the general parser: every search and every STAC item reads
     * these times, and the general path (regular expressions, then OffsetDateTime) was a fifth of
     * the API's CPU time. Null when the text has another shape; impossible dates still fail.
     */
    private static Instant catalogForm(String t) {
        if (t.length() != CATALOG_SHAPE.length()) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            char want = CATALOG_SHAPE.charAt(i);
            char c = t.charAt(i);
            if (want == 'd' ? c < '0' || c > '9' : c != want) {
                return null;
            }
        }
        try {
            return LocalDateTime.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10), digits(t, 11, 13), digits(t, 14, 16),
                    digits(t, 17, 19), digits(t, 20, 23) * 1_000_000).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new DateTimeParseException("not a valid time: " + e.getMessage(), t, 0, e);
        }
    }

    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (t.charAt(i) - '0');
        }
        return v;
    }
}
