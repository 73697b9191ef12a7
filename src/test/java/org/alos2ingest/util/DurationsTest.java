package org.alos2ingest.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Spans as options and settings write them, and the doubling waits between attempts. */
class DurationsTest {

    @Test
    void readsUnitsAndRefusesWhatIsNotASpan() {
        assertEquals(Duration.ofSeconds(90), Durations.parse("90s", "--every"));
        assertEquals(Duration.ofMinutes(10), Durations.parse("10m", "--every"));
        assertEquals(Duration.ofHours(2), Durations.parse(" 2H ", "--every"));
        assertEquals(Duration.ofDays(7), Durations.parse("7d", "x"));
        assertEquals(Duration.ofMillis(250), Durations.parse("250ms", "x"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1.5", "x"), "a bare number is seconds");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("5x", "--every"));
        assertEquals("--every must be a time span such as 30s, 10m, 2h or 1d, not '5x'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("-1s", "--every"));
        assertEquals("--every must be longer than 0, not '0s'",
                assertThrows(IllegalArgumentException.class, () -> Durations.positive("0s", "--every")).getMessage());
        assertEquals(List.of("250ms", "1.5s", "40s", "10m", "2h5m", "1d"),
                List.of(Duration.ofMillis(250), Duration.ofMillis(1500), Duration.ofSeconds(40), Duration.ofMinutes(10),
                        Duration.ofMinutes(125), Duration.ofDays(1)).stream().map(Durations::human).toList());
    }

    @Test
    void backoffDoublesUpToItsMost() {
        Backoff b = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(3));
        assertEquals(List.of(30L, 60L, 120L, 180L, 180L), List.of(1, 2, 3, 4, 40).stream().map(n -> b.after(n).toSeconds()).toList());
        assertEquals(Duration.ofSeconds(30), b.after(0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
    }
}
