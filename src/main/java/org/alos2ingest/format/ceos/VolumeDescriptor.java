package org.alos2ingest.format.ceos;

/** The first record of the volume directory (360 bytes, alos2-formats.md 3.1.1). */
public final class VolumeDescriptor {

    public static final Field ASCII_FLAG = Field.text("ascii_ebcdic_flag", 13, 2);
    public static final Field DOCUMENT_ID = Field.text("superstructure_format_control_document_id", 17, 12);
    public static final Field DOCUMENT_REVISION = Field.text("superstructure_format_control_document_revision_level", 29, 2);
    public static final Field RECORD_REVISION = Field.text("superstructure_record_format_revision_level", 31, 2);
    public static final Field SOFTWARE = Field.text("software_release_and_revision_level", 33, 12);
    public static final Field PHYSICAL_VOLUME_ID = Field.text("physical_volume_id", 45, 16);
    public static final Field LOGICAL_VOLUME_ID = Field.text("logical_volume_id", 61, 16);
    /** {@code ALOS2  SAR}. */
    public static final Field VOLUME_SET_ID = Field.text("volume_set_id", 77, 16);
    public static final Field PHYSICAL_VOLUMES = Field.integer("total_number_of_physical_volumes_in_logical_volume", 93, 2);
    public static final Field FIRST_TAPE = Field.integer("physical_volume_sequence_number_of_the_first_tape", 95, 2);
    public static final Field LAST_TAPE = Field.integer("physical_volume_sequence_number_of_the_last_tape", 97, 2);
    public static final Field CURRENT_TAPE = Field.integer("physical_volume_sequence_number_of_the_current_tape", 99, 2);
    public static final Field FILE_NUMBER = Field.integer("file_number_in_the_logical_volume", 101, 4);
    public static final Field LOGICAL_VOLUME = Field.integer("logical_volume_within_a_volume_set", 105, 4);
    public static final Field LOGICAL_VOLUME_NUMBER = Field.integer("logical_volume_number_within_physical_volume", 109, 4);
    public static final Field CREATION_TIME = Field.text("logical_volume_creation_datetime", 113, 16);
    public static final Field COUNTRY = Field.text("logical_volume_generation_country", 129, 12);
    public static final Field AGENCY = Field.text("logical_volume_generating_agency", 141, 8);
    public static final Field FACILITY = Field.text("logical_volume_generating_facility", 149, 12);
    public static final Field FILE_POINTERS = Field.integer("number_of_file_pointer_records", 161, 4);
    public static final Field TEXT_RECORDS = Field.integer("number_of_text_records_in_volume_directory", 165, 4);

    public static final RecordLayout LAYOUT = RecordLayout.of("volume descriptor", RecordCode.VOLUME_DESCRIPTOR, ASCII_FLAG,
            DOCUMENT_ID, DOCUMENT_REVISION, RECORD_REVISION, SOFTWARE, PHYSICAL_VOLUME_ID, LOGICAL_VOLUME_ID, VOLUME_SET_ID,
            PHYSICAL_VOLUMES, FIRST_TAPE, LAST_TAPE, CURRENT_TAPE, FILE_NUMBER, LOGICAL_VOLUME, LOGICAL_VOLUME_NUMBER, CREATION_TIME,
            COUNTRY, AGENCY, FACILITY, FILE_POINTERS, TEXT_RECORDS);

    private VolumeDescriptor() {
    }
}
