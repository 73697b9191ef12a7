package org.alos2ingest.format.ceos;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first record of the SAR leader (720 bytes, alos2-formats.md 3.2.1): how many records of each
 * type follow and how long each is. The leader is read by walking its preambles; these counts are
 * only compared with what was found.
 */
public final class LeaderFileDescriptor {

    /** Record kinds in the order of their count/length pairs at positions 181-360 (6 + 6 characters each). */
    static final String[] KINDS = {"dataset_summary", "map_projection", "platform_position", "attitude", "radiometric_data",
        "radiometric_compensation", "data_quality_summary", "data_histogram", "range_spectra", "dem_descriptor",
        "radar_parameter_update", "annotation_data", "detail_processing", "calibration", "gcp"};

    public static final Field RECORD_COUNT = Field.integer("number_of_records", 181, 6).times(KINDS.length, 12);
    public static final Field RECORD_LENGTH = Field.integer("record_length", 187, 6).times(KINDS.length, 12);
    /** Facility related data records 1-5: count (I6) and length (I8), 14 characters per pair. */
    public static final Field FACILITY_COUNT = Field.integer("facility_related_data_number_of_records", 421, 6).times(5, 14);
    public static final Field FACILITY_LENGTH = Field.integer("facility_related_data_record_length", 427, 8).times(5, 14);

    public static final RecordLayout LAYOUT = RecordLayout.of("leader file descriptor", RecordCode.LEADER_FILE_DESCRIPTOR,
            FileDescriptorFields.with(RECORD_COUNT, RECORD_LENGTH, FACILITY_COUNT, FACILITY_LENGTH));

    private final CeosRecord record;

    public LeaderFileDescriptor(CeosRecord record) {
        this.record = record;
    }

    public CeosRecord record() {
        return record;
    }

    /** {@code AL2 SARCSARL}: {@code AL2} marks PALSAR-2, {@code AL1} PALSAR. */
    public String fileId() {
        return record.text(FileDescriptorFields.FILE_ID).orElse("");
    }

    /** Declared number of records of a kind ({@link #KINDS}, or {@code facility_related_data_N}). */
    public long declaredCount(String kind) {
        for (int i = 0; i < KINDS.length; i++) {
            if (KINDS[i].equals(kind)) {
                return record.integer(RECORD_COUNT, i).orElse(0L);
            }
        }
        if (kind.startsWith("facility_related_data_")) {
            int n = Integer.parseInt(kind.substring("facility_related_data_".length()));
            return record.integer(FACILITY_COUNT, n - 1).orElse(0L);
        }
        throw new IllegalArgumentException(kind);
    }

    /** Every declared count, by kind. */
    public Map<String, Long> declaredCounts() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String k : KINDS) {
            out.put(k, declaredCount(k));
        }
        for (int i = 1; i <= 5; i++) {
            out.put("facility_related_data_" + i, declaredCount("facility_related_data_" + i));
        }
        return out;
    }
}
