package org.alos2ingest.format.ceos;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.alos2ingest.geo.LookSide;
import org.alos2ingest.geo.OrbitDirection;

/**
 * The dataset summary record of the SAR leader (4096 bytes, alos2-formats.md 3.2.2): scene centre,
 * ellipsoid, sensor and processing parameters. Positions are 1-based as in JAXA's table.
 */
public final class DatasetSummaryRecord {

    public static final Field SEQUENCE_NUMBER = Field.integer("dataset_summary_records_sequence_number", 13, 4);
    public static final Field SAR_CHANNEL_ID = Field.text("sar_channel_id", 17, 4);
    public static final Field SCENE_ID = Field.text("scene_id", 21, 32);
    public static final Field SCENE_REFERENCE = Field.text("number_of_scene_reference", 53, 16);
    public static final Field SCENE_CENTER_TIME = Field.text("scene_center_time", 69, 32);
    public static final Field LATITUDE = Field.real("geodetic_latitude", 117, 16, "F16.7");
    public static final Field LONGITUDE = Field.real("geodetic_longitude", 133, 16, "F16.7");
    public static final Field HEADING = Field.real("processed_scene_center_true_heading", 149, 16, "F16.7");
    public static final Field ELLIPSOID = Field.text("ellipsoid_designator", 165, 16);
    public static final Field SEMIMAJOR_KM = Field.real("ellipsoid_semimajor_axis_km", 181, 16, "F16.7");
    public static final Field SEMIMINOR_KM = Field.real("ellipsoid_semiminor_axis_km", 197, 16, "F16.7");
    public static final Field EARTH_MASS = Field.real("earth_mass_1e24_kg", 213, 16, "F16.7");
    public static final Field GRAVITATIONAL_CONSTANT = Field.real("gravitational_constant_1e14_m3_s2", 229, 16, "F16.7");
    public static final Field J2 = Field.real("ellipsoid_j2_parameter", 245, 16, "F16.7");
    public static final Field J3 = Field.real("ellipsoid_j3_parameter", 261, 16, "F16.7");
    public static final Field J4 = Field.real("ellipsoid_j4_parameter", 277, 16, "F16.7");
    public static final Field TERRAIN_HEIGHT = Field.real("average_terrain_height_above_ellipsoid_at_scene_center", 309, 16, "F16.7");
    public static final Field CENTER_LINE = Field.integer("scene_center_line_number", 325, 8);
    public static final Field CENTER_PIXEL = Field.integer("scene_center_pixel_number", 333, 8);
    public static final Field SCENE_LENGTH_KM = Field.real("processing_scene_length_km", 341, 16, "F16.7");
    public static final Field SCENE_WIDTH_KM = Field.real("processing_scene_width_km", 357, 16, "F16.7");
    public static final Field CHANNELS = Field.integer("number_of_sar_channel", 389, 4);
    public static final Field MISSION = Field.text("sensor_platform_mission_identifier", 397, 16);
    public static final Field SENSOR_ID = Field.text("sensor_id_and_operation_mode", 413, 32);
    public static final Field ORBIT = Field.integer("orbit_number_or_flight_line_indicator", 445, 8);
    public static final Field NADIR_LATITUDE = Field.real("sensor_platform_geodetic_latitude_at_nadir", 453, 8, "F8.3");
    public static final Field NADIR_LONGITUDE = Field.real("sensor_platform_geodetic_longitude_at_nadir", 461, 8, "F8.3");
    public static final Field NADIR_HEADING = Field.real("sensor_platform_heading_at_nadir", 469, 8, "F8.3");
    /** +90 right-looking, -90 left-looking (alos2-formats.md 3.2.2). */
    public static final Field CLOCK_ANGLE = Field.real("sensor_clock_angle", 477, 8, "F8.3");
    public static final Field INCIDENCE_ANGLE = Field.real("incidence_angle_at_scene_center", 485, 8, "F8.3");
    public static final Field WAVELENGTH = Field.real("nominal_radar_wavelength_m", 501, 16, "F16.7");
    public static final Field MOTION_COMPENSATION = Field.integer("motion_compensation_indicator", 517, 2);
    public static final Field RANGE_PULSE_CODE = Field.text("range_pulse_code", 519, 16);
    public static final Field PULSE_AMPLITUDE = Field.real("range_pulse_amplitude_coefficients", 535, 16, "E16.7").times(5, 16);
    public static final Field PULSE_PHASE = Field.real("range_pulse_phase_coefficients", 615, 16, "E16.7").times(5, 16);
    public static final Field CHIRP_EXTRACTION_INDEX = Field.integer("down_linked_data_chirp_extraction_index", 695, 8);
    /** Range sampling rate in MHz. */
    public static final Field SAMPLING_RATE_MHZ = Field.real("sampling_rate_mhz", 711, 16, "F16.7");
    public static final Field RANGE_GATE_US = Field.real("range_gate_us", 727, 16, "F16.7");
    public static final Field PULSE_WIDTH_US = Field.real("range_pulse_width_us", 743, 16, "F16.7");
    public static final Field BASEBAND_FLAG = Field.text("base_band_conversion_flag", 759, 4);
    public static final Field RANGE_COMPRESSION_FLAG = Field.text("range_compression_flag", 763, 4);
    public static final Field GAIN_LIKE = Field.real("receiver_gain_for_like_polarized", 767, 16, "F16.7");
    public static final Field GAIN_CROSS = Field.real("receiver_gain_for_cross_polarized", 783, 16, "F16.7");
    public static final Field QUANTIZATION_BITS = Field.integer("quantization_in_bits_per_channel", 799, 8);
    public static final Field QUANTIZED_DESCRIPTOR = Field.text("quantized_descriptor", 807, 12);
    public static final Field DC_BIAS_I = Field.real("dc_bias_for_i_component", 819, 16, "F16.7");
    public static final Field DC_BIAS_Q = Field.real("dc_bias_for_q_component", 835, 16, "F16.7");
    public static final Field GAIN_IMBALANCE = Field.real("gain_imbalance_for_i_and_q", 851, 16, "F16.7");
    public static final Field ELECTRONIC_BORESIGHT = Field.real("electronic_boresight", 899, 16, "F16.7");
    public static final Field MECHANICAL_BORESIGHT = Field.real("mechanical_boresight", 915, 16, "F16.7");
    public static final Field ECHO_TRACKER = Field.text("echo_tracker_status", 931, 4);
    /** Pulse repetition frequency in mHz (alos2-formats.md 3.2.2: 2122318.4485180 is 2122.318 Hz). */
    public static final Field PRF_MHZ = Field.real("prf_millihertz", 935, 16, "F16.7");
    public static final Field BEAM_WIDTH_ELEVATION = Field.real("two_way_antenna_beam_width_elevation", 951, 16, "F16.7");
    public static final Field BEAM_WIDTH_AZIMUTH = Field.real("two_way_antenna_beam_width_azimuth", 967, 16, "F16.7");
    public static final Field BINARY_TIME_CODE = Field.integer("satellite_encoded_binary_time_code", 983, 16);
    public static final Field CLOCK_TIME = Field.text("satellite_clock_time", 999, 32);
    public static final Field CLOCK_INCREMENT = Field.integer("satellite_clock_increment_ns", 1031, 16);
    public static final Field PROCESSING_FACILITY = Field.text("processing_facility_id", 1047, 16);
    public static final Field PROCESSING_SYSTEM = Field.text("processing_system_id", 1063, 8);
    public static final Field PROCESSING_VERSION = Field.text("processing_version_id", 1071, 8);
    public static final Field PROCESSING_CODE = Field.text("processing_code_of_processing_facility", 1079, 16);
    public static final Field PRODUCT_LEVEL = Field.text("product_level_code", 1095, 16);
    public static final Field PRODUCT_TYPE = Field.text("product_type_specifier", 1111, 32);
    public static final Field ALGORITHM = Field.text("processing_algorithm_id", 1143, 32);
    public static final Field LOOKS_AZIMUTH = Field.real("number_of_looks_in_azimuth", 1175, 16, "F16.7");
    public static final Field LOOKS_RANGE = Field.real("number_of_looks_in_range", 1191, 16, "F16.7");
    public static final Field LOOK_BANDWIDTH_AZIMUTH = Field.real("bandwidth_per_look_in_azimuth_hz", 1207, 16, "F16.7");
    public static final Field LOOK_BANDWIDTH_RANGE = Field.real("bandwidth_per_look_in_range_hz", 1223, 16, "F16.7");
    public static final Field BANDWIDTH_AZIMUTH = Field.real("bandwidth_in_azimuth_hz", 1239, 16, "F16.7");
    public static final Field BANDWIDTH_RANGE = Field.real("bandwidth_in_range_khz", 1255, 16, "F16.7");
    public static final Field WEIGHTING_AZIMUTH = Field.text("weighting_function_in_azimuth", 1271, 32);
    public static final Field WEIGHTING_RANGE = Field.text("weighting_function_in_range", 1303, 32);
    public static final Field INPUT_SOURCE = Field.text("data_input_source", 1335, 16);
    public static final Field RESOLUTION_GROUND_RANGE = Field.real("resolution_in_ground_range_m", 1351, 16, "F16.7");
    public static final Field RESOLUTION_AZIMUTH = Field.real("resolution_in_azimuth_m", 1367, 16, "F16.7");
    public static final Field RADIOMETRIC_BIAS = Field.real("radiometric_bias", 1383, 16, "F16.7");
    public static final Field RADIOMETRIC_GAIN = Field.real("radiometric_gain", 1399, 16, "F16.7");
    public static final Field ALONG_TRACK_DOPPLER = Field.real("along_track_doppler_frequency_center", 1415, 16, "F16.7").times(3, 16);
    public static final Field CROSS_TRACK_DOPPLER = Field.real("cross_track_doppler_frequency_center", 1479, 16, "F16.7").times(3, 16);
    public static final Field PIXEL_TIME_DIRECTION = Field.text("time_direction_indicator_along_pixel_direction", 1527, 8);
    /** {@code ASCEND} or {@code DESCEND}: the pass direction (ISCE). */
    public static final Field LINE_TIME_DIRECTION = Field.text("time_direction_indicator_along_line_direction", 1535, 8);
    public static final Field ALONG_TRACK_DOPPLER_RATE = Field.real("along_track_doppler_frequency_rate", 1543, 16, "F16.7").times(3, 16);
    public static final Field CROSS_TRACK_DOPPLER_RATE = Field.real("cross_track_doppler_frequency_rate", 1607, 16, "F16.7").times(3, 16);
    public static final Field LINE_CONTENT = Field.text("line_content_indicator", 1671, 8);
    public static final Field CLUTTER_LOCK = Field.text("clutter_lock_applied_flag", 1679, 4);
    public static final Field AUTO_FOCUS = Field.text("auto_focusing_applied_flag", 1683, 4);
    /** Labelled line spacing by xarray and ISCE; GDAL's real L1.1 sample suggests slant-range spacing [conflict, 3.2.2]. */
    public static final Field LINE_SPACING = Field.real("line_spacing", 1687, 16, "F16.7");
    public static final Field PIXEL_SPACING = Field.real("pixel_spacing", 1703, 16, "F16.7");
    public static final Field RANGE_COMPRESSION = Field.text("processor_range_compression_designator", 1719, 16);
    public static final Field DOPPLER_CONSTANT = Field.real("doppler_frequency_constant_hz", 1735, 16, "F16.7");
    public static final Field DOPPLER_LINEAR = Field.real("doppler_frequency_linear_hz_per_km", 1751, 16, "F16.7");
    public static final Field CALIBRATION_FLAG = Field.integer("calibration_mode_data_location_flag", 1767, 4);
    public static final Field CALIBRATION_LINES = Field.integer("calibration_line_numbers", 1771, 8).times(4, 8);
    public static final Field PRF_SWITCHING = Field.integer("prf_switching_indicator", 1803, 4);
    public static final Field PRF_SWITCHING_LINE = Field.integer("line_number_of_prf_switching", 1807, 8);
    public static final Field BEAM_CENTER_DIRECTION = Field.real("direction_of_a_beam_center_in_a_scene_center", 1815, 16, "F16.7");
    public static final Field YAW_STEERING = Field.integer("yaw_steering_mode_flag", 1831, 4);
    public static final Field PARAMETER_TABLE = Field.integer("parameter_table_number_of_automatically_setting", 1835, 4);
    public static final Field OFF_NADIR_ANGLE = Field.real("nominal_off_nadir_angle", 1839, 16, "F16.7");
    public static final Field BEAM_NUMBER = Field.integer("antenna_beam_number", 1855, 4);
    public static final Field INCIDENCE_POLYNOMIAL = Field.real("incidence_angle_coefficients", 1887, 20, "E20.13").times(6, 20);
    public static final Field ANNOTATION_POINTS = Field.integer("number_of_annotation_points", 2007, 8);

