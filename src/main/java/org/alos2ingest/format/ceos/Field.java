package org.alos2ingest.format.ceos;

import java.util.Locale;

/**
 * One field of a CEOS record, as a row of JAXA's format tables gives it: its name, its 1-based
 * position in the record (the tables' convention; alos2-formats.md 9.1), its length and how it is
 * encoded. Record classes declare their fields as constants of this type, so that every offset is
 * written down exactly once and read and written by the one generic {@link FieldCodec}.
 *
 * @param name     the field's name in the format tables (snake case), used in dumps and errors
 * @param position 1-based byte position of the first occurrence within the record
 * @param length   bytes per occurrence
 * @param kind     encoding
 * @param scale    for binary fields, the factor from the stored integer to the value (1 when none)
 * @param format   for ASCII reals, the Fortran edit descriptor the value is written with
 *                 ({@code F16.7}, {@code E22.15}); otherwise {@code null}
 * @param repeat   how the field repeats in an array, or {@code null} for a single value
 */
public record Field(String name, int position, int length, Kind kind, double scale, String format, Repeat repeat) {

    /** How a field's bytes encode its value. */
    public enum Kind {
        /** Big-endian binary integer: B1 and B2 unsigned, B4 and B8 signed (alos2-formats.md 3.0). */
        BINARY,
        /** ASCII text, blank padded ({@code An}). */
        TEXT,
        /** ASCII integer, right-justified ({@code In}); blank reads as absent. */
        INTEGER,
        /** ASCII real, Fortran {@code Fw.d} or {@code Ew.d}; blank or {@code NAN} reads as absent. */
        REAL
    }

    /**
     * An array: {@code count} occurrences (or as many as another field of the record says),
     * {@code stride} bytes apart.
     */
    public record Repeat(int count, Field countField, int stride, int maxCount) {
    }

    public Field {
        if (position < 1 || length < 1) {
            throw new IllegalArgumentException(name + ": position and length start at 1");
        }
        if (kind == Kind.BINARY && length != 1 && length != 2 && length != 4 && length != 8) {
            throw new IllegalArgumentException(name + ": binary fields are 1, 2, 4 or 8 bytes");
        }
    }

    public static Field text(String name, int position, int length) {
        return new Field(name, position, length, Kind.TEXT, 1, null, null);
    }

    public static Field integer(String name, int position, int length) {
        return new Field(name, position, length, Kind.INTEGER, 1, null, null);
    }

    /** @param format Fortran edit descriptor used when writing, e.g. {@code F16.7} or {@code E20.10} */
    public static Field real(String name, int position, int length, String format) {
        if (format == null || !format.matches("[FE]\\d+\\.\\d+") || Integer.parseInt(format.substring(1, format.indexOf('.'))) != length) {
            throw new IllegalArgumentException(name + ": format " + format + " does not fit " + length + " bytes");
        }
        return new Field(name, position, length, Kind.REAL, 1, format, null);
    }

    public static Field binary(String name, int position, int length) {
        return new Field(name, position, length, Kind.BINARY, 1, null, null);
    }

    /** A binary integer that stores {@code value / scale}, e.g. degrees times 1e6 with scale 1e-6. */
    public static Field scaled(String name, int position, int length, double scale) {
        return new Field(name, position, length, Kind.BINARY, scale, null, null);
    }

    /** This field, repeated a fixed number of times. */
    public Field times(int count, int stride) {
        return new Field(name, position, length, kind, scale, format, new Repeat(count, null, stride, count));
    }

    /** This field, repeated as many times as {@code countField} of the same record says (at most {@code max}). */
    public Field timesCountOf(Field countField, int stride, int max) {
        return new Field(name, position, length, kind, scale, format, new Repeat(-1, countField, stride, max));
    }

    /** 0-based offset within the record of occurrence {@code index}. */
    public int offset(int index) {
        return position - 1 + (repeat == null ? 0 : index * repeat.stride());
    }

    /** 0-based offset of the first occurrence. */
    public int offset() {
        return position - 1;
    }

    public boolean isRepeated() {
        return repeat != null;
    }

    /** The bytes the field occupies at most, from the start of the record. */
    public int extent() {
        int n = repeat == null ? 1 : repeat.maxCount();
        return offset(Math.max(0, n - 1)) + length;
    }

    /** As the format tables write it: {@code B4}, {@code A16}, {@code I8}, {@code F16.7}. */
    public String descriptor() {
        return switch (kind) {
            case BINARY -> "B" + length;
            case TEXT -> "A" + length;
            case INTEGER -> "I" + length;
            case REAL -> format;
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s at %d)", name, descriptor(), position);
    }
}
