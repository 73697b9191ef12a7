package org.alos2ingest.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every catalog's records must do, whatever keeps them: the watch ledger and the webhook
 * outbox rely on insert-if-absent (a file or a delivery recorded once) and on compare-and-set (two
 * processes never both take one delivery).
 */
abstract class StateTableContract {

    /** A catalog of its own for each test. */
    protected abstract Catalog open();

    /** The same catalog opened a second time, as another process opens it. */
    protected abstract Catalog openAgain();

    private final List<Catalog> opened = new ArrayList<>();

    Catalog catalog() {
        Catalog c = opened.isEmpty() ? open() : openAgain();
        opened.add(c);
        return c;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Catalog::close);
    }

    static ObjectNode v(String k, Object x) {
        ObjectNode o = Json.object();
        o.put(k, String.valueOf(x));
        return o;
    }

    @Test
    void insertsOnceReadsListsByStateAndDeletes() {
        StateTable t = catalog().state("watch");
        // keys as long as a URL can be, with characters an id could not hold
        String longKey = "url https://dav.example.org/" + "x/".repeat(300) + "0000148073_001001_ALOS2146686640-170209.zip?a=b&c=ä";
        assertTrue(t.insert(longKey, "pending", v("n", 1)));
        assertFalse(t.insert(longKey, "done", v("n", 2)), "a key is inserted once");
        assertTrue(t.insert("b", "done", v("n", 3)));
        assertTrue(t.insert("a", "pending", v("n", 4)));
        assertEquals("1", t.get(longKey).orElseThrow().value().path("n").asText());
        assertEquals("pending", t.get(longKey).orElseThrow().state());
        assertTrue(t.get("nope").isEmpty());
        assertEquals(List.of("a", longKey), t.list("pending").stream().map(StateTable.Row::key).toList(), "by key");
        assertEquals(List.of("a", "b", longKey), t.list(null).stream().map(StateTable.Row::key).toList());
        assertTrue(catalog().state("other").list(null).isEmpty(), "tables are apart");
        assertTrue(t.delete("a"));
        assertFalse(t.delete("a"));
        t.put("c", "done", v("n", 5));
        t.put("c", "failed", v("n", 6));
        assertEquals("failed", t.get("c").orElseThrow().state());
        assertEquals(3, t.list(null).size());
    }

    @Test
    void replaceSucceedsOnlyOnTheVersionItRead() {
        StateTable t = catalog().state("deliveries");
        t.insert("k", "pending", v("n", 0));
        StateTable.Row read = t.get("k").orElseThrow();
        StateTable other = catalog().state("deliveries");
        StateTable.Row readThere = other.get("k").orElseThrow();
        assertTrue(other.replace(readThere, "sending", v("n", 1)), "the first writer wins");
        assertFalse(t.replace(read, "sending", v("n", 2)), "the second, holding a stale version, loses");
        assertEquals("1", t.get("k").orElseThrow().value().path("n").asText());
        StateTable.Row now = t.get("k").orElseThrow();
        assertTrue(now.version() != read.version());
        assertTrue(t.replace(now, "delivered", v("n", 3)));
        t.delete("k");
        assertFalse(t.replace(now, "x", v("n", 4)), "a deleted row is not written back");
        assertTrue(t.get("k").isEmpty());
    }

    @Test
    void ofManyRacingClaimsExactlyOneWins() throws Exception {
        StateTable t = catalog().state("deliveries");
        t.insert("race", "pending", v("n", 0));
        List<StateTable> tables = List.of(t, catalog().state("deliveries"));
        AtomicInteger wins = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            StateTable mine = tables.get(i % 2);
            StateTable.Row seen = mine.get("race").orElseThrow();
            Thread th = new Thread(() -> {
                try {
                    go.await();
                    if (mine.replace(seen, "sending", v("by", Thread.currentThread().getName()))) {
                        wins.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            th.start();
            threads.add(th);
        }
        go.countDown();
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(1, wins.get());
        assertEquals("sending", t.get("race").orElseThrow().state());
    }
}