    public static final RecordLayout LAYOUT = RecordLayout.of("dataset summary", RecordCode.DATASET_SUMMARY,
            SEQUENCE_NUMBER, SAR_CHANNEL_ID, SCENE_ID, SCENE_REFERENCE, SCENE_CENTER_TIME, LATITUDE, LONGITUDE, HEADING, ELLIPSOID,
            SEMIMAJOR_KM, SEMIMINOR_KM, EARTH_MASS, GRAVITATIONAL_CONSTANT, J2, J3, J4, TERRAIN_HEIGHT, CENTER_LINE, CENTER_PIXEL,
            SCENE_LENGTH_KM, SCENE_WIDTH_KM, CHANNELS, MISSION, SENSOR_ID, ORBIT, NADIR_LATITUDE, NADIR_LONGITUDE, NADIR_HEADING,
            CLOCK_ANGLE, INCIDENCE_ANGLE, WAVELENGTH, MOTION_COMPENSATION, RANGE_PULSE_CODE, PULSE_AMPLITUDE, PULSE_PHASE,
            CHIRP_EXTRACTION_INDEX, SAMPLING_RATE_MHZ, RANGE_GATE_US, PULSE_WIDTH_US, BASEBAND_FLAG, RANGE_COMPRESSION_FLAG, GAIN_LIKE,
            GAIN_CROSS, QUANTIZATION_BITS, QUANTIZED_DESCRIPTOR, DC_BIAS_I, DC_BIAS_Q, GAIN_IMBALANCE, ELECTRONIC_BORESIGHT,
            MECHANICAL_BORESIGHT, ECHO_TRACKER, PRF_MHZ, BEAM_WIDTH_ELEVATION, BEAM_WIDTH_AZIMUTH, BINARY_TIME_CODE, CLOCK_TIME,
            CLOCK_INCREMENT, PROCESSING_FACILITY, PROCESSING_SYSTEM, PROCESSING_VERSION, PROCESSING_CODE, PRODUCT_LEVEL, PRODUCT_TYPE,
            ALGORITHM, LOOKS_AZIMUTH, LOOKS_RANGE, LOOK_BANDWIDTH_AZIMUTH, LOOK_BANDWIDTH_RANGE, BANDWIDTH_AZIMUTH, BANDWIDTH_RANGE,
            WEIGHTING_AZIMUTH, WEIGHTING_RANGE, INPUT_SOURCE, RESOLUTION_GROUND_RANGE, RESOLUTION_AZIMUTH, RADIOMETRIC_BIAS,
            RADIOMETRIC_GAIN, ALONG_TRACK_DOPPLER, CROSS_TRACK_DOPPLER, PIXEL_TIME_DIRECTION, LINE_TIME_DIRECTION,
            ALONG_TRACK_DOPPLER_RATE, CROSS_TRACK_DOPPLER_RATE, LINE_CONTENT, CLUTTER_LOCK, AUTO_FOCUS, LINE_SPACING, PIXEL_SPACING,
            RANGE_COMPRESSION, DOPPLER_CONSTANT, DOPPLER_LINEAR, CALIBRATION_FLAG, CALIBRATION_LINES, PRF_SWITCHING, PRF_SWITCHING_LINE,
            BEAM_CENTER_DIRECTION, YAW_STEERING, PARAMETER_TABLE, OFF_NADIR_ANGLE, BEAM_NUMBER, INCIDENCE_POLYNOMIAL, ANNOTATION_POINTS);

