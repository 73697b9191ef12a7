package org.alos2ingest.format.geotiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The strips or tiles of a TIFF image: where each lies in the file (every one checked to be inside
 * it), how many bytes it decodes to, and their decoding by a {@link Decoder}: uncompressed, Deflate,
 * LZW or PackBits, with the horizontal predictor undone.
 */
final class TiffChunks {

    /** Largest decoded strip or tile this reader will hold in memory at once. */
    private static final long MAX_CHUNK_BYTES = 512L << 20;

    private final TiffSource source;
    private final int width;
    private final int height;
    private final int bytesPerSample;
    private final Compression compression;
    private final boolean predictor;
    private final boolean tiled;
    private final int chunkWidth;
    private final int chunkHeight;
    private final int chunksAcross;
    private final long[] offsets;
    private final long[] byteCounts;

    TiffChunks(TiffDirectory d, TiffSource source, int width, int height, int bytesPerSample, Compression compression, boolean predictor) {
        this.source = source;
        this.width = width;
        this.height = height;
        this.bytesPerSample = bytesPerSample;
        this.compression = compression;
        this.predictor = predictor;
        this.tiled = d.has(TiffTag.TILE_OFFSETS) || d.has(TiffTag.TILE_WIDTH);
        int chunksDown;
        if (tiled) {
            long tw = d.integer(TiffTag.TILE_WIDTH, 0);
            long th = d.integer(TiffTag.TILE_LENGTH, 0);
            if (tw <= 0 || th <= 0 || tw > 1 << 20 || th > 1 << 20) {
                throw source.error("TileWidth x TileLength is " + tw + " x " + th);
            }
            chunkWidth = (int) tw;
            chunkHeight = (int) th;
            chunksAcross = (int) ((width + tw - 1) / tw);
            chunksDown = (int) ((height + th - 1) / th);
        } else {
            long rps = d.integer(TiffTag.ROWS_PER_STRIP, 0xffffffffL);
            if (rps <= 0) {
                throw source.error("RowsPerStrip is " + rps);
            }
            chunkWidth = width;
            chunkHeight = (int) Math.min(rps, height);
            chunksAcross = 1;
            chunksDown = (height + chunkHeight - 1) / chunkHeight;
        }
        long chunks = (long) chunksAcross * chunksDown;
        if ((long) chunkWidth * chunkHeight * bytesPerSample > MAX_CHUNK_BYTES && compression != Compression.NONE) {
            throw source.error("one " + (tiled ? "tile" : "strip") + " decodes to " + (long) chunkWidth * chunkHeight * bytesPerSample
                    + " bytes; compressed chunks larger than " + MAX_CHUNK_BYTES + " bytes are not supported");
        }
        int offsetsTag = tiled ? TiffTag.TILE_OFFSETS : TiffTag.STRIP_OFFSETS;
        int countsTag = tiled ? TiffTag.TILE_BYTE_COUNTS : TiffTag.STRIP_BYTE_COUNTS;
        this.offsets = d.integers(offsetsTag).orElseThrow(() -> source.error("no " + TiffTag.name(offsetsTag) + ": the TIFF has no image data"));
        if (offsets.length < chunks) {
            throw source.error(TiffTag.name(offsetsTag) + " has " + offsets.length + " entries; a " + width + " x " + height + " image in "
                    + (tiled ? chunkWidth + " x " + chunkHeight + " tiles" : chunkHeight + "-row strips") + " needs " + chunks);
        }
        long[] counts = d.integers(countsTag).orElse(null);
        if (counts == null) {
            if (compression != Compression.NONE) {
                throw source.error("no " + TiffTag.name(countsTag) + " for compressed data");
            }
            counts = new long[offsets.length];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = decodedBytes(i);
            }
        }
        if (counts.length < chunks) {
            throw source.error(TiffTag.name(countsTag) + " has " + counts.length + " entries, " + TiffTag.name(offsetsTag) + " " + chunks);
        }
        this.byteCounts = counts;
        for (int i = 0; i < chunks; i++) {
            long need = compression == Compression.NONE ? decodedBytes(i) : byteCounts[i];
            if (compression == Compression.NONE && byteCounts[i] < need) {
                throw source.error((tiled ? "tile " : "strip ") + i + " holds " + byteCounts[i] + " bytes; uncompressed it needs " + need);
            }
            if (need > Integer.MAX_VALUE - 16 && compression != Compression.NONE) {
                throw source.error((tiled ? "tile " : "strip ") + i + " claims " + need + " compressed bytes");
            }
            source.check(offsets[i], need, (tiled ? "tile " : "strip ") + i);
        }
    }

    /** Bytes a chunk decodes to: full tiles always, the last strip only its remaining rows. */
    long decodedBytes(int chunk) {
        if (tiled) {
            return (long) chunkWidth * chunkHeight * bytesPerSample;
        }
        int rows = Math.min(chunkHeight, height - chunk * chunkHeight);
        return (long) rows * width * bytesPerSample;
    }

    /** Whether every chunk starts at or after the one before it in the file. */
    boolean inFileOrder() {
        int n = (int) Math.min(offsets.length, (long) chunksAcross * ((height + chunkHeight - 1) / chunkHeight));
        for (int i = 1; i < n; i++) {
            if (offsets[i] < offsets[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** Uncompressed strips, the one layout whose rows can be read straight from the file. */
    boolean storedStrips() {
        return !tiled && compression == Compression.NONE;
    }

    int chunkWidth() {
        return chunkWidth;
    }

    /** Rows per strip or tile. */
    int chunkHeight() {
        return chunkHeight;
    }

    int chunksAcross() {
        return chunksAcross;
    }

    /** Where a chunk's (stored or compressed) bytes start in the file. */
    long offset(int chunk) {
        return offsets[chunk];
    }

    /** "256 x 256 tiles, Deflate + predictor", for logs. */
    String describe() {
        return (tiled ? chunkWidth + " x " + chunkHeight + " tiles" : chunkHeight + "-row strips") + ", " + compression.label()
                + (predictor ? " + predictor" : "");
    }

    /** A decoder with its own buffers; use one per thread. */
    Decoder decoder() {
        return new Decoder();
    }

    /** Decodes strips or tiles into a buffer it reuses. Not thread-safe. */
    final class Decoder implements AutoCloseable {

        private byte[] compressed = new byte[0];
        private byte[] decoded = new byte[0];
        private Inflater inflater;
        private Lzw lzw;

        private Decoder() {
        }

        /** Frees the native Deflate state at once rather than at garbage collection. */
        @Override
        public void close() {
            if (inflater != null) {
                inflater.end();
                inflater = null;
            }
        }

        /**
         * Decodes one strip or tile, predictor undone; the bytes are valid until the next call,
         * {@link #decodedBytes} of them.
         */
        byte[] decode(int chunk) {
            int size = (int) decodedBytes(chunk);
            if (decoded.length < size) {
                decoded = new byte[size];
            }
            String what = (tiled ? "tile " : "strip ") + chunk;
            int count = (int) Math.min(byteCounts[chunk], compression == Compression.NONE ? size : byteCounts[chunk]);
            if (compressed.length < count) {
                compressed = new byte[count];
            }
            ByteBuffer in = ByteBuffer.wrap(compressed, 0, count);
            source.readInto(offsets[chunk], in, what);
            int produced;
            try {
                produced = switch (compression) {
                    case NONE -> {
                        System.arraycopy(compressed, 0, decoded, 0, size);
                        yield size;
                    }
                    case DEFLATE -> inflate(count, size);
                    case LZW -> {
                        if (lzw == null) {
                            lzw = new Lzw();
                        }
                        yield lzw.decode(compressed, count, trimmed(size));
                    }
                    case PACKBITS -> unpackBits(count, size);
                };
            } catch (DataFormatException | IllegalArgumentException e) {
                throw source.error(offsets[chunk], what + ": corrupt " + compression.label() + " data: " + e.getMessage());
            }
            if (produced < size) {
                throw source.error(offsets[chunk], what + " decodes to " + produced + " bytes, expected " + size);
            }
            if (predictor) {
                undoPredictor(size);
            }
            return decoded;
        }

        private byte[] trimmed(int size) {
            // The LZW decoder writes up to out.length: hand it exactly the chunk's size.
            if (decoded.length != size) {
                decoded = new byte[size];
            }
            return decoded;
        }

        private int inflate(int count, int size) throws DataFormatException {
            if (inflater == null) {
                inflater = new Inflater();
            }
            inflater.reset();
            inflater.setInput(compressed, 0, count);
            int produced = 0;
            while (produced < size) {
                int n = inflater.inflate(decoded, produced, size - produced);
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                produced += n;
            }
            return produced;
        }

        private int unpackBits(int count, int size) {
            int i = 0;
            int o = 0;
            while (i < count && o < size) {
                int h = compressed[i++];
                if (h >= 0) {
                    int n = Math.min(h + 1, Math.min(size - o, count - i));
                    System.arraycopy(compressed, i, decoded, o, n);
                    i += h + 1;
                    o += n;
                } else if (h != -128) {
                    if (i >= count) {
                        break;
                    }
                    byte v = compressed[i++];
                    int n = Math.min(1 - h, size - o);
                    for (int k = 0; k < n; k++) {
                        decoded[o++] = v;
                    }
                }
            }
            return o;
        }

        private void undoPredictor(int size) {
            int rowSamples = chunkWidth;
            int rows = size / (rowSamples * bytesPerSample);
            boolean little = source.order() == ByteOrder.LITTLE_ENDIAN;
            for (int r = 0; r < rows; r++) {
                int p = r * rowSamples * bytesPerSample;
                if (bytesPerSample == 1) {
                    for (int x = 1; x < rowSamples; x++) {
                        decoded[p + x] += decoded[p + x - 1];
                    }
                } else {
                    int prev = sample16(p, little);
                    for (int x = 1; x < rowSamples; x++) {
                        int at = p + 2 * x;
                        int v = (sample16(at, little) + prev) & 0xffff;
                        if (little) {
                            decoded[at] = (byte) v;
                            decoded[at + 1] = (byte) (v >>> 8);
                        } else {
                            decoded[at] = (byte) (v >>> 8);
                            decoded[at + 1] = (byte) v;
                        }
                        prev = v;
                    }
                }
            }
        }

        private int sample16(int at, boolean little) {
            return little ? (decoded[at] & 0xff) | (decoded[at + 1] & 0xff) << 8 : (decoded[at] & 0xff) << 8 | (decoded[at + 1] & 0xff);
        }
    }
}
