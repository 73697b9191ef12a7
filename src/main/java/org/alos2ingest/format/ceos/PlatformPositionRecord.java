package org.alos2ingest.format.ceos;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.alos2ingest.geo.StateVector;

/**
 * The platform position record of the SAR leader (4680 bytes, alos2-formats.md 3.2.4): the orbit as
 * equally spaced state vectors in the ECR frame, 22-character {@code E22.15} values.
 */
public final class PlatformPositionRecord {

    /** Designator: 0 preliminary, 1 decision, 2 high precision (ISCE). */
    public static final Field ORBITAL_ELEMENTS_DESIGNATOR = Field.text("orbital_elements_designator", 13, 32);
    /** The scene-centre state (alos2-formats.md 4.3): position x, y, z then velocity x, y, z. */
    public static final Field ORBITAL_ELEMENTS = Field.real("orbital_elements", 45, 16, "F16.7").times(6, 16);
    public static final Field POINTS = Field.integer("number_of_data_points", 141, 4);
    /** {@code yyyy mm dd} as three I4 inside an A12, e.g. {@code 2014   9   9}. */
    public static final Field FIRST_DATE = Field.text("datetime_of_first_point_date", 145, 12);
    public static final Field FIRST_DAY_OF_YEAR = Field.integer("datetime_of_first_point_day_of_year", 157, 4);
    public static final Field FIRST_SECONDS_OF_DAY = Field.real("datetime_of_first_point_seconds_of_day", 161, 22, "E22.15");
    public static final Field INTERVAL = Field.real("time_interval_between_data_points_s", 183, 22, "E22.15");
    public static final Field REFERENCE_SYSTEM = Field.text("reference_coordinate_system", 205, 64);
    public static final Field GREENWICH_HOUR_ANGLE = Field.real("greenwich_mean_hour_angle", 269, 22, "E22.15");
    public static final Field NOMINAL_ERRORS = Field.real("nominal_error", 291, 16, "F16.7").times(6, 16);
    public static final int MAX_POINTS = 64;
    public static final Field POSITION_X = Field.real("position_x", 387, 22, "E22.15").timesCountOf(POINTS, 132, MAX_POINTS);
    public static final Field POSITION_Y = Field.real("position_y", 409, 22, "E22.15").timesCountOf(POINTS, 132, MAX_POINTS);
    public static final Field POSITION_Z = Field.real("position_z", 431, 22, "E22.15").timesCountOf(POINTS, 132, MAX_POINTS);
    public static final Field VELOCITY_X = Field.real("velocity_x", 453, 22, "E22.15").timesCountOf(POINTS, 132, MAX_POINTS);
    public static final Field VELOCITY_Y = Field.real("velocity_y", 475, 22, "E22.15").timesCountOf(POINTS, 132, MAX_POINTS);
    public static final Field VELOCITY_Z = Field.real("velocity_z", 497, 22, "E22.15").timesCountOf(POINTS, 132, MAX_POINTS);
    public static final Field LEAP_SECOND = Field.integer("occurrence_flag_of_a_leap_second", 4101, 1);

    public static final RecordLayout LAYOUT = RecordLayout.of("platform position", RecordCode.PLATFORM_POSITION,
            ORBITAL_ELEMENTS_DESIGNATOR, ORBITAL_ELEMENTS, POINTS, FIRST_DATE, FIRST_DAY_OF_YEAR, FIRST_SECONDS_OF_DAY, INTERVAL,
            REFERENCE_SYSTEM, GREENWICH_HOUR_ANGLE, NOMINAL_ERRORS, POSITION_X, POSITION_Y, POSITION_Z, VELOCITY_X, VELOCITY_Y,
            VELOCITY_Z, LEAP_SECOND);

    private final CeosRecord record;

    public PlatformPositionRecord(CeosRecord record) {
        this.record = record;
    }

    public CeosRecord record() {
        return record;
    }

    /** {@code 0} preliminary, {@code 1} decision, {@code 2} high precision. */
    public Optional<String> designator() {
        return record.text(ORBITAL_ELEMENTS_DESIGNATOR);
    }

    /** The designator in words, as {@code orbit precision} is reported. */
    public String precision() {
        return switch (designator().orElse("")) {
            case "0" -> "preliminary";
            case "1" -> "decision";
            case "2" -> "high precision";
            default -> designator().map(d -> "unknown (" + d + ")").orElse("unknown");
        };
    }

    public Optional<String> referenceSystem() {
        return record.text(REFERENCE_SYSTEM);
    }

    /** Time of the first state vector. */
    public Instant firstTime() {
        String date = record.text(FIRST_DATE).orElseThrow(() -> record.error(FIRST_DATE, 0, "is blank, the orbit has no date"));
        String[] ymd = date.trim().split("\\s+");
        LocalDate day;
        try {
            if (ymd.length != 3) {
                throw new NumberFormatException();
            }
            day = LocalDate.of(Integer.parseInt(ymd[0]), Integer.parseInt(ymd[1]), Integer.parseInt(ymd[2]));
        } catch (RuntimeException e) {
            throw record.error(FIRST_DATE, 0, "holds '" + date + "', expected year, month and day");
        }
        Optional<Long> doy = record.integer(FIRST_DAY_OF_YEAR);
        if (doy.isPresent() && doy.get() != day.getDayOfYear()) {
            throw record.error(FIRST_DAY_OF_YEAR, 0, "says day " + doy.get() + " but the date " + day + " is day " + day.getDayOfYear());
        }
        double sod = record.requireReal(FIRST_SECONDS_OF_DAY);
        if (sod < 0 || sod >= 86401) {
            throw record.error(FIRST_SECONDS_OF_DAY, 0, "holds " + sod + ", not a second of the day");
        }
        return day.atStartOfDay().toInstant(ZoneOffset.UTC).plusNanos(Math.round(sod * 1e9));
    }

    /** Seconds between state vectors. */
    public double interval() {
        double dt = record.requireReal(INTERVAL);
        if (!(dt > 0 && dt <= 3600)) {
            throw record.error(INTERVAL, 0, "holds " + dt + " s; expected a positive interval of at most an hour");
        }
        return dt;
    }

    /** The state vectors, oldest first. */
    public List<StateVector> stateVectors() {
        int n = record.count(VELOCITY_Z);
        if (n < 4) {
            throw record.error(POINTS, 0, "says " + n + " state vectors; at least 4 are needed to interpolate the orbit");
        }
        Instant t0 = firstTime();
        double dt = interval();
        List<StateVector> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant t = t0.plus(Duration.ofNanos(Math.round(i * dt * 1e9)));
            StateVector v = new StateVector(t, record.requireReal(POSITION_X, i), record.requireReal(POSITION_Y, i),
                    record.requireReal(POSITION_Z, i), record.requireReal(VELOCITY_X, i), record.requireReal(VELOCITY_Y, i),
                    record.requireReal(VELOCITY_Z, i));
            if (v.radius() < 6.3e6 || v.radius() > 8.0e6 || v.speed() < 6000 || v.speed() > 9000) {
                throw record.error(POSITION_X, i, "state vector " + (i + 1) + " is not an ALOS-2 orbit state (radius "
                        + Math.round(v.radius()) + " m, speed " + Math.round(v.speed()) + " m/s)");
            }
            out.add(v);
        }
        return out;
    }

    public boolean leapSecond() {
        return record.integer(LEAP_SECOND).orElse(0L) != 0;
    }
}