    /**
     * ISCE maps the integer part of the sampling rate in MHz to the exact rates of PALSAR-2's
     * range samplers (alos2-formats.md 1.4); the field itself carries only 7 decimals.
     */
    private static final double[][] EXACT_SAMPLING_RATES = {
        {104, 1.047915957140240E+08}, {52, 5.239579785701190E+07}, {34, 3.493053190467460E+07}, {17, 1.746526595233730E+07}};

    private static final DateTimeFormatter CENTER_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final CeosRecord record;

    public DatasetSummaryRecord(CeosRecord record) {
        this.record = record;
    }

    public CeosRecord record() {
        return record;
    }

    public Optional<String> sceneId() {
        return record.text(SCENE_ID);
    }

    /** Scene centre time, UTC, from {@code yyyyMMddHHmmssSSS}. */
    public Optional<Instant> sceneCenterTime() {
        Optional<String> t = record.text(SCENE_CENTER_TIME);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String s = t.get().replace(" ", "");
        if (s.length() > 17) {
            s = s.substring(0, 17);
        }
        try {
            return Optional.of(LocalDateTime.parse(s, CENTER_TIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw record.error(SCENE_CENTER_TIME, 0, "holds '" + t.get() + "', expected yyyyMMddHHmmssSSS");
        }
    }

    public Optional<Double> centreLatitude() {
        return record.real(LATITUDE);
    }

    public Optional<Double> centreLongitude() {
        return record.real(LONGITUDE);
    }

    public Optional<Double> incidenceAngle() {
        return record.real(INCIDENCE_ANGLE);
    }

    public Optional<Double> offNadirAngle() {
        return record.real(OFF_NADIR_ANGLE);
    }

    /** PRF in Hz (the field holds mHz). */
    public Optional<Double> prfHz() {
        return record.real(PRF_MHZ).map(v -> v * 1e-3);
    }

    /** The range sampling rate as written, in Hz. */
    public Optional<Double> samplingRateHz() {
        return record.real(SAMPLING_RATE_MHZ).map(v -> v * 1e6);
    }

    /**
     * The range sampling rate to geolocate with, in Hz: PALSAR-2's exact rate when the written
     * value names one of its four samplers, else the written value.
     */
    public Optional<Double> exactSamplingRateHz() {
        Optional<Double> mhz = record.real(SAMPLING_RATE_MHZ);
        if (mhz.isEmpty()) {
            return Optional.empty();
        }
        double v = mhz.get();
        for (double[] e : EXACT_SAMPLING_RATES) {
            if ((int) v == (int) e[0] && Math.abs(v * 1e6 - e[1]) < 1e3) {
                return Optional.of(e[1]);
            }
        }
        return Optional.of(v * 1e6);
    }

    /** Look side from the sensor clock angle; empty when the field is blank or not +-90. */
    public Optional<LookSide> lookSide() {
        Optional<Double> a = record.real(CLOCK_ANGLE);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        if (Math.abs(a.get() - 90) < 1) {
            return Optional.of(LookSide.RIGHT);
        }
        if (Math.abs(a.get() + 90) < 1) {
            return Optional.of(LookSide.LEFT);
        }
        return Optional.empty();
    }

    /** Pass direction from the line time direction indicator ({@code ASCEND}/{@code DESCEND}). */
    public Optional<OrbitDirection> passDirection() {
        return record.text(LINE_TIME_DIRECTION).flatMap(s -> s.startsWith("ASC") ? Optional.of(OrbitDirection.ASCENDING)
                : s.startsWith("DESC") ? Optional.of(OrbitDirection.DESCENDING) : Optional.empty());
    }

    public Optional<String> processingFacility() {
        return record.text(PROCESSING_FACILITY);
    }

    public Optional<String> productLevel() {
        return record.text(PRODUCT_LEVEL);
    }

    /** Operation mode digits of the sensor id ({@code ALOS2 -L -0315-}: {@code 03} = fine), per ISCE. */
    public Optional<String> operationMode() {
        return record.text(SENSOR_ID).filter(s -> s.length() >= 12).map(s -> s.substring(10, 12));
    }
}
