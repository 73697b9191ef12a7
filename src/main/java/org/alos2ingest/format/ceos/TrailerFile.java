package org.alos2ingest.format.ceos;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SAR trailer file ({@code TRL-...}, alos2-formats.md 3.4): a file descriptor that lists the
 * low-resolution images (quick-looks) following it, each stored as raw big-endian samples without a
 * record preamble (in the real fixture one 804 x 822 uint16 image starting at byte 720).
 */
public final class TrailerFile {

    public static final Field QUICK_LOOKS = Field.integer("number_of_low_resolution_images", 491, 6);
    public static final Field QUICK_LOOK_LENGTH = Field.integer("low_resolution_image_record_length", 497, 8).timesCountOf(QUICK_LOOKS, 26, 16);
    public static final Field QUICK_LOOK_PIXELS = Field.integer("low_resolution_image_pixels", 505, 6).timesCountOf(QUICK_LOOKS, 26, 16);
    public static final Field QUICK_LOOK_LINES = Field.integer("low_resolution_image_lines", 511, 6).timesCountOf(QUICK_LOOKS, 26, 16);
    public static final Field QUICK_LOOK_BYTES = Field.integer("low_resolution_image_bytes_per_sample", 517, 6).timesCountOf(QUICK_LOOKS, 26, 16);

    public static final RecordLayout DESCRIPTOR_LAYOUT = RecordLayout.of("trailer file descriptor", RecordCode.TRAILER_FILE_DESCRIPTOR,
            FileDescriptorFields.with(QUICK_LOOKS, QUICK_LOOK_LENGTH, QUICK_LOOK_PIXELS, QUICK_LOOK_LINES, QUICK_LOOK_BYTES));

    /** Quick-looks are about 800 x 800 (804 x 822 in the real fixture); anything far larger is not one. */
    static final long MAX_SIDE = 8192;
    static final long MAX_SAMPLES = 16L << 20;

    /** Where one quick-look's samples lie in the file, and their shape. */
    public record QuickLookEntry(long offset, int width, int height, int bytesPerSample) {
    }

    /** A decoded quick-look: {@code width * height} unsigned samples, row by row. */
    public record QuickLook(int width, int height, int[] samples) {
    }

    private final Path file;
    private final CeosRecord descriptor;
    private final List<QuickLookEntry> quickLooks;

    private TrailerFile(Path file, CeosRecord descriptor, List<QuickLookEntry> quickLooks) {
        this.file = file;
        this.descriptor = descriptor;
        this.quickLooks = List.copyOf(quickLooks);
    }

    public static TrailerFile read(Path file, ReadCounter counter) {
        try (CeosFile f = CeosFile.open(file, counter)) {
            Preamble p = f.preamble(0, 1 << 16);
            f.expect(0, p, DESCRIPTOR_LAYOUT);
            CeosRecord d = f.readBody(0, p, DESCRIPTOR_LAYOUT);
            int n = d.count(QUICK_LOOK_LENGTH);
            List<QuickLookEntry> entries = new ArrayList<>();
            long at = p.length();
            for (int i = 0; i < n; i++) {
                long length = d.integer(QUICK_LOOK_LENGTH, i).orElse(0L);
                long w = d.integer(QUICK_LOOK_PIXELS, i).orElse(0L);
                long h = d.integer(QUICK_LOOK_LINES, i).orElse(0L);
                long b = d.integer(QUICK_LOOK_BYTES, i).orElse(0L);
                if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE || w * h > MAX_SAMPLES || (b != 1 && b != 2) || length != w * h * b) {
                    throw d.error(QUICK_LOOK_LENGTH, i, "describes quick-look " + (i + 1) + " as " + w + " x " + h + " samples of " + b
                            + " bytes in " + length + " bytes, which is not a quick-look");
                }
                if (at + length > f.size()) {
                    throw new CeosFormatException(file, f.size(), "the file ends here, but quick-look " + (i + 1) + " needs bytes "
                            + at + " to " + (at + length));
                }
                entries.add(new QuickLookEntry(at, (int) w, (int) h, (int) b));
                at += length;
            }
            return new TrailerFile(file, d, entries);
        }
    }

    public Path file() {
        return file;
    }

    public CeosRecord descriptor() {
        return descriptor;
    }

    public List<QuickLookEntry> quickLooks() {
        return quickLooks;
    }

    /** Reads quick-look {@code index} (this is the only part of the trailer that reads image data). */
    public QuickLook quickLook(int index, ReadCounter counter) {
        QuickLookEntry e = quickLooks.get(index);
        try (CeosFile f = CeosFile.open(file, counter)) {
            ByteBuffer b = f.read(e.offset(), e.width() * e.height() * e.bytesPerSample(), "quick-look " + (index + 1));
            int[] samples = new int[e.width() * e.height()];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = e.bytesPerSample() == 2 ? b.getShort() & 0xffff : b.get() & 0xff;
            }
            return new QuickLook(e.width(), e.height(), samples);
        }
    }
}
