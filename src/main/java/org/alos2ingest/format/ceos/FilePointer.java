package org.alos2ingest.format.ceos;

/** A file pointer record of the volume directory (360 bytes, alos2-formats.md 3.1.2): one per LED, IMG and TRL file. */
public final class FilePointer {

    public static final Field ASCII_FLAG = Field.text("ascii_ebcdic_flag", 13, 2);
    public static final Field FILE_NUMBER = Field.integer("referenced_file_number", 17, 4);
    public static final Field FILE_NAME_ID = Field.text("referenced_file_name_id", 21, 16);
    public static final Field FILE_CLASS = Field.text("referenced_file_class", 37, 28);
    public static final Field FILE_CLASS_CODE = Field.text("referenced_file_class_code", 65, 4);
    public static final Field DATA_TYPE = Field.text("referenced_file_data_type", 69, 28);
    public static final Field DATA_TYPE_CODE = Field.text("referenced_file_data_type_code", 97, 4);
    public static final Field RECORDS = Field.integer("number_of_records_in_referenced_file", 101, 8);
    public static final Field FIRST_RECORD_LENGTH = Field.integer("length_of_the_first_record_in_referenced_file", 109, 8);
    public static final Field MAX_RECORD_LENGTH = Field.integer("maximum_record_length_in_referenced_file", 117, 8);
    public static final Field LENGTH_TYPE = Field.text("referenced_file_record_length_type", 125, 12);
    public static final Field LENGTH_TYPE_CODE = Field.text("referenced_file_record_length_type_code", 137, 4);
    public static final Field FIRST_VOLUME = Field.integer("number_of_the_physical_volume_set_containing_the_first_record", 141, 2);
    public static final Field LAST_VOLUME = Field.integer("number_of_the_physical_volume_set_containing_the_last_record", 143, 2);
    public static final Field FIRST_RECORD = Field.integer("record_number_of_the_first_record_on_this_volume", 145, 8);
    public static final Field LAST_RECORD = Field.integer("record_number_of_the_last_record_on_this_volume", 153, 8);

    public static final RecordLayout LAYOUT = RecordLayout.of("file pointer", RecordCode.FILE_POINTER, ASCII_FLAG, FILE_NUMBER,
            FILE_NAME_ID, FILE_CLASS, FILE_CLASS_CODE, DATA_TYPE, DATA_TYPE_CODE, RECORDS, FIRST_RECORD_LENGTH, MAX_RECORD_LENGTH,
            LENGTH_TYPE, LENGTH_TYPE_CODE, FIRST_VOLUME, LAST_VOLUME, FIRST_RECORD, LAST_RECORD);

    private FilePointer() {
    }
}
