package org.alos2ingest.format.geotiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One image file directory (IFD) of a classic TIFF or a BigTIFF, either byte order: each entry's
 * type and count, with its values read on demand. Every count and offset is checked against the
 * file's size before it is trusted. {@link #readFirst} reads the first IFD, {@link #readChain} every
 * IFD the next-IFD links reach (full image, overviews, masks).
 */
final class TiffDirectory {

    /** Most IFDs one chain may hold: a COG with masks has two per level, and 20 levels reach a 2^29-pixel image. */
    static final int MAX_IFDS = 64;

    /** Most entries one IFD may hold; real GeoTIFFs have about 20. */
    private static final int MAX_ENTRIES = 4096;
    /** Most values one tag may hold (a chunk table of a very large, finely tiled image stays far below). */
    private static final long MAX_VALUES = 64L << 20;

    /** @param at where the entry itself lies, for errors about a value held inline */
    private record Entry(int tag, int type, long count, long valueOffset, byte[] inline, long at) {

        long where() {
            return inline != null ? at : valueOffset;
        }
    }

    private final TiffSource source;
    private final boolean bigTiff;
    private final long offset;
    private final Map<Integer, Entry> entries = new HashMap<>();
    private long entryCount;

    private TiffDirectory(TiffSource source, boolean bigTiff, long offset) {
        this.source = source;
        this.bigTiff = bigTiff;
        this.offset = offset;
    }

    /** Reads the header and the first IFD; the source's byte order is set from the header. */
    static TiffDirectory readFirst(TiffSource source) {
        Header h = header(source);
        TiffDirectory d = new TiffDirectory(source, h.bigTiff, h.firstIfd);
        d.parse();
        return d;
    }

    /**
     * Reads the header and every IFD from the first along the next-IFD links, in file order. A link
     * back to an IFD already read, or a chain longer than {@link #MAX_IFDS}, is an error: a hostile
     * file could otherwise keep a reader busy for ever.
     */
    static List<TiffDirectory> readChain(TiffSource source) {
        List<TiffDirectory> chain = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        TiffDirectory d = readFirst(source);
        while (true) {
            seen.add(d.offset);
            chain.add(d);
            long next = d.nextOffset();
            if (next == 0) {
                return chain;
            }
            if (seen.contains(next)) {
                throw source.error(d.nextOffsetPosition(), "the IFD at offset " + d.offset + " links back to the IFD at offset " + next + " (an IFD loop)");
            }
            if (chain.size() == MAX_IFDS) {
                throw source.error(d.nextOffsetPosition(), "more than " + MAX_IFDS + " IFDs chained: corrupt or not an image file");
            }
            d = new TiffDirectory(source, d.bigTiff, next);
            d.parse();
        }
    }

    /** Whether the file is a BigTIFF and where its first IFD lies. */
    record Header(boolean bigTiff, long firstIfd) {
    }

