package org.alos2ingest.util;

import java.util.Arrays;

/** Huffman code lengths no longer than Deflate allows, and their canonical codes (RFC 1951, 3.2.2). */
public final class HuffmanLengths {

    private HuffmanLengths() {
    }

    /**
     * Fills {@code lengths} with a prefix code for the symbols of non-zero frequency, none longer than
     * {@code maxBits}. A lone symbol gets one bit (a decoder needs at least one bit to read). When the
     * optimal code is too deep, frequencies are halved until it is not: rare symbols lose a little, a
     * block of hundreds of kilobytes nothing measurable.
     */
    public static void build(int[] freq, int maxBits, int[] lengths) {
        int n = freq.length;
        long[] f = new long[n];
        for (int i = 0; i < n; i++) {
            f[i] = freq[i];
        }
        while (true) {
            Arrays.fill(lengths, 0);
            int deepest = depths(f, lengths);
            if (deepest <= maxBits) {
                return;
            }
            for (int i = 0; i < n; i++) {
                if (f[i] > 0) {
                    f[i] = (f[i] + 1) >> 1;
                }
            }
        }
    }

    /** Optimal (unlimited) Huffman code lengths by the two-queue method; returns the deepest. */
    private static int depths(long[] f, int[] lengths) {
        int n = f.length;
        int used = 0;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            if (f[i] > 0) {
                // frequency in the high bits, symbol in the low 16: sorting orders by frequency
                keys[used++] = f[i] << 16 | i;
            }
        }
        if (used == 0) {
            return 0;
        }
        if (used == 1) {
            lengths[(int) (keys[0] & 0xffff)] = 1;
            return 1;
        }
        Arrays.sort(keys, 0, used);
        // nodes 0..used-1 are leaves (in frequency order), then internal nodes in creation order
        long[] weight = new long[2 * used - 1];
        int[] parent = new int[2 * used - 1];
        for (int i = 0; i < used; i++) {
            weight[i] = keys[i] >>> 16;
        }
        int leaf = 0;
        int inner = used;
        int next = used;
        while (next < 2 * used - 1) {
            int a = (leaf < used && (inner >= next || weight[leaf] <= weight[inner])) ? leaf++ : inner++;
            int b = (leaf < used && (inner >= next || weight[leaf] <= weight[inner])) ? leaf++ : inner++;
            weight[next] = weight[a] + weight[b];
            parent[a] = next;
            parent[b] = next;
            next++;
        }
        int[] depth = new int[2 * used - 1];
        int deepest = 0;
        for (int i = 2 * used - 3; i >= 0; i--) {
            depth[i] = depth[parent[i]] + 1;
        }
        for (int i = 0; i < used; i++) {
            lengths[(int) (keys[i] & 0xffff)] = depth[i];
            deepest = Math.max(deepest, depth[i]);
        }
        return deepest;
    }

    /** The canonical code of each symbol of non-zero length, most significant bit first. */
    public static int[] canonicalCodes(int[] lengths, int maxBits) {
        int[] count = new int[maxBits + 1];
        for (int l : lengths) {
            count[l]++;
        }
        count[0] = 0;
        int[] next = new int[maxBits + 2];
        int code = 0;
        for (int bits = 1; bits <= maxBits; bits++) {
            code = (code + count[bits - 1]) << 1;
            next[bits] = code;
        }
        int[] codes = new int[lengths.length];
        for (int s = 0; s < lengths.length; s++) {
            if (lengths[s] != 0) {
                codes[s] = next[lengths[s]]++;
            }
        }
        return codes;
    }
}
