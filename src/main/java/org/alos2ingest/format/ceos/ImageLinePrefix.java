package org.alos2ingest.format.ceos;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields every CEOS image line prefix starts with, Level 1.1 signal data and Level 1.5 processed
 * data alike (alos2-formats.md 3.3.2 and 3.3.3, bytes 13 to 64): line numbering, fill counts, the
 * acquisition time, channel, polarisations, PRF and scan. Kept here once so that both layouts read
 * the same offsets.
 */
final class ImageLinePrefix {

    static final Field LINE_NUMBER = Field.binary("sar_image_data_line_number", 13, 4);
    static final Field RECORD_INDEX = Field.binary("sar_image_data_record_index", 17, 4);
    static final Field LEFT_FILL = Field.binary("actual_count_of_left_fill_pixels", 21, 4);
    static final Field DATA_PIXELS = Field.binary("actual_count_of_data_pixels", 25, 4);
    static final Field RIGHT_FILL = Field.binary("actual_count_of_right_fill_pixels", 29, 4);
    static final Field UPDATE_FLAG = Field.binary("sensor_parameters_update_flag", 33, 4);
    static final Field YEAR = Field.binary("sensor_acquisition_year", 37, 4);
    static final Field DAY_OF_YEAR = Field.binary("sensor_acquisition_day_of_year", 41, 4);
    static final Field MILLISECOND_OF_DAY = Field.binary("sensor_acquisition_milliseconds_of_day", 45, 4);
    static final Field CHANNEL_ID = Field.binary("sar_channel_id", 49, 2);
    static final Field CHANNEL_CODE = Field.binary("sar_channel_code", 51, 2);
    /** 0 = H, 1 = V. */
    static final Field TRANSMIT_POLARISATION = Field.binary("transmitted_pulse_polarization", 53, 2);
    static final Field RECEIVE_POLARISATION = Field.binary("received_pulse_polarization", 55, 2);
    static final Field PRF_MHZ = Field.binary("prf_millihertz", 57, 4);
    static final Field SCAN_ID = Field.binary("scan_id", 61, 4);

    private static final List<Field> COMMON = List.of(LINE_NUMBER, RECORD_INDEX, LEFT_FILL, DATA_PIXELS, RIGHT_FILL, UPDATE_FLAG, YEAR,
            DAY_OF_YEAR, MILLISECOND_OF_DAY, CHANNEL_ID, CHANNEL_CODE, TRANSMIT_POLARISATION, RECEIVE_POLARISATION, PRF_MHZ, SCAN_ID);

    private ImageLinePrefix() {
    }

    /** The common fields followed by a prefix's own. */
    static Field[] followedBy(Field... own) {
        List<Field> all = new ArrayList<>(COMMON);
        all.addAll(List.of(own));
        return all.toArray(Field[]::new);
    }
}
