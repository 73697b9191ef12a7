package org.alos2ingest.notify;

import java.time.Duration;

import org.alos2ingest.config.Settings;
import org.alos2ingest.util.Backoff;
import org.alos2ingest.util.Durations;

/**
 * How notifications are delivered, from settings.json (spans such as {@code 30s}, {@code 1h}):
 *
 * @param backoff  the wait after a failed attempt: {@code NOTIFY_RETRY_FIRST} (default 30s), doubling up to
 *                 {@code NOTIFY_RETRY_MAX} (default 1h)
 * @param giveUp   {@code NOTIFY_GIVE_UP_AFTER} (default 7d): a delivery still failing this long after the dataset was
 *                 cataloged is marked failed, logged as an error and listed by {@code subscribe list}
 * @param timeout  {@code NOTIFY_TIMEOUT} (default 30s): how long a receiver may take to answer
 * @param poll     {@code NOTIFY_POLL} (default 5s): how often a running worker, watch or deliverer looks for
 *                 deliveries that other processes left due
 * @param flush    {@code NOTIFY_FLUSH} (default 30s): how long a command that cataloged datasets (ingest, scan) waits at
 *                 its end for their first delivery attempts; what is still failing then is left to the next process
 */
public record NotifySettings(Backoff backoff, Duration giveUp, Duration timeout, Duration poll, Duration flush) {

    public static NotifySettings defaults() {
        return of(Settings.of(java.util.Map.of()));
    }

    public static NotifySettings of(Settings s) {
        return new NotifySettings(new Backoff(span(s, "NOTIFY_RETRY_FIRST", "30s"), span(s, "NOTIFY_RETRY_MAX", "1h")),
                span(s, "NOTIFY_GIVE_UP_AFTER", "7d"), span(s, "NOTIFY_TIMEOUT", "30s"), span(s, "NOTIFY_POLL", "5s"),
                Durations.parse(s.get("NOTIFY_FLUSH").orElse("30s"), "setting NOTIFY_FLUSH"));
    }

    private static Duration span(Settings s, String key, String fallback) {
        return Durations.positive(s.get(key).filter(v -> !v.isBlank()).orElse(fallback), "setting " + key);
    }
}
