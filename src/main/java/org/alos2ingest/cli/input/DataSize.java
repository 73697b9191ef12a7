package org.alos2ingest.cli.input;

import org.alos2ingest.util.Sizes;
import picocli.CommandLine;

/** A size in bytes as {@link Sizes} reads it: {@code 500M}, {@code 2G}, {@code 1.5T}; more than 0. */
public class DataSize implements CommandLine.ITypeConverter<Long> {

    /** A size that may be 0, for space to leave free. */
    public static final class OrZero extends DataSize {
        @Override
        public Long convert(String text) {
            return text.strip().equals("0") ? 0L : super.convert(text);
        }
    }

    @Override
    public Long convert(String text) {
        long v;
        try {
            v = Sizes.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(text + " is not a size; expected a number of bytes with an optional K, M, G or T, such as 500M or 2G");
        }
        if (v <= 0) {
            throw new CommandLine.TypeConversionException(text.strip() + " is out of range; expected a size of more than 0, such as 500M or 2G");
        }
        return v;
    }
}
