package org.alos2ingest.format.ceos;

import java.util.Optional;

/**
 * The first record of an image file (720 bytes, alos2-formats.md 3.3.1): raster size, record
 * length, prefix length (544 for Level 1.1 signal data, 192 for Level 1.5 processed data) and the
 * sample type ({@code C*8} complex float for 1.1, {@code IU2} for 1.5).
 */
public final class ImageFileDescriptor {

    public static final Field RECORDS = Field.integer("number_of_sar_data_records", 181, 6);
    public static final Field RECORD_LENGTH = Field.integer("sar_data_record_length", 187, 6);
    public static final Field BITS_PER_SAMPLE = Field.integer("bit_length_per_sample", 217, 4);
    public static final Field SAMPLES_PER_GROUP = Field.integer("number_of_samples_per_data_group", 221, 4);
    public static final Field BYTES_PER_GROUP = Field.integer("number_of_bytes_per_data_group", 225, 4);
    public static final Field JUSTIFICATION = Field.text("justification_and_order_of_samples_within_data_group", 229, 4);
    public static final Field CHANNELS = Field.integer("number_of_sar_channels", 233, 4);
    public static final Field LINES = Field.integer("number_of_lines_per_dataset", 237, 8);
    public static final Field LEFT_BORDER = Field.integer("number_of_left_border_pixels_per_line", 245, 4);
    public static final Field PIXELS = Field.integer("number_of_data_groups_per_line", 249, 8);
    public static final Field RIGHT_BORDER = Field.integer("number_of_right_border_pixels_per_line", 257, 4);
    public static final Field TOP_BORDER = Field.integer("number_of_top_border_lines", 261, 4);
    public static final Field BOTTOM_BORDER = Field.integer("number_of_bottom_border_lines", 265, 4);
    public static final Field INTERLEAVING = Field.text("interleaving_id", 269, 4);
    public static final Field RECORDS_PER_LINE = Field.integer("number_of_physical_records_per_line", 273, 2);
    public static final Field RECORDS_PER_MULTICHANNEL_LINE = Field.integer("number_of_physical_records_per_multichannel_line", 275, 2);
    public static final Field PREFIX_BYTES = Field.integer("number_of_bytes_of_prefix_data_per_record", 277, 4);
    public static final Field DATA_BYTES = Field.integer("number_of_bytes_of_sar_data_per_record", 281, 8);
    public static final Field SUFFIX_BYTES = Field.integer("number_of_bytes_of_suffix_data_per_record", 289, 4);
    public static final Field PREFIX_SUFFIX_REPEAT = Field.text("prefix_suffix_repeat_flag", 293, 4);
    public static final Field LINE_NUMBER_LOCATOR = Field.text("sample_data_line_number_locator", 297, 8);
    public static final Field CHANNEL_LOCATOR = Field.text("sar_channel_number_locator", 305, 8);
    public static final Field TIME_LOCATOR = Field.text("time_of_sar_data_line_locator", 313, 8);
    public static final Field LEFT_FILL_LOCATOR = Field.text("left_fill_count_locator", 321, 8);
    public static final Field RIGHT_FILL_LOCATOR = Field.text("right_fill_count_locator", 329, 8);
    public static final Field PAD_PIXELS = Field.text("pad_pixels_present_indicator", 337, 4);
    public static final Field QUALITY_LOCATOR = Field.text("sar_data_line_quality_code_locator", 369, 8);
    public static final Field FORMAT_TYPE = Field.text("sar_data_format_type_indicator", 401, 28);
    /** {@code C*8} (Level 1.1) or {@code IU2} (Level 1.5 and 3.1). */
    public static final Field FORMAT_CODE = Field.text("sar_data_format_type_code", 429, 4);
    public static final Field LEFT_FILL_BITS = Field.integer("number_of_left_fill_bits_within_pixel", 433, 4);
    public static final Field RIGHT_FILL_BITS = Field.integer("number_of_right_fill_bits_within_pixel", 437, 4);
    public static final Field MAXIMUM_VALUE = Field.integer("maximum_data_range_of_pixel", 441, 8);
    public static final Field BURSTS = Field.integer("number_of_burst_data", 449, 4);
    public static final Field LINES_PER_BURST = Field.integer("number_of_lines_per_burst", 453, 4);
    public static final Field OVERLAP_LINES = Field.integer("number_of_overlap_lines_with_adjacent_bursts", 457, 4);

    public static final RecordLayout LAYOUT = RecordLayout.of("image file descriptor", RecordCode.IMAGE_FILE_DESCRIPTOR,
            FileDescriptorFields.with(RECORDS, RECORD_LENGTH, BITS_PER_SAMPLE, SAMPLES_PER_GROUP, BYTES_PER_GROUP, JUSTIFICATION,
                    CHANNELS, LINES, LEFT_BORDER, PIXELS, RIGHT_BORDER, TOP_BORDER, BOTTOM_BORDER, INTERLEAVING, RECORDS_PER_LINE,
                    RECORDS_PER_MULTICHANNEL_LINE, PREFIX_BYTES, DATA_BYTES, SUFFIX_BYTES, PREFIX_SUFFIX_REPEAT, LINE_NUMBER_LOCATOR,
                    CHANNEL_LOCATOR, TIME_LOCATOR, LEFT_FILL_LOCATOR, RIGHT_FILL_LOCATOR, PAD_PIXELS, QUALITY_LOCATOR, FORMAT_TYPE,
                    FORMAT_CODE, LEFT_FILL_BITS, RIGHT_FILL_BITS, MAXIMUM_VALUE, BURSTS, LINES_PER_BURST, OVERLAP_LINES));

    private final CeosRecord record;

    public ImageFileDescriptor(CeosRecord record) {
        this.record = record;
    }

    public CeosRecord record() {
        return record;
    }

    public long records() {
        return record.requireInteger(RECORDS);
    }

    public long recordLength() {
        return record.requireInteger(RECORD_LENGTH);
    }

    /** Lines of the image: the lines-per-dataset field, else the record count. */
    public long lines() {
        return record.integer(LINES).orElseGet(this::records);
    }

    public long pixels() {
        return record.requireInteger(PIXELS);
    }

    public long prefixBytes() {
        return record.requireInteger(PREFIX_BYTES);
    }

    public Optional<String> formatCode() {
        return record.text(FORMAT_CODE);
    }

    /** Bytes per pixel: the data group size, else 8 for {@code C*8} and 2 for {@code IU2}. */
    public long bytesPerPixel() {
        return record.integer(BYTES_PER_GROUP).orElseGet(() -> formatCode().map(c -> c.startsWith("C") ? 8L : 2L).orElse(0L));
    }
}
