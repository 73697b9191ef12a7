package org.alos2ingest.format.ceos;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fields every CEOS file descriptor record starts with (positions 13-112, alos2-formats.md
 * 3.2.1 and 3.3.1), shared by the leader, image and trailer file descriptors.
 */
public final class FileDescriptorFields {

    public static final Field ASCII_EBCDIC_FLAG = Field.text("ascii_ebcdic_flag", 13, 2);
    public static final Field FORMAT_CONTROL_DOCUMENT_ID = Field.text("format_control_document_id", 17, 12);
    public static final Field FORMAT_CONTROL_DOCUMENT_REVISION = Field.text("format_control_document_revision_level", 29, 2);
    public static final Field RECORD_FORMAT_REVISION = Field.text("record_format_revision_level", 31, 2);
    public static final Field SOFTWARE_RELEASE = Field.text("software_release_and_revision_number", 33, 12);
    public static final Field FILE_NUMBER = Field.integer("file_number", 45, 4);
    public static final Field FILE_ID = Field.text("file_id", 49, 16);
    public static final Field SEQUENCE_FLAG = Field.text("record_sequence_and_location_type_flag", 65, 4);
    public static final Field SEQUENCE_LOCATION = Field.integer("sequence_number_of_location", 69, 8);
    public static final Field SEQUENCE_LENGTH = Field.integer("field_length_of_sequence_number", 77, 4);
    public static final Field CODE_FLAG = Field.text("record_code_and_location_type_flag", 81, 4);
    public static final Field CODE_LOCATION = Field.integer("location_of_record_code", 85, 8);
    public static final Field CODE_LENGTH = Field.integer("field_length_of_record_code", 93, 4);
    public static final Field LENGTH_FLAG = Field.text("record_length_and_location_type_flag", 97, 4);
    public static final Field LENGTH_LOCATION = Field.integer("location_of_record_length", 101, 8);
    public static final Field LENGTH_LENGTH = Field.integer("field_length_of_record_length", 109, 4);

    private FileDescriptorFields() {
    }

    static Field[] with(Field... more) {
        List<Field> all = new ArrayList<>(List.of(ASCII_EBCDIC_FLAG, FORMAT_CONTROL_DOCUMENT_ID, FORMAT_CONTROL_DOCUMENT_REVISION,
                RECORD_FORMAT_REVISION, SOFTWARE_RELEASE, FILE_NUMBER, FILE_ID, SEQUENCE_FLAG, SEQUENCE_LOCATION, SEQUENCE_LENGTH,
                CODE_FLAG, CODE_LOCATION, CODE_LENGTH, LENGTH_FLAG, LENGTH_LOCATION, LENGTH_LENGTH));
        all.addAll(Arrays.asList(more));
        return all.toArray(Field[]::new);
    }
}
