package org.alos2ingest.format.ceos;

/** The data quality summary record of the SAR leader (1620 bytes, alos2-formats.md 3.2.7). */
public final class DataQualityRecord {

    public static final Field RECORD_NUMBER = Field.integer("record_number", 13, 4);
    public static final Field SAR_CHANNEL_ID = Field.text("sar_channel_id", 17, 4);
    public static final Field LAST_CALIBRATION = Field.text("date_of_the_last_calibration_update", 21, 6);
    public static final Field CHANNELS = Field.integer("number_of_channels", 27, 4);
    public static final Field ISLR = Field.real("islr_db", 31, 16, "F16.7");
    public static final Field PSLR = Field.real("pslr_db", 47, 16, "F16.7");
    public static final Field AZIMUTH_AMBIGUITY = Field.real("azimuth_ambiguity_rate", 63, 16, "F16.7");
    public static final Field RANGE_AMBIGUITY = Field.real("range_ambiguity_rate", 79, 16, "F16.7");
    public static final Field SNR = Field.real("estimate_of_snr_db", 95, 16, "F16.7");
    public static final Field BER = Field.real("ber", 111, 16, "F16.7");
    public static final Field SLANT_RANGE_RESOLUTION = Field.real("slant_range_resolution_m", 127, 16, "F16.7");
    public static final Field AZIMUTH_RESOLUTION = Field.real("azimuth_resolution_m", 143, 16, "F16.7");
    public static final Field RADIOMETRIC_RESOLUTION = Field.real("radiometric_resolution_db", 159, 16, "F16.7");
    public static final Field DYNAMIC_RANGE = Field.real("instantaneous_dynamic_range_db", 175, 16, "F16.7");
    public static final Field CALIBRATION_MAGNITUDE = Field.real("absolute_calibration_uncertainty_magnitude_db", 191, 16, "F16.7");
    public static final Field CALIBRATION_PHASE = Field.real("absolute_calibration_uncertainty_phase_deg", 207, 16, "F16.7");
    public static final Field LOCATION_ERROR_ALONG = Field.real("absolute_location_error_along_track", 735, 16, "F16.7");
    public static final Field LOCATION_ERROR_ACROSS = Field.real("absolute_location_error_across_track", 751, 16, "F16.7");
    public static final Field DISTORTION_LINE = Field.real("geometric_distortion_scale_line", 767, 16, "F16.7");
    public static final Field DISTORTION_PIXEL = Field.real("geometric_distortion_scale_pixel", 783, 16, "F16.7");
    public static final Field SKEW = Field.real("geometric_distortion_skew", 799, 16, "F16.7");
    public static final Field ORIENTATION_ERROR = Field.real("scene_orientation_error", 815, 16, "F16.7");

    public static final RecordLayout LAYOUT = RecordLayout.of("data quality summary", RecordCode.DATA_QUALITY, RECORD_NUMBER,
            SAR_CHANNEL_ID, LAST_CALIBRATION, CHANNELS, ISLR, PSLR, AZIMUTH_AMBIGUITY, RANGE_AMBIGUITY, SNR, BER,
            SLANT_RANGE_RESOLUTION, AZIMUTH_RESOLUTION, RADIOMETRIC_RESOLUTION, DYNAMIC_RANGE, CALIBRATION_MAGNITUDE, CALIBRATION_PHASE,
            LOCATION_ERROR_ALONG, LOCATION_ERROR_ACROSS, DISTORTION_LINE, DISTORTION_PIXEL, SKEW, ORIENTATION_ERROR);

    private final CeosRecord record;

    public DataQualityRecord(CeosRecord record) {
        this.record = record;
    }

    public CeosRecord record() {
        return record;
    }
}
