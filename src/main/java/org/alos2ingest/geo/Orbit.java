package org.alos2ingest.geo;

import java.time.Instant;

/** Where the satellite is at any time of an acquisition (ECR frame). */
public interface Orbit {

    /**
     * @throws IllegalArgumentException when {@code t} lies outside the span the orbit is known for
     */
    OrbitState at(Instant t);

    /** Seconds from {@code from} to {@code to}, exact to the nanosecond. */
    static double seconds(Instant from, Instant to) {
        return (to.getEpochSecond() - from.getEpochSecond()) + (to.getNano() - from.getNano()) * 1e-9;
    }

    /** {@code t} plus a (possibly fractional, possibly negative) number of seconds. */
    static Instant plus(Instant t, double seconds) {
        long whole = (long) Math.floor(seconds);
        long nanos = Math.round((seconds - whole) * 1e9);
        return t.plusSeconds(whole).plusNanos(nanos);
    }
}
