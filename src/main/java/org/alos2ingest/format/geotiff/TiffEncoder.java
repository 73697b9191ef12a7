package org.alos2ingest.format.geotiff;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * The byte encoding {@link GeoTiffWriter} writes TIFF structure in: tag values, the header, and an
 * image file directory with its out-of-line values, for a classic TIFF or a BigTIFF in either byte
 * order. Knows nothing of where the image data goes.
 */
final class TiffEncoder {

    /** One IFD entry; {@code value} holds its bytes in the encoder's byte order. */
    record Tag(int code, int type, long count, ByteBuffer value) {
    }

    private final ByteOrder order;
    private final boolean big;

    TiffEncoder(ByteOrder order, boolean big) {
        this.order = order;
        this.big = big;
    }

    ByteOrder order() {
        return order;
    }

    int headerSize() {
        return big ? 16 : 8;
    }

    /** Bytes a value may have and still sit in its IFD entry. */
    int inlineMax() {
        return big ? 8 : 4;
    }

    /** Bytes of the IFD itself (entry count, entries, next-IFD offset), without out-of-line values. */
    int ifdSize(int tags) {
        return (big ? 8 : 2) + tags * (big ? 20 : 12) + (big ? 8 : 4);
    }

    /** "II" or "MM", version 42 or 43, and the offset of the first IFD. */
    ByteBuffer header(long ifdOffset) {
        ByteBuffer head = buffer(headerSize());
        byte mark = order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M';
        head.put(mark).put(mark);
        if (big) {
            head.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(ifdOffset);
        } else {
            head.putShort((short) 42).putInt((int) ifdOffset);
        }
        return head.flip();
    }

    /**
     * The IFD at {@code ifdOffset} followed by its out-of-line values (each padded to an even
     * length), in tag order as given (TIFF wants them sorted), no next IFD.
     */
    byte[] directory(List<Tag> tags, long ifdOffset) {
        return directory(tags, ifdOffset, 0);
    }

    /** The same, followed by the IFD at {@code nextIfd} (0: the last). */
    byte[] directory(List<Tag> tags, long ifdOffset, long nextIfd) {
        int ifdSize = ifdSize(tags.size());
        long valuePos = ifdOffset + ifdSize;
        ByteBuffer ifd = buffer(ifdSize);
        ByteArrayOutputStream values = new ByteArrayOutputStream();
        if (big) {
            ifd.putLong(tags.size());
        } else {
            ifd.putShort((short) tags.size());
        }
        for (Tag t : tags) {
            ifd.putShort((short) t.code()).putShort((short) t.type());
            if (big) {
                ifd.putLong(t.count());
            } else {
                ifd.putInt((int) t.count());
            }
            ByteBuffer v = t.value().duplicate().order(order);
            v.rewind();
            byte[] bytes = new byte[v.remaining()];
            v.get(bytes);
            if (bytes.length <= inlineMax()) {
                ifd.put(Arrays.copyOf(bytes, inlineMax()));
            } else {
                long at = valuePos + values.size();
                if (big) {
                    ifd.putLong(at);
                } else {
                    ifd.putInt((int) at);
                }
                values.writeBytes(bytes);
                if ((bytes.length & 1) != 0) {
                    values.write(0);
                }
            }
        }
        if (big) {
            ifd.putLong(nextIfd);
        } else {
            ifd.putInt((int) nextIfd);
        }
        byte[] out = Arrays.copyOf(ifd.array(), ifdSize + values.size());
        System.arraycopy(values.toByteArray(), 0, out, ifdSize, values.size());
        return out;
    }

    Tag shortTag(int code, int v) {
        ByteBuffer b = buffer(2).putShort((short) v);
        return new Tag(code, 3, 1, b.flip());
    }

    Tag longTag(int code, long v) {
        ByteBuffer b = buffer(4).putInt((int) v);
        return new Tag(code, 4, 1, b.flip());
    }

    /** SHORT values (the GeoKey directory). */
    Tag shorts(int code, long... v) {
        ByteBuffer b = buffer(2 * v.length);
        for (long s : v) {
            b.putShort((short) s);
        }
        return new Tag(code, 3, v.length, b.flip());
    }

    /** An ASCII value, NUL-terminated as TIFF wants (one is added when missing). */
    Tag ascii(int code, String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        boolean terminated = bytes.length > 0 && bytes[bytes.length - 1] == 0;
        ByteBuffer b = buffer(bytes.length + (terminated ? 0 : 1)).put(bytes);
        if (!terminated) {
            b.put((byte) 0);
        }
        return new Tag(code, 2, b.capacity(), b.flip());
    }

    Tag doubles(int code, double... v) {
        ByteBuffer b = buffer(8 * v.length);
        for (double d : v) {
            b.putDouble(d);
        }
        return new Tag(code, 12, v.length, b.flip());
    }

    /** Strip or tile offsets or byte counts: LONG in a classic TIFF, LONG8 in a BigTIFF. */
    Tag offsets(int code, long[] values) {
        ByteBuffer b = buffer(values.length * (big ? 8 : 4));
        for (long v : values) {
            if (big) {
                b.putLong(v);
            } else {
                b.putInt((int) v);
            }
        }
        return new Tag(code, big ? 16 : 4, values.length, b.flip());
    }

    /**
     * The GeoKeyDirectory: model type projected (or geographic for EPSG:4326), the raster type
     * (1 PixelIsArea, 2 PixelIsPoint), the EPSG code, and metres as the linear unit.
     */
    Tag geoKeys(int epsg, int rasterType) {
        boolean geographic = epsg == 4326;
        short r = (short) rasterType;
        short[] keys = geographic
                ? new short[] {1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, r, 2048, 0, 1, 4326}
                : new short[] {1, 1, 0, 4, 1024, 0, 1, 1, 1025, 0, 1, r, 3072, 0, 1, (short) epsg, 3076, 0, 1, 9001};
        ByteBuffer b = buffer(keys.length * 2);
        for (short k : keys) {
            b.putShort(k);
        }
        return new Tag(34735, 3, keys.length, b.flip());
    }

    ByteBuffer buffer(int n) {
        return ByteBuffer.allocate(n).order(order);
    }
}
