package org.alos2ingest.format.ceos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The volume directory file ({@code VOL-...}): a volume descriptor, one file pointer per leader,
 * image and trailer file, and a text record naming the product and where and when it was made.
 */
public final class VolumeDirectory {

    private final Path file;
    private final List<CeosRecord> records;

    private VolumeDirectory(Path file, List<CeosRecord> records) {
        this.file = file;
        this.records = List.copyOf(records);
    }

    public static VolumeDirectory read(Path file, ReadCounter counter) {
        try (CeosFile f = CeosFile.open(file, counter)) {
            List<CeosFile.Header> headers = f.walk();
            List<CeosRecord> records = new ArrayList<>();
            for (int i = 0; i < headers.size(); i++) {
                CeosFile.Header h = headers.get(i);
                RecordLayout layout = layoutFor(h.preamble().code());
                if (i == 0 && layout != VolumeDescriptor.LAYOUT || i > 0 && (layout == null || layout == VolumeDescriptor.LAYOUT)) {
                    throw new CeosFormatException(file, h.offset() + 4, (i == 0 ? "expected a volume descriptor record (type "
                            + RecordCode.VOLUME_DESCRIPTOR + ")" : "expected a file pointer (" + RecordCode.FILE_POINTER + ") or text record ("
                            + RecordCode.TEXT + ")") + ", found type " + h.preamble().code());
                }
                records.add(f.readBody(h.offset(), h.preamble(), layout));
            }
            return new VolumeDirectory(file, records);
        }
    }

    private static RecordLayout layoutFor(RecordCode code) {
        if (code.equals(RecordCode.VOLUME_DESCRIPTOR)) {
            return VolumeDescriptor.LAYOUT;
        }
        if (code.equals(RecordCode.FILE_POINTER)) {
            return FilePointer.LAYOUT;
        }
        if (code.equals(RecordCode.TEXT)) {
            return TextRecord.LAYOUT;
        }
        return null;
    }

    public Path file() {
        return file;
    }

    public List<CeosRecord> records() {
        return records;
    }

    public List<CeosRecord> filePointers() {
        return records.stream().filter(r -> r.layout() == FilePointer.LAYOUT).toList();
    }

    public Optional<CeosRecord> text() {
        return records.stream().filter(r -> r.layout() == TextRecord.LAYOUT).findFirst();
    }
}
