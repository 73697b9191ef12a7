package org.alos2ingest.cli.input;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.alos2ingest.geo.LookSide;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.identify.ProcessingLevel;
import picocli.CommandLine;

/**
 * The codes of an acquisition a user filters or generates by: observation mode, processing level,
 * orbit direction and look side. The valid values come from the enums that read product names
 * ({@link ObservationMode}, {@link ProcessingLevel}, {@link OrbitDirection}, {@link LookSide}), so a
 * refusal lists exactly what the catalog can hold.
 */
public final class AcquisitionCodes {

    private AcquisitionCodes() {
    }

    /** {@code FBD}, {@code fbd}. */
    public static final class Mode implements CommandLine.ITypeConverter<ObservationMode> {
        @Override
        public ObservationMode convert(String text) {
            return ObservationMode.fromCode(text.strip().toUpperCase(Locale.ROOT)).orElseThrow(() -> new CommandLine.TypeConversionException(
                    text + " is not an ALOS-2 observation mode; one of " + String.join(", ", names(ObservationMode.values()))));
        }
    }

    /** {@code 1.5}, {@code L1.5}, {@code l1.5}; only the levels that can be ingested. */
    public static final class Level implements CommandLine.ITypeConverter<ProcessingLevel> {
        @Override
        public ProcessingLevel convert(String text) {
            String t = text.strip().toUpperCase(Locale.ROOT);
            ProcessingLevel l = ProcessingLevel.fromCode(t.startsWith("L") ? t.substring(1) : t).orElse(null);
            List<String> ingestible = Arrays.stream(ProcessingLevel.values()).filter(ProcessingLevel::isSupported).map(ProcessingLevel::code).toList();
            if (l == null) {
                throw new CommandLine.TypeConversionException(text + " is not a processing level; one of " + String.join(", ", ingestible));
            }
            if (!l.isSupported()) {
                throw new CommandLine.TypeConversionException(text + " is not a level alos2-ingest catalogs (" + l.refusal() + "); one of "
                        + String.join(", ", ingestible));
            }
            return l;
        }
    }

    /** {@code ascending}, {@code asc}, {@code A}; likewise descending. */
    public static final class Direction implements CommandLine.ITypeConverter<OrbitDirection> {
        @Override
        public OrbitDirection convert(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            for (OrbitDirection d : OrbitDirection.values()) {
                if (!t.isEmpty() && (d.word().startsWith(t) && (t.length() == 1 || t.length() >= 3))) {
                    return d;
                }
            }
            throw new CommandLine.TypeConversionException(text + " is not an orbit direction; one of "
                    + String.join(", ", Arrays.stream(OrbitDirection.values()).map(OrbitDirection::word).toList()) + " (or "
                    + String.join(", ", Arrays.stream(OrbitDirection.values()).map(d -> String.valueOf(d.code())).toList()) + ")");
        }
    }

    /** {@code R}, {@code right}; likewise left. */
    public static final class Look implements CommandLine.ITypeConverter<LookSide> {
        @Override
        public LookSide convert(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            for (LookSide s : LookSide.values()) {
                if (t.equals(s.word()) || t.equals(String.valueOf(s.code()).toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
            throw new CommandLine.TypeConversionException(text + " is not a look side; one of "
                    + String.join(", ", Arrays.stream(LookSide.values()).map(s -> String.valueOf(s.code())).toList()) + " (or "
                    + String.join(", ", Arrays.stream(LookSide.values()).map(LookSide::word).toList()) + ")");
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
