package org.alos2ingest.render;

/**
 * JAXA's radiometric calibration of ALOS-2/PALSAR-2 Level 1.5 and 2.1 amplitude: sigma-nought in dB
 * is {@code 10 log10(DN^2) + CF}, with {@code CF = -83.0 dB}: the formula of JAXA's CEOS format
 * description for Level 1.5/3.1 ("sigma0 = 10*log_10<DN^2> + CF"), and the factor JAXA writes in the
 * leader file's radiometric data record (byte 21) of its products (docs/alos2-formats.md, section 6).
 * GeoTIFF products carry no leader, so the factor is a setting ({@code SIGMA0_CALIBRATION_FACTOR_DB}):
 * JAXA revises it after calibration campaigns.
 *
 * @param factorDb CF, in dB
 */
public record Calibration(double factorDb) {

    public static final String SETTING = "SIGMA0_CALIBRATION_FACTOR_DB";
    public static final double JAXA_FACTOR_DB = -83.0;
    public static final String FORMULA = "sigma0_dB = 10 * log10(DN^2) + CF";
    public static final String SOURCE = "JAXA ALOS-2/PALSAR-2 CEOS format description, Level 1.5/3.1 sigma0; CF as in the leader's radiometric data record";

    public Calibration {
        if (!Double.isFinite(factorDb) || factorDb < -200 || factorDb > 200) {
            throw new IllegalArgumentException("calibration factor " + factorDb + " dB is not a plausible CF (JAXA's is " + JAXA_FACTOR_DB + ")");
        }
    }

    public static Calibration jaxa() {
        return new Calibration(JAXA_FACTOR_DB);
    }

    /** sigma-nought of a DN, in dB; NaN for 0 (no data). */
    public double sigma0Db(int dn) {
        return dn == 0 ? Double.NaN : 20 * Math.log10(dn) + factorDb;
    }

    /** sigma-nought of a mean power (mean DN^2), in dB; NaN for 0. */
    public float sigma0DbOfPower(double meanPower) {
        return meanPower <= 0 ? Float.NaN : (float) (10 * Math.log10(meanPower) + factorDb);
    }

    /** {@link #sigma0Db} of every UInt16 DN, as Float32. */
    public float[] table() {
        float[] t = new float[65536];
        for (int dn = 0; dn < t.length; dn++) {
            t[dn] = (float) sigma0Db(dn);
        }
        return t;
    }
}
