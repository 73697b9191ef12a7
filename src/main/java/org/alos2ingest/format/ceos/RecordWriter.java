package org.alos2ingest.format.ceos;

import java.nio.ByteBuffer;

/**
 * Builds one CEOS record from a layout's fields: the preamble, then each value put through
 * {@link FieldCodec}, so that what is written sits exactly where the reader looks. Used by the sample
 * product generator and by tests that hand-build records.
 */
public final class RecordWriter {

    private final byte[] bytes;

    private RecordWriter(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A record whose unused bytes are ASCII blanks (leader, volume directory, file descriptors). */
    public static RecordWriter ascii(RecordCode code, long sequence, int length) {
        RecordWriter w = new RecordWriter(new byte[length]);
        FieldCodec.blank(w.bytes, Preamble.SIZE);
        w.preamble(code, sequence);
        return w;
    }

    /** A record whose unused bytes are zero (image line prefixes). */
    public static RecordWriter binary(RecordCode code, long sequence, int length) {
        RecordWriter w = new RecordWriter(new byte[length]);
        w.preamble(code, sequence);
        return w;
    }

    /**
     * Only the first {@code prefixLength} bytes of a longer record (an image line's prefix, whose
     * samples are written separately); the preamble carries the whole {@code recordLength}.
     */
    public static RecordWriter prefix(RecordCode code, long sequence, long recordLength, int prefixLength) {
        RecordWriter w = new RecordWriter(new byte[prefixLength]);
        w.preamble(code, sequence);
        ByteBuffer.wrap(w.bytes).putInt(8, (int) recordLength);
        return w;
    }

    private void preamble(RecordCode code, long sequence) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.putInt(0, (int) sequence);
        b.put(4, (byte) code.subtype1());
        b.put(5, (byte) code.type());
        b.put(6, (byte) code.subtype2());
        b.put(7, (byte) code.subtype3());
        b.putInt(8, bytes.length);
    }

    public RecordWriter put(Field f, Object value) {
        FieldCodec.write(bytes, f, 0, value);
        return this;
    }

    public RecordWriter put(Field f, int index, Object value) {
        FieldCodec.write(bytes, f, index, value);
        return this;
    }

    /** Writes each value of an array field, from index 0. */
    public RecordWriter putAll(Field f, double... values) {
        for (int i = 0; i < values.length; i++) {
            FieldCodec.write(bytes, f, i, values[i]);
        }
        return this;
    }

    public byte[] bytes() {
        return bytes;
    }
}
