package org.alos2ingest.geo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as the catalog wants them: UTC, milliseconds, a literal {@code Z}. GRQ's date check
 * refuses an offset such as {@code +00:00} (hysds-conventions.md).
 */
public final class IsoTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

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
        String t = text.strip();
        if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
            t = t + "T00:00:00Z";
        }
        if (!t.endsWith("Z") && !t.matches(".*[+-]\\d{2}:?\\d{2}$")) {
            t = t + "Z";
        }
        return java.time.OffsetDateTime.parse(t.replace(' ', 'T')).toInstant();
    }
}
