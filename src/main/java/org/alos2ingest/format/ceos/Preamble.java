package org.alos2ingest.format.ceos;

import java.nio.ByteBuffer;

/**
 * The 12 bytes every CEOS record starts with: sequence number, type code and the record's length
 * (preamble included). Nothing here is trusted until {@link CeosFile} has checked it against the file.
 */
public record Preamble(long sequence, RecordCode code, long length) {

    public static final int SIZE = 12;

    /** Reads a preamble from the first 12 bytes of {@code b} (big-endian, position unchanged). */
    public static Preamble read(ByteBuffer b) {
        int at = b.position();
        long seq = Integer.toUnsignedLong(b.getInt(at));
        RecordCode code = new RecordCode(b.get(at + 4) & 0xff, b.get(at + 5) & 0xff, b.get(at + 6) & 0xff, b.get(at + 7) & 0xff);
        long length = Integer.toUnsignedLong(b.getInt(at + 8));
        return new Preamble(seq, code, length);
    }
}
