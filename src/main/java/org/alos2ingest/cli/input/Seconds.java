package org.alos2ingest.cli.input;

import picocli.CommandLine;

/** Options in seconds, fractions allowed: a wait, a timeout. NaN and infinity are no number of seconds. */
public class Seconds implements CommandLine.ITypeConverter<Double> {

    private final boolean zeroAllowed;

    /** 0 or more seconds. */
    public Seconds() {
        this(true);
    }

    Seconds(boolean zeroAllowed) {
        this.zeroAllowed = zeroAllowed;
    }

    @Override
    public Double convert(String text) {
        double v = Decimal.of(text);
        if (Double.isNaN(v)) {
            throw new CommandLine.TypeConversionException(text + " is not a number of seconds; expected " + expected());
        }
        if (v < 0 || (v == 0 && !zeroAllowed)) {
            throw new CommandLine.TypeConversionException(text.strip() + " is out of range; expected " + expected());
        }
        return v;
    }

    private String expected() {
        return zeroAllowed ? "0 or more seconds, such as 30 or 0.5" : "more than 0 seconds, such as 30 or 0.5";
    }

    /** More than 0 seconds. */
    public static final class Positive extends Seconds {
        public Positive() {
            super(false);
        }
    }
}
