package org.alos2ingest.notify;

import java.nio.charset.StandardCharsets;
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

/**
 * The deliveries owed to subscribers, kept with the catalog so that a process that stops (or is
 * killed) leaves them for the next one. One row per subscription and dataset: its key is the
 * subscription's uid and the item id, so a dataset cataloged twice is delivered once.
 *
 * <p>A row is {@code held} from just before the catalog takes the dataset until it has it, then
 * {@code pending} (due at a time), {@code sending} while one process holds it (a lease, so a
 * process that dies mid-attempt does not keep it), and finally {@code delivered} or {@code failed}
 * (given up on, after {@link NotifySettings#giveUp()}).
 */
final class DeliveryOutbox {

    static final String TABLE = "deliveries";
    static final String HELD = "held";
    static final String PENDING = "pending";
    static final String SENDING = "sending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";

    private final StateTable table;

    DeliveryOutbox(StateTable table) {
        this.table = table;
    }

    boolean local() {
        return table.local();
    }

    String describe() {
        return table.describe();
    }

    static String key(String uid, String itemId) {
        return uid + "/" + itemId;
    }

    /** Holds a delivery of {@code item} for {@code s}; empty when one exists already (the item was cataloged before). */
    Optional<String> hold(Subscription s, String itemId, ObjectNode item, Instant now) {
        ObjectNode v = Json.object();
        v.put("subscription", s.name());
        v.put("uid", s.uid());
        v.put("item_id", itemId);
        v.put("created", IsoTime.format(now));
        v.put("due", IsoTime.format(now));
        v.put("attempts", 0);
        v.put("body", Json.compact(item));
        String key = key(s.uid(), itemId);
        return table.insert(key, HELD, v) ? Optional.of(key) : Optional.empty();
    }

    /** The catalog has the dataset: the delivery is due now. */
    void release(String key) {
        table.get(key).filter(r -> r.state().equals(HELD)).ifPresent(r -> table.replace(r, PENDING, r.value()));
    }

    void discard(String key) {
        table.delete(key);
    }

    List<StateTable.Row> held() {
        return table.list(HELD);
    }

    void release(StateTable.Row held) {
        table.replace(held, PENDING, held.value());
    }

    /** Pending rows due by {@code now}, and rows whose sender's lease ran out, oldest due first. */
    List<StateTable.Row> due(Instant now) {
        List<StateTable.Row> out = new ArrayList<>();
        for (StateTable.Row r : table.list(PENDING)) {
            if (!time(r, "due").isAfter(now)) {
                out.add(r);
            }
        }
        for (StateTable.Row r : table.list(SENDING)) {
            if (!time(r, "lease").isAfter(now)) {
                out.add(r);
            }
        }
        out.sort((a, b) -> time(a, "due").compareTo(time(b, "due")));
        return out;
    }

    /** The earliest time a pending row falls due, if any. */
    Optional<Instant> nextDue() {
        return table.list(PENDING).stream().map(r -> time(r, "due")).min(Instant::compareTo);
    }

    /** Takes a row for one attempt; empty when another process took or finished it meanwhile. */
    Optional<StateTable.Row> claim(StateTable.Row r, Instant leaseUntil) {
        ObjectNode v = r.value().deepCopy();
        v.put("lease", IsoTime.format(leaseUntil));
        return table.replace(r, SENDING, v) ? table.get(r.key()).filter(x -> x.state().equals(SENDING)) : Optional.empty();
    }

    /** Delivered: the body is dropped, the row stays to de-duplicate. */
    void delivered(StateTable.Row claimed, String detail, Instant now) {
        ObjectNode v = claimed.value().deepCopy();
        v.remove("body");
        v.remove("lease");
        v.put("attempts", v.path("attempts").asInt() + 1);
        v.put("delivered", IsoTime.format(now));
        v.put("last", detail);
        table.replace(claimed, DELIVERED, v);
    }

    void retry(StateTable.Row claimed, Instant due, String detail) {
        ObjectNode v = claimed.value().deepCopy();
        v.remove("lease");
        v.put("attempts", v.path("attempts").asInt() + 1);
        v.put("due", IsoTime.format(due));
        v.put("last", detail);
        table.replace(claimed, PENDING, v);
    }

    void failed(StateTable.Row claimed, String detail) {
        ObjectNode v = claimed.value().deepCopy();
        v.remove("lease");
        v.put("attempts", v.path("attempts").asInt() + 1);
        v.put("last", detail);
        table.replace(claimed, FAILED, v);
    }

    /** Deletes the rows of a subscription that was removed. */
    void forget(String uid) {
        for (StateTable.Row r : table.list(null)) {
            if (r.key().startsWith(uid + "/")) {
                table.delete(r.key());
            }
        }
    }

    /** How many deliveries of each subscription (by uid) are in each state. */
    Map<String, Map<String, Integer>> counts() {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (StateTable.Row r : table.list(null)) {
            String state = r.state().equals(HELD) || r.state().equals(SENDING) ? PENDING : r.state();
            out.computeIfAbsent(r.value().path("uid").asText(), k -> new LinkedHashMap<>()).merge(state, 1, Integer::sum);
        }
        return out;
    }

    static Notification notification(StateTable.Row r) {
        ObjectNode v = r.value();
        return new Notification(r.key(), v.path("subscription").asText(), v.path("item_id").asText(),
                v.path("body").asText().getBytes(StandardCharsets.UTF_8));
    }

    static Instant time(StateTable.Row r, String field) {
        String t = r.value().path(field).asText("");
        return t.isEmpty() ? Instant.EPOCH : IsoTime.parse(t);
    }
}
