package org.alos2ingest.identify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * CEOS image files (Level 1.1, and Level 1.5 in CEOS format). Recognised by the 12-byte preamble
 * of the image file descriptor record: sequence 1, type codes 50,192,18,18, length 720
 * (alos2-formats.md 3.0).
 */
public final class CeosProvider implements ProductProvider {

    @Override
    public ProductFormat format() {
        return ProductFormat.CEOS;
    }

    @Override
    public Probe probe(byte[] head) {
        byte[] h = head.length > 12 ? java.util.Arrays.copyOf(head, 12) : head;
        if (h.length < 12) {
            return Probe.unable(h.length == 0 ? "empty file" : "too short for a CEOS record preamble");
        }
        ByteBuffer b = ByteBuffer.wrap(h);
        int seq = b.getInt(0);
        int sub1 = h[4] & 0xff;
        int type = h[5] & 0xff;
        int sub2 = h[6] & 0xff;
        int sub3 = h[7] & 0xff;
        int length = b.getInt(8);
        if (seq == 1 && sub1 == 50 && type == 192 && sub2 == 18 && sub3 == 18 && length == 720) {
            return Probe.intended("CEOS image file descriptor");
        }
        return Probe.unable(String.format("no CEOS image file descriptor (record %d, type %d,%d,%d,%d, length %d)",
                seq, sub1, type, sub2, sub3, length));
    }
}
