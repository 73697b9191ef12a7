package org.alos2ingest.testing;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.alos2ingest.format.ceos.CeosRecord;
import org.alos2ingest.format.ceos.PlatformPositionRecord;
import org.alos2ingest.format.ceos.RecordCode;
import org.alos2ingest.format.ceos.RecordWriter;
import org.alos2ingest.geo.StateVector;

/** Hand-built CEOS records for tests. */
public final class Records {

    private Records() {
    }

    /** A 4680-byte platform position record holding {@code vectors} (equally spaced) and the real fixture's header values. */
    public static byte[] platformPosition(List<StateVector> vectors, double interval) {
        LocalDateTime t0 = LocalDateTime.ofInstant(vectors.get(0).time(), ZoneOffset.UTC);
        RecordWriter w = RecordWriter.ascii(RecordCode.PLATFORM_POSITION, 4, 4680)
                .put(PlatformPositionRecord.ORBITAL_ELEMENTS_DESIGNATOR, "2")
                .putAll(PlatformPositionRecord.ORBITAL_ELEMENTS, RealLeader.ORBITAL_ELEMENTS)
                .put(PlatformPositionRecord.POINTS, vectors.size())
                .put(PlatformPositionRecord.FIRST_DATE, String.format(Locale.ROOT, "%4d%4d%4d", t0.getYear(), t0.getMonthValue(), t0.getDayOfMonth()))
                .put(PlatformPositionRecord.FIRST_DAY_OF_YEAR, t0.getDayOfYear())
                .put(PlatformPositionRecord.FIRST_SECONDS_OF_DAY, t0.toLocalTime().toNanoOfDay() / 1e9)
                .put(PlatformPositionRecord.INTERVAL, interval)
                .put(PlatformPositionRecord.REFERENCE_SYSTEM, "ECR")
                .putAll(PlatformPositionRecord.NOMINAL_ERRORS, 100, 100, 100, 0.3, 0.3, 0.3)
                .put(PlatformPositionRecord.LEAP_SECOND, 0);
        for (int i = 0; i < vectors.size(); i++) {
            StateVector v = vectors.get(i);
            w.put(PlatformPositionRecord.POSITION_X, i, v.x()).put(PlatformPositionRecord.POSITION_Y, i, v.y())
                    .put(PlatformPositionRecord.POSITION_Z, i, v.z()).put(PlatformPositionRecord.VELOCITY_X, i, v.vx())
                    .put(PlatformPositionRecord.VELOCITY_Y, i, v.vy()).put(PlatformPositionRecord.VELOCITY_Z, i, v.vz());
        }
        return w.bytes();
    }

    public static CeosRecord record(byte[] bytes, org.alos2ingest.format.ceos.RecordLayout layout) {
        return CeosRecord.of(Path.of("LED-test"), 0, layout, bytes);
    }
}
