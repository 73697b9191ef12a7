package org.alos2ingest.format.ceos;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The 544-byte prefix of a Level 1.1 image line (signal data record, alos2-formats.md 3.3.2):
 * acquisition time, PRF, polarisations, scan, slant range to the first sample and the platform and
 * pixel positions. Binary, big-endian, signed.
 */
public final class SignalDataRecord {

    public static final int PREFIX_LENGTH = 544;

    public static final Field LINE_NUMBER = ImageLinePrefix.LINE_NUMBER;
    public static final Field RECORD_INDEX = ImageLinePrefix.RECORD_INDEX;
    public static final Field LEFT_FILL = ImageLinePrefix.LEFT_FILL;
    public static final Field DATA_PIXELS = ImageLinePrefix.DATA_PIXELS;
    public static final Field RIGHT_FILL = ImageLinePrefix.RIGHT_FILL;
    public static final Field UPDATE_FLAG = ImageLinePrefix.UPDATE_FLAG;
    public static final Field YEAR = ImageLinePrefix.YEAR;
    public static final Field DAY_OF_YEAR = ImageLinePrefix.DAY_OF_YEAR;
    public static final Field MILLISECOND_OF_DAY = ImageLinePrefix.MILLISECOND_OF_DAY;
    public static final Field CHANNEL_ID = ImageLinePrefix.CHANNEL_ID;
    public static final Field CHANNEL_CODE = ImageLinePrefix.CHANNEL_CODE;
    public static final Field TRANSMIT_POLARISATION = ImageLinePrefix.TRANSMIT_POLARISATION;
    public static final Field RECEIVE_POLARISATION = ImageLinePrefix.RECEIVE_POLARISATION;
    public static final Field PRF_MHZ = ImageLinePrefix.PRF_MHZ;
    public static final Field SCAN_ID = ImageLinePrefix.SCAN_ID;
    public static final Field RANGE_COMPRESSED = Field.binary("onboard_range_compressed_flag", 65, 2);
    public static final Field CHIRP_TYPE = Field.binary("chirp_type_designator", 67, 2);
    public static final Field CHIRP_LENGTH = Field.binary("chirp_length_ns", 69, 4);
    public static final Field CHIRP_CONSTANT = Field.binary("chirp_constant_coefficient_hz", 73, 4);
    public static final Field CHIRP_LINEAR = Field.binary("chirp_linear_coefficient_hz_per_us", 77, 4);
    public static final Field CHIRP_QUADRATIC = Field.binary("chirp_quadratic_coefficient_hz_per_us2", 81, 4);
    public static final Field MICROSECOND_OF_DAY = Field.binary("sensor_acquisition_microseconds_of_day", 85, 8);
    public static final Field RECEIVER_GAIN = Field.binary("receiver_gain_db", 93, 4);
    public static final Field INVALID_LINE = Field.binary("invalid_line_flag", 97, 4);
    public static final Field ELEVATION_ELECTRONIC = Field.binary("elevation_angle_at_nadir_electronic", 101, 4);
    public static final Field ELEVATION_MECHANIC = Field.binary("elevation_angle_at_nadir_mechanic", 105, 4);
    public static final Field SQUINT_ELECTRONIC = Field.binary("antenna_squint_angle_electronic", 109, 4);
    public static final Field SQUINT_MECHANIC = Field.binary("antenna_squint_angle_mechanic", 113, 4);
    /** Slant range to the first data sample, integer metres. */
    public static final Field SLANT_RANGE = Field.binary("slant_range_to_first_data_sample_m", 117, 4);
    public static final Field WINDOW_POSITION = Field.binary("data_record_window_position_ns", 121, 4);
    public static final Field PLATFORM_UPDATE = Field.binary("platform_position_parameters_update_flag", 129, 4);
    public static final Field PLATFORM_LATITUDE = Field.scaled("platform_latitude_deg", 133, 4, 1e-6);
    public static final Field PLATFORM_LONGITUDE = Field.scaled("platform_longitude_deg", 137, 4, 1e-6);
    public static final Field PLATFORM_ALTITUDE = Field.binary("platform_altitude", 141, 4);
    public static final Field GROUND_SPEED = Field.binary("platform_ground_speed_cm_s", 145, 4);
    public static final Field VELOCITY = Field.binary("platform_velocity_cm_s", 149, 4).times(3, 4);
    public static final Field ACCELERATION = Field.binary("platform_acceleration_cm_s2", 161, 4).times(3, 4);
    public static final Field TRACK_ANGLE = Field.scaled("platform_track_angle_deg", 173, 4, 1e-6);
    public static final Field TRUE_TRACK_ANGLE = Field.scaled("platform_true_track_angle_deg", 177, 4, 1e-6);
    public static final Field ATTITUDE = Field.binary("platform_attitude_pitch_roll_yaw_udeg", 181, 4).times(3, 4);
    public static final Field FIRST_PIXEL_LATITUDE = Field.scaled("latitude_of_first_pixel_deg", 193, 4, 1e-6);
    public static final Field CENTER_PIXEL_LATITUDE = Field.scaled("latitude_of_center_pixel_deg", 197, 4, 1e-6);
    public static final Field LAST_PIXEL_LATITUDE = Field.scaled("latitude_of_last_pixel_deg", 201, 4, 1e-6);
    public static final Field FIRST_PIXEL_LONGITUDE = Field.scaled("longitude_of_first_pixel_deg", 205, 4, 1e-6);
    public static final Field CENTER_PIXEL_LONGITUDE = Field.scaled("longitude_of_center_pixel_deg", 209, 4, 1e-6);
    public static final Field LAST_PIXEL_LONGITUDE = Field.scaled("longitude_of_last_pixel_deg", 213, 4, 1e-6);
    public static final Field BURST_NUMBER = Field.binary("burst_number", 217, 4);
    public static final Field LINE_IN_BURST = Field.binary("line_number_in_this_burst", 221, 4);
    public static final Field FRAME_NUMBER = Field.binary("alos2_frame_number", 285, 4);

