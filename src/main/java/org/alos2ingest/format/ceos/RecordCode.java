package org.alos2ingest.format.ceos;

/**
 * The four type bytes of a CEOS record preamble (first subtype, type, second and third subtype),
 * written as JAXA's tables write them, e.g. {@code 18,10,18,20} for the dataset summary record.
 */
public record RecordCode(int subtype1, int type, int subtype2, int subtype3) {

    public static final RecordCode VOLUME_DESCRIPTOR = new RecordCode(192, 192, 18, 18);
    public static final RecordCode FILE_POINTER = new RecordCode(219, 192, 18, 18);
    public static final RecordCode TEXT = new RecordCode(18, 192, 18, 18);
    public static final RecordCode LEADER_FILE_DESCRIPTOR = new RecordCode(11, 192, 18, 18);
    public static final RecordCode DATASET_SUMMARY = new RecordCode(18, 10, 18, 20);
    public static final RecordCode MAP_PROJECTION = new RecordCode(18, 20, 18, 20);
    public static final RecordCode PLATFORM_POSITION = new RecordCode(18, 30, 18, 20);
    public static final RecordCode ATTITUDE = new RecordCode(18, 40, 18, 20);
    public static final RecordCode RADIOMETRIC = new RecordCode(18, 50, 18, 20);
    public static final RecordCode DATA_QUALITY = new RecordCode(18, 60, 18, 20);
    /** Facility related data records 1-5 all carry this code; the third subtype is 70, not 20 (alos2-formats.md 9.5). */
    public static final RecordCode FACILITY = new RecordCode(18, 200, 18, 70);
    public static final RecordCode IMAGE_FILE_DESCRIPTOR = new RecordCode(50, 192, 18, 18);
    public static final RecordCode SIGNAL_DATA = new RecordCode(50, 10, 18, 20);
    public static final RecordCode PROCESSED_DATA = new RecordCode(50, 11, 18, 20);
    public static final RecordCode TRAILER_FILE_DESCRIPTOR = new RecordCode(63, 192, 18, 18);

    @Override
    public String toString() {
        return subtype1 + "," + type + "," + subtype2 + "," + subtype3;
    }
}
