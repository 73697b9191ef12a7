package org.alos2ingest.format.ceos;

import java.util.Optional;

/**
 * The radiometric data record of the SAR leader (9860 bytes, alos2-formats.md 3.2.6): the
 * calibration factor (dB) and the polarimetric distortion matrices (real and imaginary parts).
 */
public final class RadiometricRecord {

    public static final Field SEQUENCE_NUMBER = Field.integer("radiometric_data_records_sequence_number", 13, 4);
    public static final Field FIELDS = Field.integer("number_of_radiometric_fields", 17, 4);
    public static final Field CALIBRATION_FACTOR = Field.real("calibration_factor_db", 21, 16, "F16.7");
    /** DT11, DT12, DT21, DT22 then DR11, DR12, DR21, DR22, each a real and an imaginary F16.7. */
    public static final Field DISTORTION_MATRICES = Field.real("distortion_matrices_re_im", 37, 16, "F16.7").times(16, 16);

    public static final RecordLayout LAYOUT = RecordLayout.of("radiometric data", RecordCode.RADIOMETRIC, SEQUENCE_NUMBER, FIELDS,
            CALIBRATION_FACTOR, DISTORTION_MATRICES);

    private final CeosRecord record;

    public RadiometricRecord(CeosRecord record) {
        this.record = record;
    }

    public CeosRecord record() {
        return record;
    }

    /** sigma0 [dB] = 10 log10(DN^2) + CF for L1.5; for L1.1 add -32 dB (alos2-formats.md 6). */
    public Optional<Double> calibrationFactor() {
        return record.real(CALIBRATION_FACTOR);
    }
}
