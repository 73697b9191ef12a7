package org.alos2ingest.catalog;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Small records kept with a catalog for what must outlive a process: the subscriptions, the webhook
 * deliveries still owed, what {@code watch} has seen and queued. Living with the catalog (a table of
 * the SQLite file, an index beside OpenSearch's GRQ indices) means every process that shares the
 * catalog shares them, and a backup of the one is a backup of the other.
 *
 * <p>A row is a key, a state (what queries select on: {@code pending}, {@code delivered}, ...) and a
 * JSON value. Writers that may race (two processes taking the same delivery) use the row's version:
 * {@link #replace} succeeds only if nobody wrote the row since it was read.
 */
public interface StateTable {

    /** One record. {@code version} changes with every write. */
    record Row(String key, String state, ObjectNode value, long version) {
    }

    /** Names the table for messages, e.g. {@code sqlite:/home/x/catalog.sqlite (watch)}. */
    String describe();

    /**
     * True when the records are in a file of this machine's user (SQLite), false when they are on a
     * server that others may write to: what a record may make this process do depends on it.
     */
    boolean local();

    Optional<Row> get(String key);

    /** Every row in {@code state}, or every row when it is null; ordered by key. */
    List<Row> list(String state);

    /** Adds a row unless one has the key already; true when added. */
    boolean insert(String key, String state, ObjectNode value);

    /** Writes {@code old}'s key anew if it still has {@code old.version()}; true when written. */
    boolean replace(Row old, String state, ObjectNode value);

    /** Writes the row whatever was there. */
    void put(String key, String state, ObjectNode value);

    /** @return true when there was such a row */
    boolean delete(String key);
}
