package org.alos2ingest.format.ceos;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One record read from a CEOS file: where it was, its preamble, its layout and the bytes read of it
 * (all of it, or the part its layout needs). Field values are decoded on demand by
 * {@link FieldCodec}; a field that cannot be decoded is a {@link CeosFormatException} naming the
 * file and the field's absolute offset.
 */
public final class CeosRecord {

    private final Path file;
    private final long offset;
    private final Preamble preamble;
    private final RecordLayout layout;
    private final ByteBuffer data;

    CeosRecord(Path file, long offset, Preamble preamble, RecordLayout layout, ByteBuffer data) {
        this.file = file;
        this.offset = offset;
        this.preamble = preamble;
        this.layout = layout;
        this.data = data.asReadOnlyBuffer();
        if (preamble.length() < layout.minLength()) {
            throw new CeosFormatException(file, offset, layout.name() + " record is " + preamble.length()
                    + " bytes long, too short for its fields (at least " + layout.minLength() + " bytes expected)");
        }
    }

    /** Wraps bytes already in memory (for records built by code, e.g. in tests and the sample writer). */
    public static CeosRecord of(Path file, long offset, RecordLayout layout, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new CeosRecord(file, offset, Preamble.read(b), layout, b);
    }

    public Path file() {
        return file;
    }

    /** Offset of the record's first byte in its file. */
    public long offset() {
        return offset;
    }

    public Preamble preamble() {
        return preamble;
    }

    public RecordLayout layout() {
        return layout;
    }

    public Optional<String> text(Field f) {
        return text(f, 0);
    }

    public Optional<String> text(Field f, int index) {
        check(f, index);
        return FieldCodec.text(data, f, index);
    }

    public Optional<Long> integer(Field f) {
        return integer(f, 0);
    }

    public Optional<Long> integer(Field f, int index) {
        check(f, index);
        try {
            return FieldCodec.integer(data, f, index);
        } catch (IllegalArgumentException e) {
            throw error(f, index, e.getMessage());
        }
    }

    public Optional<Double> real(Field f) {
        return real(f, 0);
    }

    public Optional<Double> real(Field f, int index) {
        check(f, index);
        try {
            return FieldCodec.real(data, f, index);
        } catch (IllegalArgumentException e) {
            throw error(f, index, e.getMessage());
        }
    }

    public long binary(Field f) {
        return binary(f, 0);
    }

    public long binary(Field f, int index) {
        check(f, index);
        return FieldCodec.binary(data, f, index);
    }

    /** A binary field times its scale, e.g. degrees from millionths of a degree. */
    public double scaled(Field f) {
        check(f, 0);
        return FieldCodec.scaled(data, f, 0);
    }

    /** An integer field that must be present. */
    public long requireInteger(Field f) {
        return integer(f).orElseThrow(() -> error(f, 0, "is blank, a value is required"));
    }

    /** A real field that must be present. */
    public double requireReal(Field f) {
        return real(f).orElseThrow(() -> error(f, 0, "is blank, a value is required"));
    }

    /** A real occurrence of an array that must be present. */
    public double requireReal(Field f, int index) {
        return real(f, index).orElseThrow(() -> error(f, index, "is blank, a value is required"));
    }

    /**
     * The number of occurrences of an array field: fixed, or read from its count field and checked
     * against the array's maximum and the record's length.
     */
    public int count(Field f) {
        Field.Repeat r = f.repeat();
        if (r == null) {
            return 1;
        }
        if (r.countField() == null) {
            return r.count();
        }
        long n = integer(r.countField()).orElse(0L);
        long fits = r.stride() == 0 ? r.maxCount() : (Math.min(preamble.length(), data.limit()) - f.offset() - f.length()) / r.stride() + 1;
        if (n < 0 || n > r.maxCount() || n > fits) {
            throw error(r.countField(), 0, "says " + n + " " + f.name() + " entries, but at most "
                    + Math.max(0, Math.min(r.maxCount(), fits)) + " fit in a record of " + preamble.length() + " bytes");
        }
        return (int) n;
    }

    /** Every declared field by name, arrays as lists, blank values as {@code null}; for inspection. */
    public Map<String, Object> dump() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("record_offset", offset);
        out.put("record_sequence_number", preamble.sequence());
        out.put("record_type_code", preamble.code().toString());
        out.put("record_length", preamble.length());
        for (Field f : layout.fields()) {
            if (f.isRepeated()) {
                int n = count(f);
                List<Object> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    values.add(value(f, i));
                }
                out.put(f.name(), values);
            } else {
                out.put(f.name(), value(f, 0));
            }
        }
        return out;
    }

    /** One occurrence's value: String, Long or Double, or {@code null} when blank. */
    public Object value(Field f, int index) {
        return switch (f.kind()) {
            case TEXT -> text(f, index).orElse(null);
            case INTEGER -> integer(f, index).orElse(null);
            case REAL -> real(f, index).orElse(null);
            case BINARY -> f.scale() == 1 ? (Object) binary(f, index) : (Object) (binary(f, index) * f.scale());
        };
    }

    /** An error about one field, naming the file and the field's absolute offset. */
    public CeosFormatException error(Field f, int index, String problem) {
        return new CeosFormatException(file, offset + f.offset(index), layout.name() + " field " + f.name()
                + " (" + f.descriptor() + ") " + problem);
    }

    private void check(Field f, int index) {
        int end = f.offset(index) + f.length();
        if (end > data.limit() || end > preamble.length()) {
            throw new CeosFormatException(file, offset + f.offset(index), layout.name() + " field " + f.name()
                    + " lies beyond the " + Math.min(data.limit(), preamble.length()) + " bytes of the record");
        }
    }

    @Override
    public String toString() {
        return layout.name() + " at byte " + offset + " of " + file;
    }
}
