package org.alos2ingest.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.junit.jupiter.api.Test;

/** Every stream {@link LiteralDeflater} writes is decoded by zlib (the JDK's Inflater) to the bytes given. */
class LiteralDeflaterTest {

    private final LiteralDeflater deflater = new LiteralDeflater();

    @Test
    void speckleAfterThePredictorRoundTripsAndShrinks() throws DataFormatException {
        SplittableRandom r = new SplittableRandom(7);
        byte[] tile = new byte[512 * 512 * 2];
        int prev = 0;
        for (int i = 0; i < tile.length; i += 2) {
            // Rayleigh amplitude, then horizontal differencing as TIFF Predictor 2 does
            int v = (int) (2000 * Math.sqrt(-2 * Math.log(1 - r.nextDouble())));
            int d = (v - prev) & 0xffff;
            prev = (i / 2) % 512 == 511 ? 0 : v;
            tile[i] = (byte) d;
            tile[i + 1] = (byte) (d >>> 8);
        }
        byte[] z = deflater.compress(tile, tile.length);
        assertArrayEquals(tile, inflate(z, tile.length));
        Deflater zlib = new Deflater(6);
        zlib.setInput(tile);
        zlib.finish();
        byte[] buf = new byte[tile.length + 1024];
        int zlibSize = 0;
        while (!zlib.finished()) {
            zlibSize += zlib.deflate(buf);
        }
        zlib.end();
        assertTrue(z.length < 0.95 * tile.length && z.length < 1.05 * zlibSize,
                "compressed to " + z.length + " of " + tile.length + " (zlib level 6: " + zlibSize + ")");
    }

    @Test
    void constantAndEmptyAndOneByteInputs() throws DataFormatException {
        for (byte[] in : new byte[][] {new byte[512 * 1024], new byte[0], {42}, filled(1000, (byte) 7)}) {
            byte[] z = deflater.compress(in, in.length);
            assertArrayEquals(in, inflate(z, in.length), in.length + " bytes");
        }
        assertTrue(deflater.compress(new byte[512 * 1024], 512 * 1024).length < 70_000, "zeros cost a bit each");
    }

    @Test
    void incompressibleBytesGoInStoredBlocks() throws DataFormatException {
        byte[] in = new byte[200_000];
        new SplittableRandom(1).nextBytes(in);
        byte[] z = deflater.compress(in, in.length);
        assertArrayEquals(in, inflate(z, in.length));
        assertTrue(z.length <= in.length + 6 + 5 * 4, "stored: " + z.length);
    }

    @Test
    void skewedFrequenciesAreLimitedToFifteenBits() throws DataFormatException {
        // Fibonacci frequencies make the optimal code 20+ bits deep
        byte[] in = new byte[200_000];
        int at = 0;
        long a = 1;
        long b = 1;
        for (int s = 0; s < 25 && at < in.length; s++) {
            for (long k = 0; k < a && at < in.length; k++) {
                in[at++] = (byte) s;
            }
            long c = a + b;
            a = b;
            b = c;
        }
        int[] freq = new int[257];
        for (byte x : in) {
            freq[x & 0xff]++;
        }
        freq[256] = 1;
        int[] lengths = new int[257];
        HuffmanLengths.build(freq, 15, lengths);
        assertTrue(Arrays.stream(lengths).max().orElseThrow() <= 15, Arrays.toString(lengths));
        assertArrayEquals(in, inflate(deflater.compress(in, in.length), in.length));
    }

    /** Counts from a sample only shape the code: a wrong estimate still decodes, and never costs more than storing. */
    @Test
    void estimatedCountsThatAreWrongStillDecode() throws DataFormatException {
        byte[] random = new byte[300_000];
        new SplittableRandom(11).nextBytes(random);
        int[] onlyZeros = new int[256];
        onlyZeros[0] = 1_000_000;
        byte[] z = deflater.compress(random, random.length, onlyZeros);
        assertArrayEquals(random, inflate(z, random.length));
        assertTrue(z.length <= random.length + 6 + 5 * 5, "fell back to stored blocks: " + z.length);

        byte[] skewed = new byte[300_000];
        for (int i = 0; i < skewed.length; i++) {
            skewed[i] = (byte) (i % 7 == 0 ? i : 3);
        }
        int[] uniform = new int[256];
        Arrays.fill(uniform, 10);
        byte[] y = deflater.compress(skewed, skewed.length, uniform);
        assertArrayEquals(skewed, inflate(y, skewed.length));
    }

