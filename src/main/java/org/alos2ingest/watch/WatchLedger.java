package org.alos2ingest.watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.StateTable;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.IsoTime;
import org.alos2ingest.jobs.JobSpec;

/**
 * What {@code watch} has seen and done, one row per file, kept with the catalog (see
 * {@link StateTable}). A file is recorded the moment it is first seen, before its job exists, so a
 * process killed after a poll finds it again on restart; it is {@code pending} until its job is
 * started ({@code running}) and then {@code done}, {@code queued} (a broker has it), {@code pending}
 * again with a later due time after a failure, or {@code gave-up}. Files a source offers but that are
 * not ingested (maps, reports) are {@code skipped}. A row still {@code running} when a watch starts was
 * interrupted (a kill, a crash) and is run again: the ingest skips what it had already cataloged.
 */
public final class WatchLedger {

    static final String TABLE = "watch";
    public static final String PENDING = "pending";
    public static final String RUNNING = "running";
    public static final String QUEUED = "queued";
    public static final String DONE = "done";
    public static final String SKIPPED = "skipped";
    public static final String GAVE_UP = "gave-up";

    private final StateTable table;

    public WatchLedger(StateTable table) {
        this.table = table;
    }

    public static WatchLedger of(org.alos2ingest.catalog.Catalog catalog) {
        return new WatchLedger(catalog.state(TABLE));
    }

    public String describe() {
        return table.describe();
    }

    /** Records a file the first time it is seen; true when it was new. */
    boolean record(WatchedFile f, String source, Instant now) {
        ObjectNode v = Json.object();
        v.put("source", source);
        v.put("subject", f.subject());
        v.put("job", f.job().toJson());
        v.put("first_seen", IsoTime.format(now));
        v.put("due", IsoTime.format(now));
        v.put("attempts", 0);
        f.skipReason().ifPresent(r -> v.put("outcome", r));
        return table.insert(f.key(), f.skipReason().isPresent() ? SKIPPED : PENDING, v);
    }

    /** The keys of every file seen so far: one read per poll instead of one write attempt per file listed. */
    java.util.Set<String> keys() {
        java.util.Set<String> out = new java.util.HashSet<>();
        table.list(null).forEach(r -> out.add(r.key()));
        return out;
    }

    /** Pending rows due by {@code now}, first seen first. */
    List<StateTable.Row> due(Instant now) {
        List<StateTable.Row> out = new ArrayList<>();
        for (StateTable.Row r : table.list(PENDING)) {
            if (!time(r, "due").isAfter(now)) {
                out.add(r);
            }
        }
        out.sort((a, b) -> time(a, "first_seen").compareTo(time(b, "first_seen")));
        return out;
    }

    Optional<Instant> nextDue() {
        return table.list(PENDING).stream().map(r -> time(r, "due")).min(Instant::compareTo);
    }

    /** Marks a row's job started (one more attempt); empty when someone else changed it meanwhile. */
    Optional<StateTable.Row> start(StateTable.Row pending, Instant now) {
        ObjectNode v = pending.value().deepCopy();
        v.put("attempts", v.path("attempts").asInt() + 1);
        v.put("started", IsoTime.format(now));
        return table.replace(pending, RUNNING, v) ? table.get(pending.key()) : Optional.empty();
    }

    void finished(StateTable.Row running, String state, String outcome, Instant now) {
        ObjectNode v = running.value().deepCopy();
        v.put("outcome", outcome);
        v.put("ended", IsoTime.format(now));
        v.remove("error");
        table.replace(running, state, v);
    }

    void failed(StateTable.Row running, String error, Instant retryAt) {
        ObjectNode v = running.value().deepCopy();
        v.put("error", error);
        v.put("due", IsoTime.format(retryAt));
        table.replace(running, PENDING, v);
    }

    void gaveUp(StateTable.Row running, String error, Instant now) {
        ObjectNode v = running.value().deepCopy();
        v.put("error", error);
        v.put("ended", IsoTime.format(now));
        table.replace(running, GAVE_UP, v);
    }

    /** Rows a stopped or killed watch left running. */
    List<StateTable.Row> interrupted() {
        return table.list(RUNNING);
    }

    void resume(StateTable.Row running, Instant now) {
        ObjectNode v = running.value().deepCopy();
        v.put("due", IsoTime.format(now));
        table.replace(running, PENDING, v);
    }

    /** Every row (for reports and tests). */
    public List<StateTable.Row> rows() {
        return table.list(null);
    }

    /** How many rows are in each state. */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (StateTable.Row r : table.list(null)) {
            out.merge(r.state(), 1, Integer::sum);
        }
        return out;
    }

    static JobSpec job(StateTable.Row r) {
        return JobSpec.fromJson(r.value().path("job").asText());
    }

    static Instant time(StateTable.Row r, String field) {
        String t = r.value().path(field).asText("");
        return t.isEmpty() ? Instant.EPOCH : IsoTime.parse(t);
    }
}
