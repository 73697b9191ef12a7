package org.alos2ingest.format.ceos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CEOS image file ({@code IMG-<pol>-...}), of which only the file descriptor and the prefixes of
 * the first and last image records are read: a 6.7 GB Level 1.1 image costs three positional reads
 * of less than a kilobyte each. Record {@code k} (0-based) starts at
 * {@code descriptorLength + k * recordLength}; the file's size must agree with that.
 */
public final class ImageFile {

    /** Sane bounds for a PALSAR-2 image: no line is longer than this, and no image has more lines. */
    static final long MAX_RECORD_LENGTH = 64L << 20;
    static final long MAX_LINES = 10_000_000L;

    /** What each line's prefix holds. */
    public enum Kind {
        /** Level 1.1: 544-byte signal data prefix, complex float samples. */
        SIGNAL,
        /** Level 1.5 / 3.1: 192-byte processed data prefix, 16-bit amplitude samples. */
        PROCESSED
    }

    private final Path file;
    private final long size;
    private final ImageFileDescriptor descriptor;
    private final Kind kind;
    private final CeosRecord first;
    private final CeosRecord last;
    private final List<String> notes;

    private ImageFile(Path file, long size, ImageFileDescriptor descriptor, Kind kind, CeosRecord first, CeosRecord last, List<String> notes) {
        this.file = file;
        this.size = size;
        this.descriptor = descriptor;
        this.kind = kind;
        this.first = first;
        this.last = last;
        this.notes = List.copyOf(notes);
    }

    /**
     * @throws CeosFormatException for a wrong descriptor, a record length or count that does not
     *                             fit the file, or first/last records of the wrong type or number
     */
    public static ImageFile read(Path file, ReadCounter counter) {
        try (CeosFile f = CeosFile.open(file, counter)) {
            Preamble fp = f.preamble(0, 1 << 16);
            f.expect(0, fp, ImageFileDescriptor.LAYOUT);
            ImageFileDescriptor fdr = new ImageFileDescriptor(f.readBody(0, fp, ImageFileDescriptor.LAYOUT));
            CeosRecord d = fdr.record();
            long n = fdr.records();
            long recordLength = fdr.recordLength();
            long prefix = fdr.prefixBytes();
            if (n < 1 || n > MAX_LINES) {
                throw d.error(ImageFileDescriptor.RECORDS, 0, "says " + n + " image records; expected 1 to " + MAX_LINES);
            }
            Kind kind;
            RecordLayout layout;
            if (prefix == SignalDataRecord.PREFIX_LENGTH) {
                kind = Kind.SIGNAL;
                layout = SignalDataRecord.LAYOUT;
            } else if (prefix == ProcessedDataRecord.PREFIX_LENGTH) {
                kind = Kind.PROCESSED;
                layout = ProcessedDataRecord.LAYOUT;
            } else {
                throw d.error(ImageFileDescriptor.PREFIX_BYTES, 0, "says " + prefix + " prefix bytes per line; expected "
                        + SignalDataRecord.PREFIX_LENGTH + " (Level 1.1) or " + ProcessedDataRecord.PREFIX_LENGTH + " (Level 1.5)");
            }
            long pixels = fdr.pixels();
            long bpp = fdr.bytesPerPixel();
            if (recordLength < prefix || recordLength > MAX_RECORD_LENGTH) {
                throw d.error(ImageFileDescriptor.RECORD_LENGTH, 0, "says " + recordLength + " bytes per record; expected "
                        + prefix + " to " + MAX_RECORD_LENGTH);
            }
            if (pixels < 1 || bpp < 1 || prefix + pixels * bpp > recordLength) {
                throw d.error(ImageFileDescriptor.PIXELS, 0, "says " + pixels + " pixels of " + bpp + " bytes per line, which do not fit a "
                        + recordLength + "-byte record after its " + prefix + "-byte prefix");
            }
            long start = fp.length();
            long needed = start + n * recordLength;
            List<String> notes = new ArrayList<>();
            if (f.size() < needed) {
                throw new CeosFormatException(file, f.size(), "the file ends here, but its descriptor announces " + n + " records of "
                        + recordLength + " bytes after " + start + " bytes, " + needed + " bytes in all (truncated image file?)");
            }
            if (f.size() > needed) {
                notes.add((f.size() - needed) + " bytes after the last of the " + n + " records the descriptor announces");
            }
            CeosRecord firstRecord = line(f, start, recordLength, layout, prefix, -1);
            // Lines are numbered from 1; whatever the first says, the last must be n - 1 further on.
            long firstNumber = firstRecord.binary(SignalDataRecord.LINE_NUMBER);
            if (firstNumber != 0 && firstNumber != 1) {
                throw firstRecord.error(SignalDataRecord.LINE_NUMBER, 0, "says line " + firstNumber + " for the first line of the file");
            }
            CeosRecord lastRecord = n == 1 ? firstRecord
                    : line(f, start + (n - 1) * recordLength, recordLength, layout, prefix, firstNumber + n - 1);
            return new ImageFile(file, f.size(), fdr, kind, firstRecord, lastRecord, notes);
        }
    }

    private static CeosRecord line(CeosFile f, long offset, long recordLength, RecordLayout layout, long prefix, long lineNumber) {
        Preamble p = f.preamble(offset, MAX_RECORD_LENGTH);
        boolean imageRecord = p.code().subtype1() == layout.code().subtype1() && p.code().type() == layout.code().type();
        if (!imageRecord) {
            throw new CeosFormatException(f.path(), offset + 4, "expected a " + layout.name() + " record (type " + layout.code()
                    + ") for " + (lineNumber < 0 ? "the first line" : "line " + lineNumber) + ", found type " + p.code());
        }
        if (p.length() != recordLength) {
            throw new CeosFormatException(f.path(), offset + 8, (lineNumber < 0 ? "the first line" : "line " + lineNumber) + " is "
                    + p.length() + " bytes long, but the file descriptor says " + recordLength);
        }
        CeosRecord r = f.readPrefix(offset, p, layout, (int) prefix);
        long number = r.binary(SignalDataRecord.LINE_NUMBER);
        if (lineNumber >= 0 && number != lineNumber) {
            throw r.error(SignalDataRecord.LINE_NUMBER, 0, "says line " + number + " where line " + lineNumber
                    + " must be (record length or count is wrong)");
        }
        return r;
    }

    public Path file() {
        return file;
    }

    public long size() {
        return size;
    }

    public ImageFileDescriptor descriptor() {
        return descriptor;
    }

    public Kind kind() {
        return kind;
    }

    public long lines() {
        return descriptor.records();
    }

    public long pixels() {
        return descriptor.pixels();
    }

    public CeosRecord firstRecord() {
        return first;
    }

    public CeosRecord lastRecord() {
        return last;
    }

    /** The first line's signal data prefix (Level 1.1). */
    public Optional<SignalDataRecord> firstSignal() {
        return kind == Kind.SIGNAL ? Optional.of(new SignalDataRecord(first)) : Optional.empty();
    }

    public Optional<SignalDataRecord> lastSignal() {
        return kind == Kind.SIGNAL ? Optional.of(new SignalDataRecord(last)) : Optional.empty();
    }

    public Optional<ProcessedDataRecord> firstProcessed() {
        return kind == Kind.PROCESSED ? Optional.of(new ProcessedDataRecord(first)) : Optional.empty();
    }

    public Optional<ProcessedDataRecord> lastProcessed() {
        return kind == Kind.PROCESSED ? Optional.of(new ProcessedDataRecord(last)) : Optional.empty();
    }

    public List<String> notes() {
        return notes;
    }
}