    /** Reads the header; the source's byte order is set from it. */
    static Header header(TiffSource source) {
        if (source.size() < 8) {
            throw source.error(0, "too short for a TIFF header (" + source.size() + " bytes)");
        }
        ByteBuffer h = source.read(0, (int) Math.min(16, source.size()), "TIFF header");
        byte b0 = h.get(0);
        byte b1 = h.get(1);
        ByteOrder order;
        if (b0 == 'I' && b1 == 'I') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (b0 == 'M' && b1 == 'M') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw source.error(0, "not a TIFF file: byte order mark is neither II nor MM");
        }
        source.order(order);
        h.order(order);
        int magic = h.getShort(2) & 0xffff;
        long ifd;
        boolean big;
        if (magic == 42) {
            big = false;
            ifd = h.getInt(4) & 0xffffffffL;
        } else if (magic == 43) {
            big = true;
            if (h.limit() < 16) {
                throw source.error(0, "too short for a BigTIFF header (" + source.size() + " bytes)");
            }
            int offsetSize = h.getShort(4) & 0xffff;
            if (offsetSize != 8 || h.getShort(6) != 0) {
                throw source.error(4, "BigTIFF header declares " + offsetSize + "-byte offsets (only 8 is defined)");
            }
            ifd = h.getLong(8);
        } else {
            throw source.error(2, "not a TIFF file: version " + magic + " (42 is TIFF, 43 is BigTIFF)");
        }
        if (ifd == 0) {
            throw source.error(big ? 8 : 4, "the TIFF holds no image (first IFD offset is 0)");
        }
        return new Header(big, ifd);
    }

    boolean isBigTiff() {
        return bigTiff;
    }

    /** Where this IFD starts in the file. */
    long offset() {
        return offset;
    }

    /**
     * The offset of the next IFD, 0 for the last. Read only when asked, so that a reader of the first
     * IFD alone accepts a file cut right after that IFD's entries, as it always has.
     */
    long nextOffset() {
        long at = nextOffsetPosition();
        ByteBuffer b = source.read(at, bigTiff ? 8 : 4, "next-IFD offset");
        long next = bigTiff ? b.getLong(0) : b.getInt(0) & 0xffffffffL;
        if (next < 0) {
            throw source.error(at, "next-IFD offset " + Long.toUnsignedString(next) + " is beyond any file");
        }
        return next;
    }

    private long nextOffsetPosition() {
        return offset + (bigTiff ? 8 : 2) + entryCount * (bigTiff ? 20L : 12L);
    }

    private void parse() {
        int countSize = bigTiff ? 8 : 2;
        int entrySize = bigTiff ? 20 : 12;
        ByteBuffer c = source.read(offset, countSize, "IFD entry count");
        long n = bigTiff ? c.getLong(0) : c.getShort(0) & 0xffff;
        if (n <= 0 || n > MAX_ENTRIES) {
            throw source.error(offset, "IFD claims " + n + " entries (expected 1.." + MAX_ENTRIES + ")");
        }
        entryCount = n;
        ByteBuffer b = source.read(offset + countSize, (int) n * entrySize, "IFD entries");
        int inlineSize = bigTiff ? 8 : 4;
        for (int i = 0; i < n; i++) {
            int at = i * entrySize;
            int tag = b.getShort(at) & 0xffff;
            int type = b.getShort(at + 2) & 0xffff;
            long count = bigTiff ? b.getLong(at + 4) : b.getInt(at + 4) & 0xffffffffL;
            int valueAt = at + (bigTiff ? 12 : 8);
            int size = typeSize(type);
            if (size == 0) {
                // Unknown types must be skipped, not fatal (TIFF 6.0, section 2).
                continue;
            }
            if (count < 0 || count > MAX_VALUES) {
                throw source.error(offset + countSize + at, TiffTag.name(tag) + " claims " + count + " values");
            }
            long bytes = count * size;
            if (bytes <= inlineSize) {
                byte[] inline = new byte[(int) bytes];
                b.get(valueAt, inline);
                entries.put(tag, new Entry(tag, type, count, -1, inline, offset + countSize + at));
            } else {
                long valueOffset = bigTiff ? b.getLong(valueAt) : b.getInt(valueAt) & 0xffffffffL;
                source.check(valueOffset, bytes, TiffTag.name(tag) + " values");
                entries.put(tag, new Entry(tag, type, count, valueOffset, null, offset + countSize + at));
            }
        }
    }

    boolean has(int tag) {
        return entries.containsKey(tag);
    }

    long count(int tag) {
        Entry e = entries.get(tag);
        return e == null ? 0 : e.count;
    }

    /** The values of an integer tag (BYTE, SHORT, LONG, LONG8 and their signed forms), as longs. */
    Optional<long[]> integers(int tag) {
        return integers(tag, Integer.MAX_VALUE);
    }

    /**
     * The first {@code limit} values of an integer tag (all when it has fewer): a table longer than
     * the image needs costs no more than the entries used.
     */
    Optional<long[]> integers(int tag, int limit) {
        Entry e = entries.get(tag);
        if (e == null) {
            return Optional.empty();
        }
        int n = (int) Math.min(e.count, limit);
        ByteBuffer v = values(e, n);
        long[] out = new long[n];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (e.type) {
                case 1, 7 -> v.get(i) & 0xff;
                case 6 -> v.get(i);
                case 3 -> v.getShort(2 * i) & 0xffff;
                case 8 -> v.getShort(2 * i);
                case 4, 13 -> v.getInt(4 * i) & 0xffffffffL;
                case 9 -> v.getInt(4 * i);
                case 16, 17, 18 -> v.getLong(8 * i);
                default -> throw source.error(e.where(), TiffTag.name(tag) + " has type " + e.type + ", expected an integer type");
            };
            if ((e.type == 16 || e.type == 18) && out[i] < 0) {
                throw source.error(e.where(), TiffTag.name(tag) + " value " + Long.toUnsignedString(out[i]) + " is beyond any file");
            }
        }
        return Optional.of(out);
    }

    /** One integer value; the tag's default when absent. */
    long integer(int tag, long defaultValue) {
        Optional<long[]> v = integers(tag);
        if (v.isEmpty()) {
            return defaultValue;
        }
        if (v.get().length == 0) {
            throw source.error(offset, TiffTag.name(tag) + " has no value");
        }
        return v.get()[0];
    }

    /** Values of a real-valued tag (DOUBLE, FLOAT, RATIONAL, or integers). */
    Optional<double[]> reals(int tag) {
        Entry e = entries.get(tag);
        if (e == null) {
            return Optional.empty();
        }
        if (e.type != 5 && e.type != 10 && e.type != 11 && e.type != 12) {
            long[] ints = integers(tag).orElseThrow();
            double[] out = new double[ints.length];
            for (int i = 0; i < ints.length; i++) {
                out[i] = ints[i];
            }
            return Optional.of(out);
        }
        ByteBuffer v = values(e, e.count);
        double[] out = new double[(int) e.count];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (e.type) {
                case 12 -> v.getDouble(8 * i);
                case 11 -> v.getFloat(4 * i);
                case 5 -> (v.getInt(8 * i) & 0xffffffffL) / (double) (v.getInt(8 * i + 4) & 0xffffffffL);
                default -> v.getInt(8 * i) / (double) v.getInt(8 * i + 4);
            };
        }
        return Optional.of(out);
    }

    Optional<String> ascii(int tag) {
        Entry e = entries.get(tag);
        if (e == null) {
            return Optional.empty();
        }
        ByteBuffer v = values(e, e.count);
        byte[] bytes = new byte[(int) e.count];
        v.get(0, bytes);
        return Optional.of(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** The bytes of an entry's first {@code n} values. */
    private ByteBuffer values(Entry e, long n) {
        if (e.inline != null) {
            return ByteBuffer.wrap(e.inline).order(source.order());
        }
        long bytes = n * typeSize(e.type);
        if (bytes > Integer.MAX_VALUE) {
            throw source.error(e.valueOffset, TiffTag.name(e.tag) + " holds " + bytes + " bytes of values");
        }
        return source.read(e.valueOffset, (int) bytes, TiffTag.name(e.tag) + " values");
    }

    private static int typeSize(int type) {
        return switch (type) {
            case 1, 2, 6, 7 -> 1;
            case 3, 8 -> 2;
            case 4, 9, 11, 13 -> 4;
            case 5, 10, 12, 16, 17, 18 -> 8;
            default -> 0;
        };
    }
}