    public static final RecordLayout LAYOUT = RecordLayout.of("signal data", RecordCode.SIGNAL_DATA, ImageLinePrefix.followedBy(
            RANGE_COMPRESSED, CHIRP_TYPE, CHIRP_LENGTH, CHIRP_CONSTANT,
            CHIRP_LINEAR, CHIRP_QUADRATIC, MICROSECOND_OF_DAY, RECEIVER_GAIN, INVALID_LINE, ELEVATION_ELECTRONIC, ELEVATION_MECHANIC,
            SQUINT_ELECTRONIC, SQUINT_MECHANIC, SLANT_RANGE, WINDOW_POSITION, PLATFORM_UPDATE, PLATFORM_LATITUDE, PLATFORM_LONGITUDE,
            PLATFORM_ALTITUDE, GROUND_SPEED, VELOCITY, ACCELERATION, TRACK_ANGLE, TRUE_TRACK_ANGLE, ATTITUDE, FIRST_PIXEL_LATITUDE,
            CENTER_PIXEL_LATITUDE, LAST_PIXEL_LATITUDE, FIRST_PIXEL_LONGITUDE, CENTER_PIXEL_LONGITUDE, LAST_PIXEL_LONGITUDE,
            BURST_NUMBER, LINE_IN_BURST, FRAME_NUMBER));

    private final CeosRecord record;

    public SignalDataRecord(CeosRecord record) {
        this.record = record;
    }

    public CeosRecord record() {
        return record;
    }

    public long lineNumber() {
        return record.binary(LINE_NUMBER);
    }

    /**
     * Acquisition time of the line: year, day of year and microsecond of day (millisecond of day
     * when the microseconds are 0, as sarpy does).
     */
    public Instant time() {
        long year = record.binary(YEAR);
        long doy = record.binary(DAY_OF_YEAR);
        if (year < 2000 || year > 2100) {
            throw record.error(YEAR, 0, "holds " + year + ", not a year of ALOS-2 observations");
        }
        if (doy < 1 || doy > 366) {
            throw record.error(DAY_OF_YEAR, 0, "holds " + doy + ", not a day of the year");
        }
        long us = record.binary(MICROSECOND_OF_DAY);
        long ms = record.binary(MILLISECOND_OF_DAY);
        if (us == 0 && ms != 0) {
            us = ms * 1000;
        }
        if (us < 0 || us > 86_401_000_000L) {
            throw record.error(MICROSECOND_OF_DAY, 0, "holds " + us + ", not a microsecond of the day");
        }
        return LocalDate.ofYearDay((int) year, (int) doy).atStartOfDay().toInstant(ZoneOffset.UTC).plusNanos(us * 1000);
    }

    /** PRF in Hz (the field holds mHz). */
    public double prfHz() {
        return record.binary(PRF_MHZ) * 1e-3;
    }

    public long scanId() {
        return record.binary(SCAN_ID);
    }

    /** Slant range to the first sample, metres. */
    public long slantRange() {
        return record.binary(SLANT_RANGE);
    }

    /** {@code HH}, {@code HV}, ... from the transmit and receive codes (0 = H, 1 = V). */
    public String polarisation() {
        return pol(record.binary(TRANSMIT_POLARISATION)) + pol(record.binary(RECEIVE_POLARISATION));
    }

    private static String pol(long code) {
        return code == 0 ? "H" : code == 1 ? "V" : "?";
    }
}
