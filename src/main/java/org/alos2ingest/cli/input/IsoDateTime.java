package org.alos2ingest.cli.input;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

/**
 * A date or a time in ISO 8601 as a user types it ({@code 2017-02-09}, {@code 2017-02-09T05:11:03Z},
 * {@code 2017-02-09 05:11}, with or without an offset; no offset is UTC), refused with the field that
 * is wrong ({@code month 13}, {@code day 32}, {@code February 2017 has 28 days}) rather than with the
 * parser's internals. Read field by field, because {@link java.time} says only that text "could not be
 * parsed" at some index.
 */
public final class IsoDateTime {

    private static final Pattern SHAPE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})"
            + "(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?)?", Pattern.CASE_INSENSITIVE);
    static final String EXAMPLES = "an ISO 8601 date or time such as 2017-02-09 or 2017-02-09T05:11:03Z";

    private final LocalDateTime local;
    private final ZoneOffset offset;
    private final boolean dateOnly;

    private IsoDateTime(LocalDateTime local, ZoneOffset offset, boolean dateOnly) {
        this.local = local;
        this.offset = offset;
        this.dateOnly = dateOnly;
    }

    /** @throws IllegalArgumentException quoting the text and saying which field is wrong */
    public static IsoDateTime parse(String text) {
        String t = text.strip();
        Matcher m = SHAPE.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException(t + " is not " + EXAMPLES);
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException(t + " is not a date: month " + month);
        }
        int days = YearMonth.of(year, month).lengthOfMonth();
        if (day < 1 || day > 31) {
            throw new IllegalArgumentException(t + " is not a date: day " + day);
        }
        if (day > days) {
            throw new IllegalArgumentException(t + " is not a date: " + Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year
                    + " has " + days + " days");
        }
        LocalDate date = LocalDate.of(year, month, day);
        if (m.group(4) == null) {
            return new IsoDateTime(date.atStartOfDay(), ZoneOffset.UTC, true);
        }
        int hour = field(t, "hour", m.group(4), 23);
        int minute = field(t, "minute", m.group(5), 59);
        int second = m.group(6) == null ? 0 : field(t, "second", m.group(6), 59);
        int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
        ZoneOffset offset = ZoneOffset.UTC;
        String zone = m.group(8);
        if (zone != null && !zone.equalsIgnoreCase("Z")) {
            try {
                offset = ZoneOffset.of(zone.length() == 5 && zone.charAt(3) != ':' ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(t + " is not a time: offset " + zone);
            }
        }
        return new IsoDateTime(date.atTime(hour, minute, second, nanos), offset, false);
    }

    private static int field(String text, String name, String digits, int most) {
        int v = Integer.parseInt(digits);
        if (v > most) {
            throw new IllegalArgumentException(text + " is not a time: " + name + " " + v);
        }
        return v;
    }

    /** The moment it starts: midnight UTC for a date alone. */
    public Instant start() {
        return local.toInstant(offset);
    }

    /** The moment it ends: the last millisecond of the day for a date alone, else the time itself. */
    public Instant end() {
        return dateOnly ? local.plusDays(1).toInstant(offset).minusMillis(1) : start();
    }

    /** The time in UTC. */
    public LocalDateTime utc() {
        return LocalDateTime.ofInstant(start(), ZoneOffset.UTC);
    }

    /** A time from: a date alone is its midnight (UTC). */
    public static final class From implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String text) {
            return read(text).start();
        }
    }

    /** A time until: a date alone is the whole of that day. */
    public static final class Until implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String text) {
            return read(text).end();
        }
    }

    /** A date and time in UTC. */
    public static final class Utc implements CommandLine.ITypeConverter<LocalDateTime> {
        @Override
        public LocalDateTime convert(String text) {
            return read(text).utc();
        }
    }

    private static IsoDateTime read(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
