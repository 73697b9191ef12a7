package org.alos2ingest.identify;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 21-character JAXA scene id, {@code ALOS2} + orbit(5) + frame(4) + {@code -} + YYMMDD
 * (alos2-formats.md 1.3), e.g. {@code ALOS2015976960-140909}.
 *
 * @param orbit absolute orbit number (revolution count since launch)
 * @param frame frame number along the orbit (multiples of 10 in practice)
 * @param date  observation date (UTC)
 */
public record SceneId(int orbit, int frame, LocalDate date) {

    static final String REGEX = "ALOS2(?<orbit>\\d{5})(?<frame>\\d{4})-(?<date>\\d{6})";
    private static final Pattern PATTERN = Pattern.compile(REGEX);
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    /** Revolutions in ALOS-2's 14-day repeat cycle. */
    public static final int PATHS_PER_CYCLE = 207;

    public SceneId {
        if (orbit < 0 || orbit > 99999 || frame < 0 || frame > 9999) {
            throw new IllegalArgumentException("orbit " + orbit + " or frame " + frame + " out of range");
        }
    }

    /** The first valid scene id in a text (a delivery's file name); a match with an impossible date is passed over. */
    public static Optional<SceneId> findIn(String text) {
        Matcher m = PATTERN.matcher(text);
        while (m.find()) {
            try {
                return Optional.of(from(m));
            } catch (IllegalArgumentException e) {
                // not a real date: keep looking
            }
        }
        return Optional.empty();
    }

    /** Parses exactly a scene id, e.g. from {@code Scs_SceneID}. */
    public static SceneId parse(String text) {
        Matcher m = PATTERN.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + ProductName.quoted(text) + "' is not an ALOS-2 scene id (ALOS2 + 9 digits + -YYMMDD)");
        }
        return from(m);
    }

    static SceneId from(Matcher m) {
        String d = m.group("date");
        LocalDate date;
        try {
            date = LocalDate.parse(d, YYMMDD);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + d + "' is not a valid YYMMDD date");
        }
        if (date.getYear() > 2099) {
            date = date.minusYears(100);
        }
        return new SceneId(Integer.parseInt(m.group("orbit")), Integer.parseInt(m.group("frame")), date);
    }

    /**
     * JAXA path (track) number. The empirical (14 orbit + 24) mod 207 agrees with the KML "Path No" of
     * every real product checked (alos2-formats.md 1.5); {@code orbit % 207} does not.
     */
    public int pathNumber() {
        return (14 * orbit + 24) % PATHS_PER_CYCLE;
    }

    /** Frame and date, e.g. {@code 6960-140909}: what the HPC archive groups a folder's files by. */
    public String fdate() {
        return String.format("%04d-%s", frame, date.format(YYMMDD));
    }

    public String text() {
        return String.format("ALOS2%05d%04d-%s", orbit, frame, date.format(YYMMDD));
    }

    @Override
    public String toString() {
        return text();
    }
}
