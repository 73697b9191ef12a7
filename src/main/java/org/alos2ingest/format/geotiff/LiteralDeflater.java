package org.alos2ingest.format.geotiff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Adler32;

/**
 * A zlib stream (TIFF Compression 8, "Adobe Deflate") of one dynamic-Huffman Deflate block of literals
 * only, or stored blocks when coding would not pay. Radar amplitude after the horizontal predictor is
 * speckle: string matching finds next to nothing in it (zlib's level 6 makes files 3 % smaller than
 * this) yet costs most of zlib's time, which was five times this coder's. Any Deflate reader decodes
 * the result (RFC 1950/1951). Not thread-safe; one per thread.
 */
final class LiteralDeflater {

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int END_OF_BLOCK = 256;
    private static final int MAX_BITS = 15;
    private static final int MAX_CODE_LENGTH_BITS = 7;
    /** The order code-length code lengths are sent in (RFC 1951, 3.2.7). */
    private static final int[] CL_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    private static final int STORED_MAX = 65535;

    private final int[] freq = new int[257];
    private final int[] lengths = new int[257];
    /** Per literal: the bit-reversed code in the low 16 bits, its length above. */
    private final int[] table = new int[257];
    private final Adler32 adler = new Adler32();
    private byte[] out = new byte[0];
    private int pos;
    private long bits;
    private int bitCount;

    /** Compresses {@code data[0, length)}; the result is a new array. */
    byte[] compress(byte[] data, int length) {
        Arrays.fill(freq, 0);
        for (int i = 0; i < length; i++) {
            freq[data[i] & 0xff]++;
        }
        return compressCounted(data, length);
    }

    /**
     * The same, for a caller that counted the bytes while it made them: {@code counts[b]} is how often
     * byte value {@code b} occurs in {@code data[0, length)}.
     */
    byte[] compress(byte[] data, int length, int[] counts) {
        System.arraycopy(counts, 0, freq, 0, 256);
        return compressCounted(data, length);
    }

    private byte[] compressCounted(byte[] data, int length) {
        freq[END_OF_BLOCK] = 1;
        HuffmanLengths.build(freq, MAX_BITS, lengths);
        long codedBits = 0;
        for (int s = 0; s < 257; s++) {
            codedBits += (long) freq[s] * lengths[s];
        }
        // worst case: the block header (under 300 bytes) and 8 bytes of bit buffer slack
        long coded = codedBits / 8 + 320;
        long stored = length + 5L * Math.max(1, (length + STORED_MAX - 1) / STORED_MAX);
        int capacity = (int) Math.min(coded, stored) + 2 + 4 + 16;
        if (out.length < capacity) {
            out = new byte[capacity];
        }
        pos = 0;
        bits = 0;
        bitCount = 0;
        // CMF: deflate, 32 K window; FLG: fastest, check bits making CMF*256+FLG a multiple of 31
        out[pos++] = 0x78;
        out[pos++] = 0x01;
        if (coded < stored) {
            writeHuffmanBlock(data, length);
        } else {
            writeStoredBlocks(data, length);
        }
        adler.reset();
        adler.update(data, 0, length);
        long a = adler.getValue();
        out[pos++] = (byte) (a >>> 24);
        out[pos++] = (byte) (a >>> 16);
        out[pos++] = (byte) (a >>> 8);
        out[pos++] = (byte) a;
        return Arrays.copyOf(out, pos);
    }

    private void writeStoredBlocks(byte[] data, int length) {
        int at = 0;
        do {
            int n = Math.min(STORED_MAX, length - at);
            boolean last = at + n == length;
            putBits(last ? 1 : 0, 3);
            flushToByte();
            out[pos++] = (byte) n;
            out[pos++] = (byte) (n >>> 8);
            out[pos++] = (byte) ~n;
            out[pos++] = (byte) (~n >>> 8);
            System.arraycopy(data, at, out, pos, n);
            pos += n;
            at += n;
        } while (at < length);
    }

