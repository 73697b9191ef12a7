package org.alos2ingest.format.ceos;

import java.util.Optional;

/**
 * The facility related data records 1-5 of the SAR leader (alos2-formats.md 3.2.8, 3.2.9). Records
 * 1-4 are opaque to the ingest (dummy, ephemeris, time error, coordinate conversion: hundreds of
 * kilobytes that are not read); record 5 holds JAXA's pixel/line to latitude/longitude polynomials.
 * All five share one type code and are told apart by the sequence number at position 13.
 */
public final class FacilityRecord {

    public static final Field SEQUENCE_NUMBER = Field.integer("record_sequence_number", 13, 4);

    /** What is read of every facility record: its number. */
    public static final RecordLayout LAYOUT = RecordLayout.of("facility related data", RecordCode.FACILITY, SEQUENCE_NUMBER)
            .withReadLimit(16);

    public static final Field MAP_TO_PIXEL = Field.real("conversion_from_map_projection_to_pixel_a", 17, 20, "E20.10").times(10, 20);
    public static final Field MAP_TO_LINE = Field.real("conversion_from_map_projection_to_pixel_b", 217, 20, "E20.10").times(10, 20);
    public static final Field CALIBRATION_FLAG = Field.integer("calibration_mode_data_location_flag", 417, 4);
    public static final Field CALIBRATION_LINES = Field.integer("calibration_line_numbers", 421, 8).times(4, 8);
    public static final Field PRF_SWITCHING = Field.integer("prf_switching_flag", 453, 4);
    public static final Field PRF_SWITCHING_LINE = Field.integer("start_line_number_of_prf_switching", 457, 8);
    public static final Field LOSS_LINES_L10 = Field.integer("number_of_loss_lines_level1_0", 473, 8);
    public static final Field LOSS_LINES = Field.integer("number_of_loss_lines_others", 481, 8);
    /** Latitude coefficients a[0..24] of the pixel/line to geographic conversion (alos2-formats.md 3.2.9). */
    public static final Field PIXEL_TO_LATITUDE = Field.real("conversion_from_pixel_to_geographic_a", 1025, 20, "E20.10").times(25, 20);
    public static final Field PIXEL_TO_LONGITUDE = Field.real("conversion_from_pixel_to_geographic_b", 1525, 20, "E20.10").times(25, 20);
    public static final Field ORIGIN_PIXEL = Field.real("conversion_from_pixel_to_geographic_origin_pixel", 2025, 20, "E20.10");
    public static final Field ORIGIN_LINE = Field.real("conversion_from_pixel_to_geographic_origin_line", 2045, 20, "E20.10");
    public static final Field GEOGRAPHIC_TO_PIXEL = Field.real("conversion_from_geographic_to_pixel_c", 2065, 20, "E20.10").times(25, 20);
    public static final Field GEOGRAPHIC_TO_LINE = Field.real("conversion_from_geographic_to_pixel_d", 2565, 20, "E20.10").times(25, 20);
    public static final Field ORIGIN_LATITUDE = Field.real("conversion_from_geographic_to_pixel_origin_latitude", 3065, 20, "E20.10");
    public static final Field ORIGIN_LONGITUDE = Field.real("conversion_from_geographic_to_pixel_origin_longitude", 3085, 20, "E20.10");

    /** Record 5, read whole. */
    public static final RecordLayout POLYNOMIAL_LAYOUT = RecordLayout.of("facility related data 5", RecordCode.FACILITY,
            SEQUENCE_NUMBER, MAP_TO_PIXEL, MAP_TO_LINE, CALIBRATION_FLAG, CALIBRATION_LINES, PRF_SWITCHING, PRF_SWITCHING_LINE,
            LOSS_LINES_L10, LOSS_LINES, PIXEL_TO_LATITUDE, PIXEL_TO_LONGITUDE, ORIGIN_PIXEL, ORIGIN_LINE, GEOGRAPHIC_TO_PIXEL,
            GEOGRAPHIC_TO_LINE, ORIGIN_LATITUDE, ORIGIN_LONGITUDE);

    private final CeosRecord record;

    public FacilityRecord(CeosRecord record) {
        this.record = record;
    }

    public CeosRecord record() {
        return record;
    }

    /** 1 to 5. */
    public long number() {
        return record.integer(SEQUENCE_NUMBER).orElse(0L);
    }

    public boolean hasPolynomials() {
        return record.layout() == POLYNOMIAL_LAYOUT;
    }

    /**
     * The 25 latitude coefficients, 25 longitude coefficients and the origin (pixel, line) of
     * the pixel/line to geographic conversion; empty when any of them is blank.
     */
    public Optional<double[][]> pixelToGeographic() {
        if (!hasPolynomials()) {
            return Optional.empty();
        }
        double[] a = new double[25];
        double[] b = new double[25];
        for (int i = 0; i < 25; i++) {
            Optional<Double> ai = record.real(PIXEL_TO_LATITUDE, i);
            Optional<Double> bi = record.real(PIXEL_TO_LONGITUDE, i);
            if (ai.isEmpty() || bi.isEmpty()) {
                return Optional.empty();
            }
            a[i] = ai.get();
            b[i] = bi.get();
        }
        Optional<Double> p0 = record.real(ORIGIN_PIXEL);
        Optional<Double> l0 = record.real(ORIGIN_LINE);
        if (p0.isEmpty() || l0.isEmpty()) {
            return Optional.empty();
        }
        boolean allZero = true;
        for (int i = 0; i < 25; i++) {
            allZero &= a[i] == 0 && b[i] == 0;
        }
        return allZero ? Optional.empty() : Optional.of(new double[][] {a, b, {p0.get(), l0.get()}});
    }
}
