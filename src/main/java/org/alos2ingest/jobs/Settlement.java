package org.alos2ingest.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.rabbitmq.client.Channel;

/**
 * How a {@link QueueWorker} settles the deliveries it holds: each one is acknowledged once its job
 * has ended, put back unchanged, queued again for another attempt, or dead-lettered, exactly once,
 * by whoever {@linkplain #claim claims} it (the job's thread, or shutdown). Publishing comes before
 * acknowledging, and is confirmed by the broker: a crash in between leaves a job twice, never zero
 * times. Counts what it settled for the worker's {@link QueueWorker.Summary}.
 */
final class Settlement {

    /** A delivery in the worker's hands: enough to put it back on the queue as it was. */
    record Held(long tag, String type, byte[] body, int attempt, boolean redelivered) {
    }

    private final String queue;
    private final Duration retryDelay;
    private final String workerId;
    private final Consumer<String> say;
    /** Deliveries received and not yet acknowledged; whoever removes one (job thread or shutdown) settles it. */
    private final Map<Long, Held> inHand = new ConcurrentHashMap<>();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong requeued = new AtomicLong();
    private Channel consume;
    private Channel publish;

    Settlement(String queue, Duration retryDelay, String workerId, Consumer<String> say) {
        this.queue = queue;
        this.retryDelay = retryDelay;
        this.workerId = workerId;
        this.say = say;
    }

    /**
     * The channels to settle on: deliveries are acknowledged on {@code consume} (under its lock, which
     * the worker's cancel shares), jobs published with confirms on {@code publish}.
     */
    void channels(Channel consume, Channel publish) {
        this.consume = consume;
        this.publish = publish;
    }

    /** A delivery has arrived: it is in hand until claimed. */
    void hold(Held h) {
        inHand.put(h.tag(), h);
    }

    /** Takes a delivery out of hand to settle it; false when shutdown has put it back already. */
    boolean claim(Held h) {
        return inHand.remove(h.tag()) != null;
    }

    /**
     * Shutdown: waits up to {@code grace} for the deliveries in hand to be settled by their threads,
     * then puts whatever is still in hand back on the queue as it was.
     *
     * @param running tags of the deliveries whose jobs have started (they are named in the log)
     */
    void putBackAll(Duration grace, Set<Long> running) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!inHand.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Held h : new ArrayList<>(inHand.values())) {
            if (claim(h)) {
                if (running.contains(h.tag())) {
                    say.accept("job " + jobName(h.body()) + ": still running at shutdown, put back on " + queue);
                }
                requeue(h);
            }
        }
    }

    /** The job ended well: acknowledged, and counted done; false when the acknowledgement failed. */
    boolean succeed(Held h) {
        if (ack(h)) {
            succeeded.incrementAndGet();
            return true;
        }
        return false;
    }

    /** Puts a job back unchanged (same attempt): it was not run. */
    void requeue(Held h) {
        if (publish(queue, h, h.attempt(), Map.of(), null) && ack(h)) {
            requeued.incrementAndGet();
        }
    }

    /** Queues a job again as attempt {@code attempt}; through the retry queue, after the retry delay, when {@code delayed}. */
    void republish(Held h, int attempt, boolean delayed) {
        boolean ok;
        if (delayed && !retryDelay.isZero()) {
            ok = publish(QueueTopology.retryQueue(queue), h, attempt, Map.of(), String.valueOf(retryDelay.toMillis()));
        } else {
            ok = publish(queue, h, attempt, Map.of(), null);
        }
        if (ok && ack(h)) {
            retried.incrementAndGet();
        }
    }

    /** Moves a job to the dead-letter queue with its error, attempt count, time and worker in its headers. */
    void deadLetter(Held h, String error, int attempts) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(QueueTopology.ERROR, error.length() > 8000 ? error.substring(0, 8000) + " ..." : error);
        headers.put(QueueTopology.ATTEMPTS, attempts);
        headers.put(QueueTopology.FAILED_AT, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        headers.put(QueueTopology.WORKER, workerId);
        if (publish(QueueTopology.deadQueue(queue), h, attempts, headers, null) && ack(h)) {
            deadLettered.incrementAndGet();
            say.accept("job " + jobName(h.body()) + ": failed " + attempts + " time(s), moved to " + QueueTopology.deadQueue(queue) + ": " + error);
        }
    }

    QueueWorker.Summary summary() {
        return new QueueWorker.Summary(succeeded.get(), retried.get(), deadLettered.get(), requeued.get());
    }

    private boolean ack(Held h) {
        synchronized (consume) {
            try {
                consume.basicAck(h.tag(), false);
                return true;
            } catch (IOException | RuntimeException e) {
                say.accept("job " + jobName(h.body()) + ": could not acknowledge it (" + RabbitMqJobQueue.Errors.message(e)
                        + "); the broker will give it out again and its datasets will be found cataloged");
                return false;
            }
        }
    }

    private boolean publish(String routingKey, Held h, int attempt, Map<String, Object> headers, String expiration) {
        synchronized (publish) {
            try {
                publish.basicPublish("", routingKey, false,
                        QueueTopology.jobProperties(h.type() == null ? "unknown" : h.type(), attempt, headers, expiration), h.body());
                publish.waitForConfirmsOrDie(30_000);
                return true;
            } catch (IOException | TimeoutException | InterruptedException | RuntimeException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                // not acknowledged either: the broker gives the original out again
                say.accept("job " + jobName(h.body()) + ": could not queue it on " + routingKey + " (" + RabbitMqJobQueue.Errors.message(e)
                        + "); leaving it to the broker");
                return false;
            }
        }
    }

    /** The job's name for the log, read from its body. */
    static String jobName(byte[] body) {
        try {
            return JobSpec.fromJson(new String(body, StandardCharsets.UTF_8)).name();
        } catch (IllegalArgumentException e) {
            return "(not a job: " + body.length + " bytes)";
        }
    }
}