    private void writeHuffmanBlock(byte[] data, int length) {
        int[] codes = HuffmanLengths.canonicalCodes(lengths, MAX_BITS);
        for (int s = 0; s < 257; s++) {
            table[s] = lengths[s] == 0 ? 0 : reverse(codes[s], lengths[s]) | lengths[s] << 16;
        }
        // header: last block, dynamic Huffman (BTYPE 10, sent low bit first)
        putBits(1 | 2 << 1, 3);
        writeCodeLengths();
        long b = bits;
        int n = bitCount;
        byte[] o = out;
        int[] tab = table;
        int p = pos;
        int i = 0;
        // Two codes (at most 30 bits) joined, then added to fewer than 32 pending bits: one shift and
        // one flush test per two bytes. (An unconditional 8-byte store per step measured slower.)
        for (; i + 1 < length; i += 2) {
            int t1 = tab[data[i] & 0xff];
            int t2 = tab[data[i + 1] & 0xff];
            int l1 = t1 >>> 16;
            b |= ((t1 & 0xffff) | (long) (t2 & 0xffff) << l1) << n;
            n += l1 + (t2 >>> 16);
            if (n >= 32) {
                INT_LE.set(o, p, (int) b);
                p += 4;
                b >>>= 32;
                n -= 32;
            }
        }
        if (i < length) {
            int t = tab[data[i] & 0xff];
            b |= (long) (t & 0xffff) << n;
            n += t >>> 16;
            if (n >= 32) {
                INT_LE.set(o, p, (int) b);
                p += 4;
                b >>>= 32;
                n -= 32;
            }
        }
        bits = b;
        bitCount = n;
        pos = p;
        int eob = table[END_OF_BLOCK];
        putBits(eob & 0xffff, eob >>> 16);
        flushToByte();
    }

    /**
     * HLIT 257 literal/length codes, HDIST one distance code of zero bits (RFC 1951: "there are no
     * distance codes used at all"), then the code lengths run-length coded in the code-length alphabet.
     */
    private void writeCodeLengths() {
        int[] all = Arrays.copyOf(lengths, 258);
        int[] symbols = new int[258];
        int[] extra = new int[258];
        int count = 0;
        for (int i = 0; i < all.length;) {
            int v = all[i];
            int run = 1;
            while (i + run < all.length && all[i + run] == v) {
                run++;
            }
            if (v == 0 && run >= 3) {
                int r = Math.min(run, 138);
                symbols[count] = r >= 11 ? 18 : 17;
                extra[count++] = r >= 11 ? r - 11 : r - 3;
                i += r;
            } else if (v != 0 && run >= 4) {
                symbols[count] = v;
                extra[count++] = 0;
                int r = Math.min(run - 1, 6);
                symbols[count] = 16;
                extra[count++] = r - 3;
                i += 1 + r;
            } else {
                symbols[count] = v;
                extra[count++] = 0;
                i++;
            }
        }
        int[] clFreq = new int[19];
        for (int k = 0; k < count; k++) {
            clFreq[symbols[k]]++;
        }
        int[] clLengths = new int[19];
        HuffmanLengths.build(clFreq, MAX_CODE_LENGTH_BITS, clLengths);
        int[] clCodes = HuffmanLengths.canonicalCodes(clLengths, MAX_CODE_LENGTH_BITS);
        int hclen = 19;
        while (hclen > 4 && clLengths[CL_ORDER[hclen - 1]] == 0) {
            hclen--;
        }
        putBits(0, 5); // HLIT: 257 codes
        putBits(0, 5); // HDIST: 1 code
        putBits(hclen - 4, 4);
        for (int k = 0; k < hclen; k++) {
            putBits(clLengths[CL_ORDER[k]], 3);
        }
        for (int k = 0; k < count; k++) {
            int s = symbols[k];
            putBits(reverse(clCodes[s], clLengths[s]), clLengths[s]);
            switch (s) {
                case 16 -> putBits(extra[k], 2);
                case 17 -> putBits(extra[k], 3);
                case 18 -> putBits(extra[k], 7);
                default -> {
                }
            }
        }
    }

    private void putBits(int value, int n) {
        bits |= (long) value << bitCount;
        bitCount += n;
        while (bitCount >= 8) {
            out[pos++] = (byte) bits;
            bits >>>= 8;
            bitCount -= 8;
        }
    }

    private void flushToByte() {
        while (bitCount > 0) {
            out[pos++] = (byte) bits;
            bits >>>= 8;
            bitCount = Math.max(0, bitCount - 8);
        }
        bits = 0;
        bitCount = 0;
    }

    private static int reverse(int code, int length) {
        return Integer.reverse(code) >>> (32 - length);
    }
}
