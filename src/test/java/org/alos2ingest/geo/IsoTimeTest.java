package org.alos2ingest.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IsoTimeTest {

    @Test
    void theCatalogsOwnFormReadsAsTheGeneralParserReadsIt() {
        Random r = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            // 1900 .. 2100, to the millisecond
            Instant t = Instant.ofEpochMilli(-2_208_988_800_000L + (long) (r.nextDouble() * 6_311_433_600_000L));
            String text = IsoTime.format(t);
            assertEquals(t, IsoTime.parse(text), text);
            assertEquals(OffsetDateTime.parse(text).toInstant(), IsoTime.parse(text), text);
        }
    }

    @Test
    void otherFormsStillRead() {
        assertEquals(Instant.parse("2017-02-09T00:00:00Z"), IsoTime.parse("2017-02-09"));
        assertEquals(Instant.parse("2017-02-09T05:10:58Z"), IsoTime.parse("2017-02-09T05:10:58"));
        assertEquals(Instant.parse("2017-02-09T05:10:58.5Z"), IsoTime.parse(" 2017-02-09T05:10:58.500+00:00 "));
        assertEquals(Instant.parse("2017-02-09T04:10:58Z"), IsoTime.parse("2017-02-09T05:10:58+01:00"));
        assertEquals(Instant.parse("2017-02-09T05:10:58.457Z"), IsoTime.parse("2017-02-09 05:10:58.457Z"));
    }

    @Test
    void impossibleTimesFailInEitherPath() {
        for (String bad : new String[] {"2017-02-30T05:10:58.457Z", "2017-13-09T05:10:58.457Z", "2017-02-09T25:10:58.457Z",
                "2017-02-09T05:10:58.45xZ", "2017-02-30", "yesterday"}) {
            assertThrows(DateTimeParseException.class, () -> IsoTime.parse(bad), bad);
        }
    }
}
