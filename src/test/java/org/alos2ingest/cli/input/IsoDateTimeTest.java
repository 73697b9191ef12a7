package org.alos2ingest.cli.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class IsoDateTimeTest {

    @Test
    void datesTimesAndOffsets() {
        assertEquals(Instant.parse("2017-02-09T00:00:00Z"), IsoDateTime.parse("2017-02-09").start());
        assertEquals(Instant.parse("2017-02-09T23:59:59.999Z"), IsoDateTime.parse("2017-02-09").end());
        assertEquals(Instant.parse("2017-02-09T05:11:00Z"), IsoDateTime.parse("2017-02-09 05:11").start());
        assertEquals(Instant.parse("2017-02-09T05:11:03.457Z"), IsoDateTime.parse("2017-02-09T05:11:03.457Z").end());
        assertEquals(Instant.parse("2017-02-08T20:11:03Z"), IsoDateTime.parse("2017-02-09T05:11:03+09:00").start());
        assertEquals(Instant.parse("2017-02-08T20:11:03Z"), IsoDateTime.parse("2017-02-09T05:11:03+0900").start());
        assertEquals(LocalDateTime.of(2024, 1, 1, 3, 12, 30, 250_000_000), IsoDateTime.parse("2024-01-01T03:12:30.250").utc());
        assertEquals(Instant.parse("2016-02-29T00:00:00Z"), IsoDateTime.parse("2016-02-29").start());
    }

    @Test
    void theFieldThatIsWrongIsNamed() {
        assertEquals("2017-13-01 is not a date: month 13", message("2017-13-01"));
        assertEquals("2017-00-01 is not a date: month 0", message("2017-00-01"));
        assertEquals("2017-01-32 is not a date: day 32", message("2017-01-32"));
        assertEquals("2017-04-31 is not a date: April 2017 has 30 days", message("2017-04-31"));
        assertEquals("2017-02-09T24:00 is not a time: hour 24", message("2017-02-09T24:00"));
        assertEquals("2017-02-09T05:11:60Z is not a time: second 60", message("2017-02-09T05:11:60Z"));
        assertEquals("17-02-09 is not an ISO 8601 date or time such as 2017-02-09 or 2017-02-09T05:11:03Z", message("17-02-09"));
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> IsoDateTime.parse(text)).getMessage();
    }
}
