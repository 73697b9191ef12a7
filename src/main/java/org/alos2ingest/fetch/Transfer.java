package org.alos2ingest.fetch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * One completed download, as HySDS records it in {@code pge_metrics.json}.
 *
 * @param url   where it came from, without credentials
 * @param path  the file's name as delivered
 * @param bytes the file's size on disk
 */
public record Transfer(String url, Path path, long bytes, Instant start, Instant end) {

    public double seconds() {
        return Math.max(1e-6, Duration.between(start, end).toNanos() / 1e9);
    }

    /** Bytes per second. */
    public double rate() {
        return bytes / seconds();
    }
}
