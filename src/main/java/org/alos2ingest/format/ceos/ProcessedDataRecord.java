package org.alos2ingest.format.ceos;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The 192-byte prefix of a Level 1.5 / 3.1 image line (processed data record, alos2-formats.md
 * 3.3.3): time, PRF, slant ranges, Doppler and the positions of the line's first, centre and last pixels.
 */
public final class ProcessedDataRecord {

    public static final int PREFIX_LENGTH = 192;

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
    public static final Field SLANT_RANGE_FIRST = Field.binary("slant_range_to_first_pixel_m", 65, 4);
    public static final Field SLANT_RANGE_MID = Field.binary("slant_range_to_mid_pixel_m", 69, 4);
    public static final Field SLANT_RANGE_LAST = Field.binary("slant_range_to_last_pixel_m", 73, 4);
    public static final Field DOPPLER = Field.scaled("doppler_centroid_first_mid_last_hz", 77, 4, 1e-3).times(3, 4);
    public static final Field FM_RATE = Field.binary("azimuth_fm_rate_first_mid_last_hz_per_ms", 89, 4).times(3, 4);
    public static final Field NADIR_LOOK_ANGLE = Field.scaled("look_angle_of_nadir_deg", 101, 4, 1e-6);
    public static final Field SQUINT_ANGLE = Field.scaled("azimuth_squint_angle_deg", 105, 4, 1e-6);
    public static final Field GEOGRAPHIC_UPDATE = Field.binary("geographic_reference_parameter_update_flag", 129, 4);
    public static final Field LATITUDES = Field.scaled("latitude_of_first_center_last_pixel_deg", 133, 4, 1e-6).times(3, 4);
    public static final Field LONGITUDES = Field.scaled("longitude_of_first_center_last_pixel_deg", 145, 4, 1e-6).times(3, 4);
    public static final Field NORTHING_FIRST = Field.binary("northing_of_first_pixel_m", 157, 4);
    public static final Field NORTHING_LAST = Field.binary("northing_of_last_pixel_m", 165, 4);
    public static final Field EASTING_FIRST = Field.binary("easting_of_first_pixel_m", 169, 4);
    public static final Field EASTING_LAST = Field.binary("easting_of_last_pixel_m", 177, 4);
    public static final Field LINE_HEADING = Field.scaled("line_heading_deg", 181, 4, 1e-6);

    public static final RecordLayout LAYOUT = RecordLayout.of("processed data", RecordCode.PROCESSED_DATA, ImageLinePrefix.followedBy(
            SLANT_RANGE_FIRST, SLANT_RANGE_MID, SLANT_RANGE_LAST, DOPPLER,
            FM_RATE, NADIR_LOOK_ANGLE, SQUINT_ANGLE, GEOGRAPHIC_UPDATE, LATITUDES, LONGITUDES, NORTHING_FIRST, NORTHING_LAST,
            EASTING_FIRST, EASTING_LAST, LINE_HEADING));

    private final CeosRecord record;

    public ProcessedDataRecord(CeosRecord record) {
        this.record = record;
    }

    public CeosRecord record() {
        return record;
    }

    public long lineNumber() {
        return record.binary(LINE_NUMBER);
    }

    /** Acquisition time of the line (year, day of year, millisecond of day); empty when not filled in. */
    public java.util.Optional<Instant> time() {
        long year = record.binary(YEAR);
        long doy = record.binary(DAY_OF_YEAR);
        long ms = record.binary(MILLISECOND_OF_DAY);
        if (year < 2000 || year > 2100 || doy < 1 || doy > 366 || ms < 0 || ms > 86_401_000L) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(LocalDate.ofYearDay((int) year, (int) doy).atStartOfDay().toInstant(ZoneOffset.UTC).plusMillis(ms));
    }

    /** (lon, lat) of the first, centre and last pixel; all zero when JAXA did not fill them in. */
    public double[][] pixelPositions() {
        double[][] out = new double[3][];
        for (int i = 0; i < 3; i++) {
            out[i] = new double[] {record.binary(LONGITUDES, i) * 1e-6, record.binary(LATITUDES, i) * 1e-6};
        }
        return out;
    }
}
