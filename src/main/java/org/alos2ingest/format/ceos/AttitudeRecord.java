package org.alos2ingest.format.ceos;

/**
 * The attitude record of the SAR leader (16384 bytes, alos2-formats.md 3.2.5): pitch, roll and yaw
 * and their rates at points of time given as day of year and millisecond of day (no year).
 */
public final class AttitudeRecord {

    public static final Field POINTS = Field.integer("number_of_points", 13, 4);
    public static final int MAX_POINTS = 136;
    public static final Field DAY_OF_YEAR = Field.integer("day_of_year", 17, 4).timesCountOf(POINTS, 120, MAX_POINTS);
    public static final Field MILLISECOND_OF_DAY = Field.integer("millisecond_of_day", 21, 8).timesCountOf(POINTS, 120, MAX_POINTS);
    public static final Field PITCH_FLAG = Field.integer("pitch_error", 29, 4).timesCountOf(POINTS, 120, MAX_POINTS);
    public static final Field ROLL_FLAG = Field.integer("roll_error", 33, 4).timesCountOf(POINTS, 120, MAX_POINTS);
    public static final Field YAW_FLAG = Field.integer("yaw_error", 37, 4).timesCountOf(POINTS, 120, MAX_POINTS);
    public static final Field PITCH = Field.real("pitch_deg", 41, 14, "E14.6").timesCountOf(POINTS, 120, MAX_POINTS);
    public static final Field ROLL = Field.real("roll_deg", 55, 14, "E14.6").timesCountOf(POINTS, 120, MAX_POINTS);
    public static final Field YAW = Field.real("yaw_deg", 69, 14, "E14.6").timesCountOf(POINTS, 120, MAX_POINTS);
    public static final Field PITCH_RATE_FLAG = Field.integer("pitch_rate_error", 83, 4).timesCountOf(POINTS, 120, MAX_POINTS);
    public static final Field ROLL_RATE_FLAG = Field.integer("roll_rate_error", 87, 4).timesCountOf(POINTS, 120, MAX_POINTS);
    public static final Field YAW_RATE_FLAG = Field.integer("yaw_rate_error", 91, 4).timesCountOf(POINTS, 120, MAX_POINTS);
    public static final Field PITCH_RATE = Field.real("pitch_rate_deg_s", 95, 14, "E14.6").timesCountOf(POINTS, 120, MAX_POINTS);
    public static final Field ROLL_RATE = Field.real("roll_rate_deg_s", 109, 14, "E14.6").timesCountOf(POINTS, 120, MAX_POINTS);
    public static final Field YAW_RATE = Field.real("yaw_rate_deg_s", 123, 14, "E14.6").timesCountOf(POINTS, 120, MAX_POINTS);

    public static final RecordLayout LAYOUT = RecordLayout.of("attitude", RecordCode.ATTITUDE, POINTS, DAY_OF_YEAR,
            MILLISECOND_OF_DAY, PITCH_FLAG, ROLL_FLAG, YAW_FLAG, PITCH, ROLL, YAW, PITCH_RATE_FLAG, ROLL_RATE_FLAG, YAW_RATE_FLAG,
            PITCH_RATE, ROLL_RATE, YAW_RATE);

    private final CeosRecord record;

    public AttitudeRecord(CeosRecord record) {
        this.record = record;
    }

    public CeosRecord record() {
        return record;
    }

    public int points() {
        return record.count(PITCH);
    }
}
