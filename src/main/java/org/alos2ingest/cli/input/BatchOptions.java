package org.alos2ingest.cli.input;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import picocli.CommandLine;

/** What {@code scan} hands a batch scheduler or matches folders with. */
public final class BatchOptions {

    private BatchOptions() {
    }

    /** A wall time as PBS and Slurm take it: {@code HH:MM:SS}. */
    public static final class Walltime implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String text) {
            String t = text.strip();
            if (!t.matches("\\d{1,4}:[0-5]\\d:[0-5]\\d")) {
                throw new CommandLine.TypeConversionException(text + " is not a wall time; expected hours:minutes:seconds, such as 02:00:00");
            }
            return t;
        }
    }

    /** A Java regular expression, checked before any folder is walked. */
    public static final class Regex implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String text) {
            try {
                Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                throw new CommandLine.TypeConversionException(text + " is not a regular expression: " + e.getDescription()
                        + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : ""));
            }
            return text;
        }
    }
}
