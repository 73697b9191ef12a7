package org.alos2ingest.util;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Adler32;

/**
 * A zlib stream (TIFF Compression 8, "Adobe Deflate"; a PNG's IDAT) of one dynamic-Huffman Deflate
 * block of literals only, or stored blocks when coding would not pay. Radar amplitude after the horizontal predictor is
 * speckle: string matching finds next to nothing in it (zlib's level 6 makes files 3 % smaller than
 * this) yet costs most of zlib's time, which was five times this coder's. Any Deflate reader decodes
 * the result (RFC 1950/1951). Raw parts of a longer stream ({@link #rawPart}) make zip entries of
 * large images. Not thread-safe; one per thread.
 */
public final class LiteralDeflater {

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
    /** Whether the block being coded ends the stream. */
    private boolean ends;
    private int pos;
    private long bits;
    private int bitCount;

    /** Compresses {@code data[0, length)}; the result is a new array. */
    public byte[] compress(byte[] data, int length) {
        count(data, length);
        return compressCounted(data, length);
    }

    private void count(byte[] data, int length) {
        Arrays.fill(freq, 0);
        for (int i = 0; i < length; i++) {
            freq[data[i] & 0xff]++;
        }
    }

    /**
     * The same, coded by an estimate of the bytes' frequencies that a caller made while it made them
     * (from a sample of the rows, say): {@code counts[b]} for byte value {@code b}. Every value gets a
     * code whatever its estimate, so the stream is right however rough the sample; only its size
     * depends on it.
     */
    public byte[] compress(byte[] data, int length, int[] counts) {
        for (int b = 0; b < 256; b++) {
            freq[b] = Math.max(1, counts[b]);
        }
        return compressCounted(data, length);
    }

    /**
     * Raw Deflate (no zlib header or checksum) of one part of a stream made of many parts, such as a zip
     * entry coded a chunk at a time: the part that is {@code last} ends the stream; any other ends
     * byte-aligned after an empty stored block (a sync flush), so that the parts are simply concatenated.
     */
    public byte[] rawPart(byte[] data, int length, boolean last) {
        count(data, length);
        code(data, length, false, last);
        return Arrays.copyOf(out, pos);
    }

    private byte[] compressCounted(byte[] data, int length) {
        code(data, length, true, true);
        adler.reset();
        adler.update(data, 0, length);
        long a = adler.getValue();
        out[pos++] = (byte) (a >>> 24);
        out[pos++] = (byte) (a >>> 16);
        out[pos++] = (byte) (a >>> 8);
        out[pos++] = (byte) a;
        return Arrays.copyOf(out, pos);
    }

    /** Codes into {@code out[0, pos)}: a Huffman block of literals, or stored blocks when that is smaller. */
    private void code(byte[] data, int length, boolean zlib, boolean last) {
        ends = last;
        freq[END_OF_BLOCK] = 1;
        HuffmanLengths.build(freq, MAX_BITS, lengths);
        long codedBits = 0;
        long counted = 0;
        for (int s = 0; s < 257; s++) {
            codedBits += (long) freq[s] * lengths[s];
            counted += freq[s];
        }
        // the size expected from the counts, scaled to the whole input when they were a sample
        long coded = (long) (codedBits * Math.max(1.0, (double) length / counted)) / 8 + 320;
        long stored = length + 5L * Math.max(1, (length + STORED_MAX - 1) / STORED_MAX);
        // room for the worst an estimate may miss by: every byte coded in the longest code, the header, slack
        int capacity = (int) Math.max(stored, (long) length * MAX_BITS / 8 + 320) + 2 + 4 + 16;
        if (out.length < capacity) {
            out = new byte[capacity];
        }
        int header = zlib ? 2 : 0;
        start(zlib);
        if (coded < stored) {
            writeHuffmanBlock(data, length);
            if (pos - header > stored) {
                // the estimate was wrong and coding did not pay after all
                start(zlib);
                writeStoredBlocks(data, length);
            }
        } else {
            writeStoredBlocks(data, length);
        }
    }

    /** The zlib header, when asked for. CMF: deflate, 32 K window; FLG: fastest, check bits making CMF*256+FLG a multiple of 31. */
    private void start(boolean zlib) {
        pos = 0;
        bits = 0;
        bitCount = 0;
        if (zlib) {
            out[pos++] = 0x78;
            out[pos++] = 0x01;
        }
    }

    private void writeStoredBlocks(byte[] data, int length) {
        int at = 0;
        do {
            int n = Math.min(STORED_MAX, length - at);
            boolean last = ends && at + n == length;
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
        // header: BFINAL, dynamic Huffman (BTYPE 10, sent low bit first)
        putBits((ends ? 1 : 0) | 2 << 1, 3);
        writeCodeLengths();
        long b = bits;
        int n = bitCount;
        byte[] o = out;
        int[] tab = table;
        int p = pos;
        int i = 0;
        // Four bytes per step from one load, as two joined pairs of codes (at most 30 bits each) added
        // to fewer than 32 pending bits. The low 4 bytes are stored after each pair and kept (the
        // position moved past them) only when 32 bits are complete: no branch on the data, which a
        // flush test would be at random on speckle. Measured 1.45x the byte-at-a-time loop.
        for (; i + 3 < length; i += 4) {
            int s = (int) INT_LE.get(data, i);
            int t1 = tab[s & 0xff];
            int t2 = tab[(s >>> 8) & 0xff];
            int t3 = tab[(s >>> 16) & 0xff];
            int t4 = tab[s >>> 24];
            int l1 = t1 >>> 16;
            int l3 = t3 >>> 16;
            long x = (t1 & 0xffff) | (long) (t2 & 0xffff) << l1;
            long y = (t3 & 0xffff) | (long) (t4 & 0xffff) << l3;
            b |= x << n;
            n += l1 + (t2 >>> 16);
            INT_LE.set(o, p, (int) b);
            int full = n >>> 5;
            p += full << 2;
            b >>>= full << 5;
            n -= full << 5;
            b |= y << n;
            n += l3 + (t4 >>> 16);
            INT_LE.set(o, p, (int) b);
            full = n >>> 5;
            p += full << 2;
            b >>>= full << 5;
            n -= full << 5;
        }
        for (; i < length; i++) {
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
        if (!ends) {
            // an empty stored block: the next part starts on a byte
            putBits(0, 3);
            flushToByte();
            out[pos++] = 0;
            out[pos++] = 0;
            out[pos++] = (byte) 0xff;
            out[pos++] = (byte) 0xff;
        }
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
