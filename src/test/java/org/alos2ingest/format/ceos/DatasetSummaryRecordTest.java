package org.alos2ingest.format.ceos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;

import org.alos2ingest.geo.LookSide;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.testing.Records;
import org.junit.jupiter.api.Test;

/** A dataset summary record holding the real fixture's values, written as JAXA formats them (alos2-formats.md 3.2.2). */
class DatasetSummaryRecordTest {

    private static DatasetSummaryRecord fixture() {
        byte[] b = RecordWriter.ascii(RecordCode.DATASET_SUMMARY, 2, 4096)
                .put(DatasetSummaryRecord.SCENE_ID, "ALOS2015976960-140909")
                .put(DatasetSummaryRecord.SCENE_CENTER_TIME, "20140909043347052")
                .put(DatasetSummaryRecord.LATITUDE, -11.0510316)
                .put(DatasetSummaryRecord.LONGITUDE, -62.5322403)
                .put(DatasetSummaryRecord.SENSOR_ID, "ALOS2 -L -0315-")
                .put(DatasetSummaryRecord.ORBIT, 1597)
                .put(DatasetSummaryRecord.CLOCK_ANGLE, 90.0)
                .put(DatasetSummaryRecord.INCIDENCE_ANGLE, 40.573)
                .put(DatasetSummaryRecord.SAMPLING_RATE_MHZ, 34.9305319)
                .put(DatasetSummaryRecord.PRF_MHZ, 2122318.4485180)
                .put(DatasetSummaryRecord.PROCESSING_FACILITY, "EICS")
                .put(DatasetSummaryRecord.PRODUCT_LEVEL, "1.5")
                .put(DatasetSummaryRecord.LINE_TIME_DIRECTION, "ASCEND")
                .put(DatasetSummaryRecord.OFF_NADIR_ANGLE, 36.6481913)
                .bytes();
        return new DatasetSummaryRecord(Records.record(b, DatasetSummaryRecord.LAYOUT));
    }

    @Test
    void readsTheRealValues() {
        DatasetSummaryRecord d = fixture();
        assertEquals(Optional.of("ALOS2015976960-140909"), d.sceneId());
        assertEquals(Optional.of(Instant.parse("2014-09-09T04:33:47.052Z")), d.sceneCenterTime());
        assertEquals(-11.0510316, d.centreLatitude().orElseThrow(), 0);
        assertEquals(2122.3184485180, d.prfHz().orElseThrow(), 1e-9);
        assertEquals(Optional.of(LookSide.RIGHT), d.lookSide());
        assertEquals(Optional.of(OrbitDirection.ASCENDING), d.passDirection());
        assertEquals(Optional.of("03"), d.operationMode());
        assertEquals(36.6481913, d.offNadirAngle().orElseThrow(), 0);
        assertEquals(Optional.empty(), d.record().real(DatasetSummaryRecord.TERRAIN_HEIGHT), "blank field");
    }

    @Test
    void samplingRateSnapsToPalsar2sExactRate() {
        // ISCE: int(34.93...) = 34 -> 3.493053190467460E+07 Hz, so the slant-range spacing is c / (2 fs) = 4.2913 m.
        assertEquals(3.493053190467460E+07, fixture().exactSamplingRateHz().orElseThrow(), 0);
        assertEquals(34930531.9, fixture().samplingRateHz().orElseThrow(), 1e-6);
    }
}