    @Test
    void reusedAcrossInputsOfDifferentSizes() throws DataFormatException {
        SplittableRandom r = new SplittableRandom(3);
        for (int n : new int[] {100_000, 10, 600_000, 3}) {
            byte[] in = new byte[n];
            for (int i = 0; i < n; i++) {
                in[i] = (byte) (r.nextInt(40) * r.nextInt(3));
            }
            assertArrayEquals(in, inflate(deflater.compress(in, n), n));
        }
    }

    /**
     * Raw parts concatenate into one Deflate stream that ends with the last part and not before:
     * coded parts, a stored part (random bytes), an empty last part and a one-part stream.
     */
    @Test
    void rawPartsMakeOneStream() throws DataFormatException {
        SplittableRandom r = new SplittableRandom(5);
        byte[] speckle = new byte[300_000];
        for (int i = 0; i < speckle.length; i++) {
            speckle[i] = (byte) (i % 2 == 0 ? r.nextInt(256) : r.nextInt(12));
        }
        byte[] random = new byte[100_000];
        r.nextBytes(random);
        byte[][] parts = {speckle, random, Arrays.copyOf(speckle, 70_001), new byte[0]};
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
        for (int k = 0; k < parts.length; k++) {
            byte[] z = deflater.rawPart(parts[k], parts[k].length, k == parts.length - 1);
            raw.writeBytes(z);
            plain.writeBytes(parts[k]);
            if (k < parts.length - 1) {
                // a part that does not end the stream ends with an empty stored block, or is stored itself
                boolean sync = z.length >= 4 && Arrays.equals(Arrays.copyOfRange(z, z.length - 4, z.length), new byte[] {0, 0, -1, -1});
                assertTrue(sync || parts[k] == random, "part " + k + " ends aligned");
            }
        }
        assertArrayEquals(plain.toByteArray(), inflateRaw(raw.toByteArray(), plain.size()));
        byte[] whole = deflater.rawPart(speckle, speckle.length, true);
        assertArrayEquals(speckle, inflateRaw(whole, speckle.length));
        assertTrue(whole.length < 0.9 * speckle.length, "coded, not stored: " + whole.length + " of " + speckle.length);
        // a stream without its last part is not finished
        byte[] open = deflater.rawPart(speckle, speckle.length, false);
        Inflater inf = new Inflater(true);
        inf.setInput(open);
        byte[] out = new byte[speckle.length + 1];
        int n = 0;
        int k;
        while ((k = inf.inflate(out, n, out.length - n)) > 0) {
            n += k;
        }
        assertEquals(speckle.length, n);
        assertTrue(!inf.finished(), "a part that is not last leaves the stream open");
        inf.end();
    }

    private static byte[] inflateRaw(byte[] z, int expected) throws DataFormatException {
        return inflate(new Inflater(true), z, expected);
    }

    private static byte[] filled(int n, byte v) {
        byte[] b = new byte[n];
        Arrays.fill(b, v);
        return b;
    }

    static byte[] inflate(byte[] z, int expected) throws DataFormatException {
        return inflate(new Inflater(), z, expected);
    }

    private static byte[] inflate(Inflater inf, byte[] z, int expected) throws DataFormatException {
        try {
            inf.setInput(z);
            byte[] out = new byte[expected + 1];
            int n = 0;
            while (!inf.finished()) {
                int k = inf.inflate(out, n, out.length - n);
                if (k == 0 && !inf.finished() && (inf.needsInput() || inf.needsDictionary())) {
                    throw new DataFormatException("stream ends early after " + n + " bytes");
                }
                n += k;
            }
            assertEquals(0, inf.getRemaining(), "bytes after the stream");
            return Arrays.copyOf(out, n);
        } finally {
            inf.end();
        }
    }
}
