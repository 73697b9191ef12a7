package org.alos2ingest.format.ceos;

import java.util.concurrent.atomic.AtomicLong;

/** Counts the bytes and reads a product's files cost, for {@code inspect --stats} and the benchmark. */
public final class ReadCounter {

    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong files = new AtomicLong();

    public void add(long n) {
        bytes.addAndGet(n);
        reads.incrementAndGet();
    }

    void opened() {
        files.incrementAndGet();
    }

    public long bytes() {
        return bytes.get();
    }

    public long reads() {
        return reads.get();
    }

    public long files() {
        return files.get();
    }
}
