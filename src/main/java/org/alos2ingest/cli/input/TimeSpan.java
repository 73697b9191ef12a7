package org.alos2ingest.cli.input;

import java.time.Duration;

import org.alos2ingest.util.Durations;
import picocli.CommandLine;

/** A span as {@link Durations} reads it: {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, {@code 500ms}; a bare number is seconds. */
public class TimeSpan implements CommandLine.ITypeConverter<Duration> {

    private final boolean zeroAllowed;

    /** Any span, 0 included. */
    public TimeSpan() {
        this(true);
    }

    TimeSpan(boolean zeroAllowed) {
        this.zeroAllowed = zeroAllowed;
    }

    @Override
    public Duration convert(String text) {
        Duration d;
        try {
            d = Durations.parse(text, "span");
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(text + " is not a time span; expected a number with a unit, such as 30s, 10m, 2h or 1d");
        }
        if (d.isZero() && !zeroAllowed) {
            throw new CommandLine.TypeConversionException(text.strip() + " is too short; expected a span longer than 0, such as 30s, 10m, 2h or 1d");
        }
        return d;
    }

    /** A span longer than 0. */
    public static final class Positive extends TimeSpan {
        public Positive() {
            super(false);
        }
    }
}
