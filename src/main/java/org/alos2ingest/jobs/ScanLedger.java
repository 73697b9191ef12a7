package org.alos2ingest.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which archive groups a scan has handed to a batch scheduler: a re-run of an interrupted scan must
 * not submit a second job for a group whose first job is still waiting in the scheduler's queue
 * (the catalog only learns of a group when its job ends). One tab-separated line per submission.
 */
public final class ScanLedger {

    private final Path file;
    private final Map<String, String> submitted = new HashMap<>();

    public ScanLedger(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                String[] f = line.split("\t");
                if (f.length >= 2) {
                    submitted.put(f[0], f[1]);
                }
            }
        }
    }

    /** The job that was submitted for a dataset, or null. */
    public synchronized String jobOf(String datasetId) {
        return submitted.get(datasetId);
    }

    public synchronized void record(String datasetId, String job) throws IOException {
        submitted.put(datasetId, job);
        Files.writeString(file, datasetId + "\t" + job + "\t" + Instant.now() + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
