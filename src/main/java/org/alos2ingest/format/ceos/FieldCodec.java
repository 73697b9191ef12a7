package org.alos2ingest.format.ceos;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The one reader and writer of CEOS fields: every record class declares {@link Field}s, and only
 * this class turns them into bytes and back. Reading is lenient where JAXA's files are (blank ASCII
 * numbers and {@code NAN} are "no value") and strict otherwise (a number field holding text is an
 * error the caller reports with the file and offset).
 */
public final class FieldCodec {

    private FieldCodec() {
    }

    /** Text, trimmed; empty when blank. */
    public static Optional<String> text(ByteBuffer record, Field f, int index) {
        String s = ascii(record, f, index).strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** The raw characters of an ASCII field, untrimmed. */
    public static String ascii(ByteBuffer record, Field f, int index) {
        byte[] b = new byte[f.length()];
        record.get(f.offset(index), b);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                b[i] = ' ';
            }
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /**
     * @throws IllegalArgumentException when the field holds something other than an integer or blanks
     */
    public static Optional<Long> integer(ByteBuffer record, Field f, int index) {
        String s = ascii(record, f, index).strip();
        if (s.isEmpty() || s.equalsIgnoreCase("NAN")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(s.startsWith("+") ? s.substring(1) : s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not an integer");
        }
    }

    /**
     * @throws IllegalArgumentException when the field holds something other than a number or blanks
     */
    public static Optional<Double> real(ByteBuffer record, Field f, int index) {
        String s = ascii(record, f, index).strip();
        if (s.isEmpty() || s.equalsIgnoreCase("NAN") || s.equalsIgnoreCase("-NAN")) {
            return Optional.empty();
        }
        try {
            double v = Double.parseDouble(s.replace('D', 'E').replace('d', 'e'));
            return Double.isFinite(v) ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a number");
        }
    }

    /** Binary integer: B1 and B2 unsigned, B4 and B8 signed, big-endian. */
    public static long binary(ByteBuffer record, Field f, int index) {
        int at = f.offset(index);
        return switch (f.length()) {
            case 1 -> record.get(at) & 0xffL;
            case 2 -> record.getShort(at) & 0xffffL;
            case 4 -> record.getInt(at);
            default -> record.getLong(at);
        };
    }

    /** A binary field times its scale. */
    public static double scaled(ByteBuffer record, Field f, int index) {
        return binary(record, f, index) * f.scale();
    }

    /** Fills a record's bytes from {@code from} with ASCII blanks (what JAXA writes in unused ASCII space). */
    public static void blank(byte[] record, int from) {
        Arrays.fill(record, from, record.length, (byte) ' ');
    }

    /**
     * Writes one occurrence of a field; {@code null} writes blanks (ASCII) or 0 (binary).
     *
     * @throws IllegalArgumentException when the value does not fit the field
     */
    public static void write(byte[] record, Field f, int index, Object value) {
        int at = f.offset(index);
        if (at + f.length() > record.length) {
            throw new IllegalArgumentException(f + " lies beyond a record of " + record.length + " bytes");
        }
        if (f.kind() == Field.Kind.BINARY) {
            long v = value == null ? 0 : value instanceof Double d ? Math.round(d / f.scale()) : ((Number) value).longValue();
            ByteBuffer b = ByteBuffer.wrap(record);
            switch (f.length()) {
                case 1 -> b.put(at, (byte) v);
                case 2 -> b.putShort(at, (short) v);
                case 4 -> {
                    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException(value + " does not fit " + f);
                    }
                    b.putInt(at, (int) v);
                }
                default -> b.putLong(at, v);
            }
            return;
        }
        String s = value == null ? "" : switch (f.kind()) {
            case TEXT -> value.toString();
            case INTEGER -> Long.toString(((Number) value).longValue());
            default -> fortran(((Number) value).doubleValue(), f.format());
        };
        if (s.length() > f.length()) {
            throw new IllegalArgumentException("'" + s + "' does not fit " + f);
        }
        String padded = f.kind() == Field.Kind.TEXT ? String.format("%-" + f.length() + "s", s) : String.format("%" + f.length() + "s", s);
        byte[] b = padded.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(b, 0, record, at, b.length);
    }

    /** Formats like Fortran's {@code Fw.d} / {@code Ew.d} (the width is applied by the caller). */
    static String fortran(double v, String descriptor) {
        int decimals = Integer.parseInt(descriptor.substring(descriptor.indexOf('.') + 1));
        return descriptor.charAt(0) == 'E'
                ? String.format(Locale.ROOT, "%." + decimals + "E", v)
                : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
