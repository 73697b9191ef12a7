package org.alos2ingest.format.ceos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SAR leader file ({@code LED-...}), read by walking its record preambles: no record order or
 * count is assumed (the map projection record, for one, is absent from Level 1.1 leaders). The
 * dataset summary and platform position records are required; the others are kept when present.
 * Facility records 1-4 are identified but not read.
 */
public final class LeaderFile {

    private final Path file;
    private final LeaderFileDescriptor descriptor;
    private final List<CeosRecord> records;
    private final DatasetSummaryRecord summary;
    private final PlatformPositionRecord platformPosition;
    private final List<String> notes;

    private LeaderFile(Path file, LeaderFileDescriptor descriptor, List<CeosRecord> records, DatasetSummaryRecord summary,
                       PlatformPositionRecord platformPosition, List<String> notes) {
        this.file = file;
        this.descriptor = descriptor;
        this.records = List.copyOf(records);
        this.summary = summary;
        this.platformPosition = platformPosition;
        this.notes = List.copyOf(notes);
    }

    /**
     * @throws CeosFormatException naming the file and offset, for a truncated leader, a record
     *                             length that lies, an unknown record type, or a missing required record
     */
    public static LeaderFile read(Path file, ReadCounter counter) {
        try (CeosFile f = CeosFile.open(file, counter)) {
            if (f.size() == 0) {
                throw new CeosFormatException(file, 0, "empty file, expected a leader file descriptor record");
            }
            LeaderFileDescriptor fdr = new LeaderFileDescriptor(f.record(0, LeaderFileDescriptor.LAYOUT, 1 << 16));
            Map<RecordCode, Long> declared = declaredLengths(fdr);
            List<CeosFile.Header> headers = f.walk((offset, p) -> {
                Long length = declared.get(p.code());
                if (offset > 0 && length != null && length > 0 && p.length() != length) {
                    throw new CeosFormatException(file, offset + 8, "record " + p.sequence() + " (type " + p.code() + ") claims "
                            + p.length() + " bytes, but the leader file descriptor says such records are " + length + " bytes long");
                }
            });
            List<CeosRecord> records = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            DatasetSummaryRecord dssr = null;
            PlatformPositionRecord position = null;
            records.add(fdr.record());
            for (CeosFile.Header h : headers.subList(1, headers.size())) {
                RecordCode code = h.preamble().code();
                CeosRecord r;
                // The real leader's facility records are 18,200,18,70; xarray's tables say 18,200,18,20: take both.
                if (code.subtype1() == RecordCode.FACILITY.subtype1() && code.type() == RecordCode.FACILITY.type()) {
                    r = f.readBody(h.offset(), h.preamble(), FacilityRecord.LAYOUT);
                    if (new FacilityRecord(r).number() == 5) {
                        r = f.readBody(h.offset(), h.preamble(), FacilityRecord.POLYNOMIAL_LAYOUT);
                    }
                } else {
                    RecordLayout layout = layoutFor(code);
                    if (layout == null) {
                        throw new CeosFormatException(file, h.offset() + 4, "record " + h.preamble().sequence() + " has type " + code
                                + ", which is no SAR leader record (expected dataset summary " + RecordCode.DATASET_SUMMARY
                                + ", platform position " + RecordCode.PLATFORM_POSITION + ", facility " + RecordCode.FACILITY + ", ...)");
                    }
                    r = f.readBody(h.offset(), h.preamble(), layout);
                }
                if (r.layout() == DatasetSummaryRecord.LAYOUT) {
                    if (dssr != null) {
                        notes.add("more than one dataset summary record; the first is used");
                    } else {
                        dssr = new DatasetSummaryRecord(r);
                    }
                } else if (r.layout() == PlatformPositionRecord.LAYOUT) {
                    if (position != null) {
                        notes.add("more than one platform position record; the first is used");
                    } else {
                        position = new PlatformPositionRecord(r);
                    }
                }
                records.add(r);
            }
            if (dssr == null) {
                throw new CeosFormatException(file, f.size(), "the leader's " + headers.size() + " records hold no dataset summary record (type "
                        + RecordCode.DATASET_SUMMARY + ")");
            }
            if (position == null) {
                throw new CeosFormatException(file, f.size(), "the leader's " + headers.size() + " records hold no platform position record (type "
                        + RecordCode.PLATFORM_POSITION + ")");
            }
            compareCounts(fdr, records, notes);
            return new LeaderFile(file, fdr, records, dssr, position, notes);
        }
    }

