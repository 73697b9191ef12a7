package org.alos2ingest.format.geotiff;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * TIFF LZW compression (TIFF 6.0, section 13): a clear code first, 9- to 12-bit codes most
 * significant bit first, widened one code early as libtiff does, and a clear whenever the table fills.
 */
final class TiffLzwEncoder {

    private static final int CLEAR = 256;
    private static final int END = 257;
    private static final int TABLE = 1 << 14;

    private final int[] keys = new int[TABLE];
    private final short[] codes = new short[TABLE];
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long bits;
    private int nbits;
    private int width;

    byte[] encode(byte[] in, int length) {
        out.reset();
        bits = 0;
        nbits = 0;
        width = 9;
        clearTable();
        put(CLEAR);
        if (length == 0) {
            put(END);
            flush();
            return out.toByteArray();
        }
        int next = 258;
        int w = in[0] & 0xff;
        for (int i = 1; i < length; i++) {
            int c = in[i] & 0xff;
            int key = (w << 8) | c;
            int found = find(key);
            if (found >= 0) {
                w = found;
                continue;
            }
            put(w);
            insert(key, next++);
            if (next == 4094) {
                put(CLEAR);
                clearTable();
                next = 258;
                width = 9;
            } else if (next > (1 << width) - 1) {
                width++;
            }
            w = c;
        }
        put(w);
        put(END);
        flush();
        return out.toByteArray();
    }

    private void clearTable() {
        Arrays.fill(keys, -1);
    }

    private int slot(int key) {
        return (key * 0x9E3779B1 >>> 18) & (TABLE - 1);
    }

    private int find(int key) {
        for (int s = slot(key); ; s = (s + 1) & (TABLE - 1)) {
            if (keys[s] == -1) {
                return -1;
            }
            if (keys[s] == key) {
                return codes[s];
            }
        }
    }

    private void insert(int key, int code) {
        int s = slot(key);
        while (keys[s] != -1) {
            s = (s + 1) & (TABLE - 1);
        }
        keys[s] = key;
        codes[s] = (short) code;
    }

    private void put(int code) {
        bits = (bits << width) | code;
        nbits += width;
        while (nbits >= 8) {
            out.write((int) (bits >>> (nbits - 8)));
            nbits -= 8;
        }
    }

    private void flush() {
        if (nbits > 0) {
            out.write((int) (bits << (8 - nbits)));
            nbits = 0;
        }
    }
}
