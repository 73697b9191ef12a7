package org.alos2ingest.format.geotiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-side, written from the TIFF 6.0 and BigTIFF specifications and sharing no code with the
 * reader: rewrites any TIFF the sample writer makes as a classic TIFF with Predictor 1, the one
 * form the JDK's TIFF reader takes (it reads no BigTIFF and undoes no 16-bit predictor). The image
 * data stays where it is; a new IFD is appended and the header pointed at it. The JDK then decodes
 * the compression and hands back the stored samples (still differenced, still in stored order), so
 * a test can check what the writer wrote without trusting the reader under test.
 */
final class JdkTiffView {

    /** What the original file declared that the classic copy no longer says. */
    record Original(boolean bigTiff, int predictor) {
    }

    private record Entry(int tag, int type, long count, byte[] value) {
    }

    private JdkTiffView() {
    }

    static Original rewrite(Path tiff, Path classic) throws IOException {
        byte[] all = Files.readAllBytes(tiff);
        ByteBuffer in = ByteBuffer.wrap(all);
        ByteOrder order = all[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        in.order(order);
        boolean big = in.getShort(2) == 43;
        if (!big && in.getShort(2) != 42) {
            throw new IllegalArgumentException("not a TIFF");
        }
        long ifd = big ? in.getLong(8) : in.getInt(4) & 0xffffffffL;
        long n = big ? in.getLong((int) ifd) : in.getShort((int) ifd) & 0xffff;
        int entrySize = big ? 20 : 12;
        int inlineMax = big ? 8 : 4;
        int predictor = 1;
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int at = (int) ifd + (big ? 8 : 2) + i * entrySize;
            int tag = in.getShort(at) & 0xffff;
            int type = in.getShort(at + 2) & 0xffff;
            long count = big ? in.getLong(at + 4) : in.getInt(at + 4) & 0xffffffffL;
            int valueAt = at + (big ? 12 : 8);
            int bytes = (int) (count * typeSize(type));
            int from = bytes <= inlineMax ? valueAt : (int) (big ? in.getLong(valueAt) : in.getInt(valueAt) & 0xffffffffL);
            byte[] value = new byte[bytes];
            in.get(from, value);
            if (type == 16) { // LONG8 -> LONG
                ByteBuffer longs = ByteBuffer.wrap(value).order(order);
                ByteBuffer ints = ByteBuffer.allocate((int) count * 4).order(order);
                for (int k = 0; k < count; k++) {
                    ints.putInt(Math.toIntExact(longs.getLong(8 * k)));
                }
                type = 4;
                value = ints.array();
            }
            if (tag == 317) {
                predictor = ByteBuffer.wrap(value).order(order).getShort(0);
                value = ByteBuffer.allocate(2).order(order).putShort((short) 1).array();
            }
            entries.add(new Entry(tag, type, count, value));
        }

        long newIfd = all.length + (all.length & 1);
        int ifdSize = 2 + 12 * entries.size() + 4;
        ByteBuffer out = ByteBuffer.allocate((int) newIfd + ifdSize + entries.stream().mapToInt(e -> e.value.length + 1).sum()).order(order);
        out.put(all);
        out.put(0, all[0]).put(1, all[1]).putShort(2, (short) 42).putInt(4, (int) newIfd);
        out.position((int) newIfd);
        out.putShort((short) entries.size());
        int valuePos = (int) newIfd + ifdSize;
        for (Entry e : entries) {
            out.putShort((short) e.tag).putShort((short) e.type).putInt((int) e.count);
            if (e.value.length <= 4) {
                out.put(java.util.Arrays.copyOf(e.value, 4));
            } else {
                out.putInt(valuePos);
                out.put(valuePos, e.value);
                valuePos += e.value.length + (e.value.length & 1);
            }
        }
        out.putInt(0);
        Files.write(classic, java.util.Arrays.copyOf(out.array(), valuePos));
        return new Original(big, predictor);
    }

    private static int typeSize(int type) {
        return switch (type) {
            case 1, 2, 6, 7 -> 1;
            case 3, 8 -> 2;
            case 4, 9, 11 -> 4;
            case 5, 10, 12, 16, 17 -> 8;
            default -> throw new IllegalArgumentException("TIFF type " + type);
        };
    }
}