    /** Record lengths the file descriptor announces, by type code (facility records vary in length and are left out). */
    private static Map<RecordCode, Long> declaredLengths(LeaderFileDescriptor fdr) {
        Map<RecordCode, Long> out = new java.util.HashMap<>();
        RecordCode[] codes = {RecordCode.DATASET_SUMMARY, RecordCode.MAP_PROJECTION, RecordCode.PLATFORM_POSITION, RecordCode.ATTITUDE,
            RecordCode.RADIOMETRIC, null, RecordCode.DATA_QUALITY};
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] != null) {
                out.put(codes[i], fdr.record().integer(LeaderFileDescriptor.RECORD_LENGTH, i).orElse(0L));
            }
        }
        return out;
    }

    private static RecordLayout layoutFor(RecordCode code) {
        for (RecordLayout l : List.of(DatasetSummaryRecord.LAYOUT, MapProjectionRecord.LAYOUT, PlatformPositionRecord.LAYOUT,
                AttitudeRecord.LAYOUT, RadiometricRecord.LAYOUT, DataQualityRecord.LAYOUT)) {
            if (l.code().equals(code)) {
                return l;
            }
        }
        return null;
    }

    /** Records found that the file descriptor does not announce (or the reverse) are noted, not fatal. */
    private static void compareCounts(LeaderFileDescriptor descriptor, List<CeosRecord> records, List<String> out) {
        Map<String, Long> declared = descriptor.declaredCounts();
        count(records, out, declared, "dataset_summary", DatasetSummaryRecord.LAYOUT.code());
        count(records, out, declared, "map_projection", MapProjectionRecord.LAYOUT.code());
        count(records, out, declared, "platform_position", PlatformPositionRecord.LAYOUT.code());
        count(records, out, declared, "attitude", AttitudeRecord.LAYOUT.code());
        count(records, out, declared, "radiometric_data", RadiometricRecord.LAYOUT.code());
        count(records, out, declared, "data_quality_summary", DataQualityRecord.LAYOUT.code());
        long facilities = declared.entrySet().stream().filter(e -> e.getKey().startsWith("facility")).mapToLong(Map.Entry::getValue).sum();
        long found = records.stream().filter(r -> r.layout() == FacilityRecord.LAYOUT || r.layout() == FacilityRecord.POLYNOMIAL_LAYOUT).count();
        if (facilities != found) {
            out.add("the leader file descriptor announces " + facilities + " facility related records, " + found + " were found");
        }
    }

    private static void count(List<CeosRecord> records, List<String> out, Map<String, Long> declared, String kind, RecordCode code) {
        long found = records.stream().filter(r -> r.preamble().code().equals(code)).count();
        long said = declared.getOrDefault(kind, 0L);
        if (said != found) {
            out.add("the leader file descriptor announces " + said + " " + kind.replace('_', ' ') + " record(s), " + found + " were found");
        }
    }

    public Path file() {
        return file;
    }

    public LeaderFileDescriptor descriptor() {
        return descriptor;
    }

    /** Every record read, in file order. */
    public List<CeosRecord> records() {
        return records;
    }

    public DatasetSummaryRecord datasetSummary() {
        return summary;
    }

    public PlatformPositionRecord platformPosition() {
        return platformPosition;
    }

    public Optional<MapProjectionRecord> mapProjection() {
        return find(MapProjectionRecord.LAYOUT).map(MapProjectionRecord::new);
    }

    public Optional<AttitudeRecord> attitude() {
        return find(AttitudeRecord.LAYOUT).map(AttitudeRecord::new);
    }

    public Optional<RadiometricRecord> radiometric() {
        return find(RadiometricRecord.LAYOUT).map(RadiometricRecord::new);
    }

    public Optional<DataQualityRecord> dataQuality() {
        return find(DataQualityRecord.LAYOUT).map(DataQualityRecord::new);
    }

    /** Facility related data record 5 (the pixel/line polynomials), when present. */
    public Optional<FacilityRecord> facility5() {
        return find(FacilityRecord.POLYNOMIAL_LAYOUT).map(FacilityRecord::new);
    }

    /** Oddities found while reading that did not stop it (e.g. counts that differ from the file descriptor). */
    public List<String> notes() {
        return notes;
    }

    private Optional<CeosRecord> find(RecordLayout layout) {
        return records.stream().filter(r -> r.layout() == layout).findFirst();
    }
}
