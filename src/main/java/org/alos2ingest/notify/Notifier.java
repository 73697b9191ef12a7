package org.alos2ingest.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.StateTable;
import org.alos2ingest.stac.AssetHrefs;
import org.alos2ingest.stac.StacItems;
import org.alos2ingest.util.Durations;

/**
 * Delivers notifications: before a dataset is cataloged it {@link #hold}s one delivery per matching
 * subscription (durably, so a crash right after cataloging loses none), {@link #release}s them once
 * the catalog has the dataset, and a background thread hands them over, retrying with backoff until
 * each receiver has its own. Any process with a notifier also resumes what earlier processes left
 * due; a long-running one ({@link #follow()}) keeps looking for it.
 */
public final class Notifier implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("org.alos2ingest.notify");
    /** A held row older than this was left by a process that died between holding and releasing. */
    private static final Duration HELD_GRACE = Duration.ofMinutes(10);
    private static final int SENDERS = 4;

    private final Subscriptions subscriptions;
    private final DeliveryOutbox outbox;
    private final Predicate<String> cataloged;
    private final NotifySettings settings;
    private final Set<String> unattempted = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger givenUp = new java.util.concurrent.atomic.AtomicInteger();
    private final Object wake = new Object();
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, r -> {
        Thread t = new Thread(r, "notify-sender");
        t.setDaemon(true);
        return t;
    });
    private Thread dispatcher;
    private volatile boolean stopping;
    private boolean signalled;

    /**
     * @param subscriptions where the subscriptions and deliveries are kept
     * @param cataloged     whether a dataset is in the catalog that datasets go to (to settle held rows a dead process left)
     */
    public Notifier(Subscriptions subscriptions, Predicate<String> cataloged, NotifySettings settings) {
        this.subscriptions = subscriptions;
        this.outbox = subscriptions.outbox();
        this.cataloged = cataloged;
        this.settings = settings;
    }

    /** For a catalog that keeps both the datasets and the subscriptions. */
    public static Notifier of(Catalog catalog, NotifySettings settings) {
        return new Notifier(Subscriptions.of(catalog), catalog::contains, settings);
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    /** The deliveries one dataset is owed, held until the catalog has it. */
    public record Held(String itemId, List<String> keys) {
        public Held {
            keys = List.copyOf(keys);
        }
    }

    /** One held delivery per subscription that matches {@code doc} and was not told of it before. */
    public Held hold(ObjectNode doc) {
        String id = doc.path("id").asText();
        List<String> keys = new ArrayList<>();
        ObjectNode item = null;
        for (Subscription s : subscriptions.list()) {
            if (!s.interest().matches(doc)) {
                continue;
            }
            item = item != null ? item : item(doc);
            outbox.hold(s, id, item, Instant.now()).ifPresent(keys::add);
        }
        return new Held(id, keys);
    }

    public void release(Held held) {
        if (held.keys().isEmpty()) {
            return;
        }
        held.keys().forEach(outbox::release);
        unattempted.addAll(held.keys());
        LOG.fine(held.itemId() + ": " + held.keys().size() + " notification(s) due");
        startDispatcher();
        signal();
    }

    public void discard(Held held) {
        held.keys().forEach(outbox::discard);
    }

    /** The STAC item sent: assets under the dataset's published URLs (relative when it has none yet). */
    static ObjectNode item(JsonNode doc) {
        try {
            return new StacItems().item(doc, AssetHrefs.published());
        } catch (IllegalArgumentException e) {
            return new StacItems().item(doc, AssetHrefs.relative());
        }
    }

    /** Keeps delivering until {@link #close()}: what this process holds and what others left due. */
    public void follow() {
        startDispatcher();
    }

    private synchronized void startDispatcher() {
        if (dispatcher != null || stopping) {
            return;
        }
        dispatcher = new Thread(this::dispatch, "notify-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    private void dispatch() {
        while (!stopping) {
            try {
                settleHeld();
                deliverDue();
                Duration wait = settings.poll();
                var next = outbox.nextDue();
                if (next.isPresent()) {
                    Duration until = Duration.between(Instant.now(), next.get());
                    wait = until.isNegative() ? Duration.ofMillis(10) : until.compareTo(wait) < 0 ? until : wait;
                }
                synchronized (wake) {
                    if (!signalled && !stopping) {
                        wake.wait(Math.max(10, wait.toMillis()));
                    }
                    signalled = false;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the store is unreachable for now (an OpenSearch restart): the deliveries wait in it
                LOG.log(Level.WARNING, "notifications: " + e.getMessage());
                sleep(settings.poll());
            }
        }
    }

    private void signal() {
        synchronized (wake) {
            signalled = true;
            wake.notifyAll();
        }
    }

    /** A held row whose process died: released when its dataset made it into the catalog, else dropped. */
    private void settleHeld() {
        Instant old = Instant.now().minus(HELD_GRACE);
        for (StateTable.Row r : outbox.held()) {
            if (DeliveryOutbox.time(r, "created").isBefore(old)) {
                if (cataloged.test(r.value().path("item_id").asText())) {
                    outbox.release(r);
                } else {
                    outbox.discard(r.key());
                }
            }
        }
    }

    /**
     * One pass: every delivery due now is attempted once, {@value #SENDERS} at a time.
     *
     * @return how many were delivered
     */
    public int deliverDue() {
        List<StateTable.Row> due = outbox.due(Instant.now());
        if (due.isEmpty()) {
            return 0;
        }
        Map<String, Subscription> byUid = subscriptions.list().stream().collect(Collectors.toMap(Subscription::uid, s -> s, (a, b) -> a));
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (StateTable.Row r : due) {
            attempts.add(senders.submit(() -> attempt(r, byUid.get(r.value().path("uid").asText()))));
        }
        int delivered = 0;
        for (Future<Boolean> f : attempts) {
            try {
                delivered += f.get() ? 1 : 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.log(Level.WARNING, "notifications: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return delivered;
    }

    private boolean attempt(StateTable.Row row, Subscription s) {
        // whatever happens here, this process waits no longer for it: attempted here, by another process, or gone
        try {
            return attemptClaimed(row, s);
        } finally {
            unattempted.remove(row.key());
        }
    }

    private boolean attemptClaimed(StateTable.Row row, Subscription s) {
        if (s == null) {
            // the subscription was removed since the dataset was cataloged
            outbox.discard(row.key());
            return false;
        }
        // the lease outlasts any attempt, so a sender that dies mid-attempt delays the next one by seconds only
        var claimed = outbox.claim(row, Instant.now().plus(s.target().longest(settings.timeout())).plus(Duration.ofSeconds(15)));
        if (claimed.isEmpty()) {
            return false;
        }
        Notification n = DeliveryOutbox.notification(claimed.get());
        int attempts = claimed.get().value().path("attempts").asInt() + 1;
        if (s.target().runsHere() && !outbox.local()) {
            outbox.failed(claimed.get(), "command subscriptions run only from a local SQLite catalog");
            LOG.severe("subscription " + s.name() + ": not running its command for " + n.itemId() + ": it is kept in " + outbox.describe());
            return false;
        }
        Target.Attempt a = s.target().deliver(n, settings.timeout());
        Instant now = Instant.now();
        if (a.delivered()) {
            outbox.delivered(claimed.get(), a.detail(), now);
            LOG.info("notified " + s.name() + " of " + n.itemId() + " (" + a.detail() + ", attempt " + attempts + ")");
            return true;
        }
        if (Duration.between(DeliveryOutbox.time(claimed.get(), "created"), now).compareTo(settings.giveUp()) >= 0) {
            outbox.failed(claimed.get(), a.detail());
            givenUp.incrementAndGet();
            LOG.severe("gave up notifying " + s.name() + " of " + n.itemId() + " after " + attempts + " attempts over "
                    + Durations.human(settings.giveUp()) + ": " + a.detail());
            return false;
        }
        Duration wait = settings.backoff().after(attempts);
        outbox.retry(claimed.get(), now.plus(wait), a.detail());
        LOG.warning("notifying " + s.name() + " (" + s.target().describe() + ") of " + n.itemId() + " failed: " + a.detail()
                + "; attempt " + (attempts + 1) + " in " + Durations.human(wait));
        return false;
    }

    /** How many deliveries this process gave up on. */
    public int givenUp() {
        return givenUp.get();
    }

    /** How many deliveries are still owed (held, pending or being sent). */
    public int owed() {
        return outbox.counts().values().stream().mapToInt(m -> m.getOrDefault(DeliveryOutbox.PENDING, 0)).sum();
    }

    /**
     * Waits until nothing is owed, attempting what falls due meanwhile, for at most {@code max}.
     *
     * @return true when nothing is owed any more
     */
    public boolean awaitDelivered(Duration max) {
        startDispatcher();
        long end = System.nanoTime() + max.toNanos();
        while (owed() > 0) {
            if (System.nanoTime() >= end) {
                return false;
            }
            signal();
            sleep(Duration.ofMillis(Math.min(500, Math.max(10, (end - System.nanoTime()) / 1_000_000))));
        }
        return true;
    }

    /**
     * Stops: first waits (up to {@link NotifySettings#flush()}) until every delivery this process
     * released has been attempted once; whatever is still owed stays in the catalog for the next process.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (stopping) {
                return;
            }
        }
        long end = System.nanoTime() + settings.flush().toNanos();
        while (!unattempted.isEmpty() && System.nanoTime() < end && dispatcher != null && dispatcher.isAlive()) {
            signal();
            sleep(Duration.ofMillis(20));
        }
        if (!unattempted.isEmpty()) {
            LOG.warning(unattempted.size() + " notification(s) not attempted yet; they stay in " + outbox.describe() + " for the next process");
        }
        synchronized (this) {
            stopping = true;
        }
        signal();
        Thread d = dispatcher;
        if (d != null) {
            try {
                d.join(settings.timeout().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        senders.shutdownNow();
        try {
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
