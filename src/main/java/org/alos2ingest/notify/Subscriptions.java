package org.alos2ingest.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.StateTable;

/** The subscriptions kept with a catalog, by name. */
public final class Subscriptions {

    private static final Logger LOG = Logger.getLogger("org.alos2ingest.notify");
    static final String TABLE = "subscriptions";
    static final String ACTIVE = "active";

    private final StateTable table;
    private final DeliveryOutbox outbox;

    Subscriptions(StateTable table, DeliveryOutbox outbox) {
        this.table = table;
        this.outbox = outbox;
    }

    /** Those of the catalog (which must keep records: SQLite or OpenSearch). */
    public static Subscriptions of(Catalog catalog) {
        return new Subscriptions(catalog.state(TABLE), new DeliveryOutbox(catalog.state(DeliveryOutbox.TABLE)));
    }

    DeliveryOutbox outbox() {
        return outbox;
    }

    /**
     * Adds a subscription.
     *
     * @throws IllegalArgumentException when the name is taken, or a command would be kept where others can write it
     */
    public Subscription add(Subscription s) {
        if (s.target().runsHere() && !table.local()) {
            throw new IllegalArgumentException("command subscriptions are kept only in a local SQLite catalog, not in " + table.describe()
                    + " (whoever can write it could run commands here); use a webhook");
        }
        if (!table.insert(s.name(), ACTIVE, s.toJson())) {
            throw new IllegalArgumentException("a subscription named '" + s.name() + "' exists already (subscribe remove " + s.name() + " first)");
        }
        return s;
    }

    /** Removes a subscription and the deliveries it still owed; true when it existed. */
    public boolean remove(String name) {
        Optional<Subscription> s = get(name);
        boolean removed = table.delete(name);
        s.ifPresent(x -> outbox.forget(x.uid()));
        return removed;
    }

    /** How many deliveries each subscription (by uid) has {@code pending}, {@code delivered} and {@code failed}. */
    public java.util.Map<String, java.util.Map<String, Integer>> deliveries() {
        return outbox.counts();
    }

    public Optional<Subscription> get(String name) {
        return table.get(name).flatMap(r -> read(r.value()));
    }

    /** Every subscription, by name; one that cannot be read is logged and left out, so it blocks no ingest. */
    public List<Subscription> list() {
        List<Subscription> out = new ArrayList<>();
        for (StateTable.Row r : table.list(ACTIVE)) {
            read(r.value()).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Subscription> read(ObjectNode json) {
        try {
            return Optional.of(Subscription.fromJson(json));
        } catch (RuntimeException e) {
            LOG.warning("subscription '" + json.path("name").asText("?") + "' in " + table.describe() + " cannot be read and is skipped: " + e.getMessage());
            return Optional.empty();
        }
    }
}
