package org.alos2ingest.util;

import java.time.Duration;

/**
 * A doubling wait between attempts: {@code first} after the first failure, twice that after the
 * second, and so on up to {@code max}. One schedule for every retry that outlives a process
 * (a portal that is down, a file that failed, a webhook that does not answer).
 */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        if (first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("a backoff needs a first wait longer than 0");
        }
        if (max.compareTo(first) < 0) {
            max = first;
        }
    }

    /** The wait after {@code failures} failures in a row (1 for the first). */
    public Duration after(int failures) {
        int n = Math.max(1, failures);
        long ms = first.toMillis();
        for (int i = 1; i < n && ms < max.toMillis(); i++) {
            ms *= 2;
        }
        return Duration.ofMillis(Math.min(ms, max.toMillis()));
    }
}
