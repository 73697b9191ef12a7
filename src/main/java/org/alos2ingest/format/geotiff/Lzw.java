package org.alos2ingest.format.geotiff;

/**
 * TIFF's LZW decoder (TIFF 6.0, section 13): codes start at 9 bits, most significant bit first,
 * and widen one code early (at 511, 1023, 2047), as every TIFF writer since 1992 does.
 */
final class Lzw {

    private static final int CLEAR = 256;
    private static final int END = 257;
    private static final int MAX_CODES = 4096;

    private final int[] prefix = new int[MAX_CODES];
    private final byte[] suffix = new byte[MAX_CODES];
    private final byte[] first = new byte[MAX_CODES];
    private final int[] length = new int[MAX_CODES];
    private final byte[] stack = new byte[MAX_CODES];

    /**
     * Decodes {@code inLength} bytes into {@code out}.
     *
     * @return the number of bytes written (at most {@code out.length}; a stream that would write
     *         more is cut there, as libtiff does)
     * @throws IllegalArgumentException for a code that no decoder could have been sent
     */
    int decode(byte[] in, int inLength, byte[] out) {
        if (inLength >= 2 && in[0] == 0 && (in[1] & 1) != 0) {
            throw new IllegalArgumentException("old-style (pre-TIFF 6.0, LSB-first) LZW is not supported");
        }
        for (int i = 0; i < 256; i++) {
            prefix[i] = -1;
            suffix[i] = (byte) i;
            first[i] = (byte) i;
            length[i] = 1;
        }
        int next = 258;
        int width = 9;
        int old = -1;
        int o = 0;
        long bits = 0;
        int nbits = 0;
        int pos = 0;
        while (true) {
            while (nbits < width && pos < inLength) {
                bits = (bits << 8) | (in[pos++] & 0xff);
                nbits += 8;
            }
            if (nbits < width) {
                return o;
            }
            int code = (int) (bits >>> (nbits - width)) & ((1 << width) - 1);
            nbits -= width;
            if (code == END) {
                return o;
            }
            if (code == CLEAR) {
                next = 258;
                width = 9;
                old = -1;
                continue;
            }
            if (old == -1) {
                if (code > 255) {
                    throw new IllegalArgumentException("LZW stream starts with code " + code + " after a clear");
                }
                if (o < out.length) {
                    out[o++] = (byte) code;
                }
                old = code;
                continue;
            }
            int emit;
            byte firstByte;
            if (code < next) {
                emit = code;
                firstByte = first[code];
            } else if (code == next) {
                emit = -1;
                firstByte = first[old];
            } else {
                throw new IllegalArgumentException("LZW code " + code + " before it was defined (next is " + next + ")");
            }
            if (next < MAX_CODES) {
                prefix[next] = old;
                suffix[next] = firstByte;
                first[next] = first[old];
                length[next] = length[old] + 1;
                next++;
            }
            int c = emit == -1 ? next - 1 : emit;
            o = write(c, out, o);
            old = c;
            if (next + 1 >= (1 << width) && width < 12) {
                width++;
            }
        }
    }

    private int write(int code, byte[] out, int o) {
        int n = length[code];
        int sp = 0;
        int c = code;
        while (c >= 0 && sp < n) {
            stack[sp++] = suffix[c];
            c = prefix[c];
        }
        for (int i = sp - 1; i >= 0 && o < out.length; i--) {
            out[o++] = stack[i];
        }
        return o;
    }
}
