package org.alos2ingest.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What one ingest run did, scene by scene; the CLI prints it and derives the exit code from it. */
public final class IngestReport {

    /** QUEUED: handed to a distributed queue whose workers report elsewhere (the job's outcome is not known here). */
    public enum Status { INGESTED, SKIPPED, FAILED, PLANNED, QUEUED }

    /**
     * @param id       dataset id, or null when the failure came before a scene was identified
     * @param subject  what the line is about: the dataset id or the delivery's file
     * @param detail   the publish location, the reason for skipping, or the one-line error
     */
    public record Outcome(Status status, String id, String subject, String detail, double seconds) {
    }

    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    public void add(Outcome o) {
        outcomes.add(o);
    }

    public void warn(String w) {
        warnings.add(w);
    }

    public List<Outcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    public List<String> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    public long count(Status s) {
        return outcomes().stream().filter(o -> o.status() == s).count();
    }

    public boolean failed() {
        return count(Status.FAILED) > 0;
    }

    public void addAll(IngestReport other) {
        other.outcomes().forEach(this::add);
        other.warnings().forEach(this::warn);
    }
}
