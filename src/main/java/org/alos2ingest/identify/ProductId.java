package org.alos2ingest.identify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alos2ingest.geo.LookSide;
import org.alos2ingest.geo.OrbitDirection;

/**
 * The 10-character product id ({@code Pds_ProductID}), e.g. {@code FBDR1.5GUA}: observation mode,
 * look side, processing level, processing option, map projection and orbit direction.
 *
 * @param processingOption {@code G} geo-coded, {@code R} geo-referenced, {@code _} not applicable
 * @param mapProjection    {@code U} UTM, {@code P} polar stereographic, {@code M} Mercator,
 *                         {@code L} Lambert conformal conic, {@code _} not applicable
 */
public record ProductId(ObservationMode mode, LookSide lookSide, ProcessingLevel level,
                        char processingOption, char mapProjection, OrbitDirection direction) {

    /** Loose on purpose: the fields are checked one by one so that the error can say which is wrong. */
    static final String REGEX = "(?<mode>[A-Z]{3})(?<look>[A-Z])(?<level>\\d\\.\\d)(?<proc>[A-Z_])(?<proj>[A-Z_])(?<dir>[A-Z])";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    public static ProductId parse(String text) {
        Matcher m = PATTERN.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + ProductName.quoted(text) + "' is not an ALOS-2 product id (e.g. FBDR1.5GUA)");
        }
        return from(m);
    }

    static ProductId from(Matcher m) {
        String modeCode = m.group("mode");
        ObservationMode mode = ObservationMode.fromCode(modeCode).orElseThrow(() ->
                new IllegalArgumentException("unknown observation mode '" + modeCode + "'"));
        char look = m.group("look").charAt(0);
        if (look != 'L' && look != 'R') {
            throw new IllegalArgumentException("unknown look side '" + look + "' (expected L or R)");
        }
        String levelCode = m.group("level");
        ProcessingLevel level = ProcessingLevel.fromCode(levelCode).orElseThrow(() ->
                new IllegalArgumentException("unknown processing level '" + levelCode + "' (expected 1.1, 1.5 or 2.1)"));
        char proc = m.group("proc").charAt(0);
        if ("GR_".indexOf(proc) < 0) {
            throw new IllegalArgumentException("unknown processing option '" + proc + "' (expected G, R or _)");
        }
        char proj = m.group("proj").charAt(0);
        if ("UPML_".indexOf(proj) < 0) {
            throw new IllegalArgumentException("unknown map projection '" + proj + "' (expected U, P, M, L or _)");
        }
        char dir = m.group("dir").charAt(0);
        if (dir != 'A' && dir != 'D') {
            throw new IllegalArgumentException("unknown orbit direction '" + dir + "' (expected A or D)");
        }
        return new ProductId(mode, LookSide.fromCode(look), level, proc, proj, OrbitDirection.fromCode(dir));
    }

    public String text() {
        return "" + mode.name() + lookSide.code() + level.code() + processingOption + mapProjection + direction.code();
    }

    @Override
    public String toString() {
        return text();
    }
}
