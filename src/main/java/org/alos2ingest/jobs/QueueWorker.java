package org.alos2ingest.jobs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import org.alos2ingest.ingest.IngestReport;
import org.alos2ingest.jobs.Settlement.Held;

/**
 * Takes jobs from a RabbitMQ queue and runs them, at most {@code concurrency} at once (the broker
 * sends no more: prefetch = concurrency, manual acknowledgements).
 * <ul>
 * <li>A job is acknowledged only once it has ended: its datasets are cataloged, or it reported them
 * cataloged already. A worker that dies mid-job has acknowledged nothing, so the broker gives the
 * job to another worker, whose duplicate check finishes it once.</li>
 * <li>A failed job is re-queued with its attempt number raised, after {@code retryDelay} (through
 * the {@code NAME.retry} queue), at most {@code maxRetries} times; then it goes to
 * {@code NAME.dead} with its error. A job that can never run (not a job, an unknown type, a missing
 * parameter) goes there at once.</li>
 * <li>A job the broker redelivers (its worker died or lost the broker while running it) counts as a
 * failed attempt too, so that a job which kills its worker every time also ends dead-lettered
 * instead of going round for ever.</li>
 * <li>Re-queueing publishes the job again (confirmed by the broker) before acknowledging the old
 * message: a crash in between leaves the job twice, never zero times.</li>
 * </ul>
 * {@link #stop()} (SIGTERM/SIGINT) stops taking jobs, lets running ones finish for
 * {@code shutdownGrace}, then puts those still running back on the queue unchanged.
 * <p>This class is the loop: taking deliveries, running their jobs, deciding each outcome. Carrying
 * an outcome out on the broker (acknowledge, queue again, dead-letter, put back) is {@link Settlement}'s.
 */
public final class QueueWorker {

    /**
     * @param maxJobs       take at most this many jobs, then stop (0: no limit)
     * @param exitWhenIdle  stop when no job has run or arrived for this long (null: never)
     * @param shutdownGrace how long {@link #stop()} lets running jobs finish before re-queueing them
     */
    public record Settings(int concurrency, int maxRetries, Duration retryDelay, long maxJobs, Duration exitWhenIdle, Duration shutdownGrace) {
        public Settings {
            if (concurrency < 1) {
                throw new IllegalArgumentException("--concurrency must be at least 1, not " + concurrency);
            }
            if (maxRetries < 0) {
                throw new IllegalArgumentException("--max-retries must be 0 or more, not " + maxRetries);
            }
            if (retryDelay.isNegative() || shutdownGrace.isNegative()) {
                throw new IllegalArgumentException("delays must not be negative");
            }
            if (maxJobs < 0) {
                throw new IllegalArgumentException("--max-jobs must be 0 (no limit) or more, not " + maxJobs);
            }
            if (exitWhenIdle != null && (exitWhenIdle.isNegative() || exitWhenIdle.isZero())) {
                throw new IllegalArgumentException("--exit-when-idle must be more than 0 seconds");
            }
        }
    }

    /** What a worker did before it stopped. */
    public record Summary(long succeeded, long retried, long deadLettered, long requeued) {
    }

    private final Broker broker;
    private final String queue;
    private final JobRunner runner;
    private final Settings settings;
    private final PrintStream log;
    private final String workerId;
    private final Object lock = new Object();
    private final Settlement settlement;
    private final Set<Long> started = ConcurrentHashMap.newKeySet();
    private final CountDownLatch cancelOk = new CountDownLatch(1);
    private final AtomicInteger taken = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
    private volatile boolean stopRequested;
    private volatile boolean stopping;
    private volatile String fatal;
    private volatile BrokerLink link;
    private Channel consume;
    private String consumerTag;
    private boolean cancelled;

    public QueueWorker(Broker broker, String queue, JobRunner runner, Settings settings, PrintStream log) {
        this.broker = broker;
        this.queue = QueueTopology.checkName(queue);
        this.runner = runner;
        this.settings = settings;
        this.log = log;
        this.workerId = Broker.hostName() + ":" + ProcessHandle.current().pid();
        this.settlement = new Settlement(this.queue, settings.retryDelay(), workerId, this::say);
    }

    /** Asks a running worker to stop (from a signal handler or another thread); {@link #run()} then returns. */
    public void stop() {
        stopRequested = true;
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Runs jobs until stopped, {@code maxJobs} are done, or the queue stays idle; blocks. */
    public Summary run() {
        Connection connection = broker.connect("worker");
        link = BrokerLink.watch(connection, broker.address(), this::say, this::touch);
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), new java.util.concurrent.ThreadFactory() {
            private final AtomicInteger n = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "job-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            }
        });
        try {
            try {
                consume = connection.createChannel();
                QueueTopology.declare(consume, queue);
                consume.basicQos(settings.concurrency());
                Channel publish = connection.createChannel();
                publish.confirmSelect();
                settlement.channels(consume, publish);
                consume.addShutdownListener(cause -> {
                    // the broker closed the channel (e.g. a job outlasted its consumer_timeout): the
                    // consumer is gone, so stop rather than sit idle; the job comes back to the queue
                    if (!cause.isInitiatedByApplication() && !cause.isHardError() && !stopping) {
                        fatal = "the broker closed the worker's channel: " + RabbitMqJobQueue.Errors.message(cause);
                        stop();
                    }
                });
                say("worker " + workerId + " takes jobs from " + queue + " at " + broker.address() + ", " + settings.concurrency() + " at a time");
                consumerTag = consume.basicConsume(queue, false, "alos2-ingest-worker-" + workerId, new DefaultConsumer(consume) {
                    @Override
                    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                        Held h = new Held(envelope.getDeliveryTag(), properties.getType(), body, QueueTopology.attemptOf(properties),
                                envelope.isRedeliver());
                        settlement.hold(h);
                        touch();
                        busy.incrementAndGet();
                        try {
                            pool.execute(() -> {
                                try {
                                    handle(h);
                                } finally {
                                    busy.decrementAndGet();
                                    touch();
                                }
                            });
                        } catch (RejectedExecutionException e) {
                            // shutting down: it stays in hand and is put back with the others
                            busy.decrementAndGet();
                        }
                    }

                    @Override
                    public void handleCancelOk(String tag) {
                        // called after every delivery that came before the cancel: nothing more will arrive
                        cancelOk.countDown();
                    }

                    @Override
                    public void handleCancel(String tag) {
                        fatal = "the broker cancelled the worker's subscription to " + queue + " (was the queue deleted?)";
                        stop();
                    }
                });
            } catch (IOException e) {
                throw new QueueException("broker " + broker.address() + ": cannot take jobs from queue " + queue + ": "
                        + RabbitMqJobQueue.Errors.message(e), e);
            }
            waitUntilDone();
            stopping = true;
            cancel();
            try {
                // deliveries sent before the cancel may still be on their way to handleDelivery
                cancelOk.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            drain(pool);
        } finally {
            pool.shutdownNow();
            RabbitMqJobQueue.closeQuietly(connection);
        }
        Summary s = settlement.summary();
        say(String.format(Locale.ROOT, "worker %s stopped: %d done, %d retried, %d dead-lettered, %d put back", workerId,
                s.succeeded(), s.retried(), s.deadLettered(), s.requeued()));
        if (fatal != null) {
            throw new QueueException("queue " + queue + " at " + broker.address() + ": " + fatal);
        }
        return s;
    }

    private void waitUntilDone() {
        // idle time counts from when the consumer is registered, not from construction: a slow broker
        // connection (a loaded machine) must not count as a queue with no jobs
        lastActivity.set(System.nanoTime());
        long idleNanos = settings.exitWhenIdle() == null ? Long.MAX_VALUE : settings.exitWhenIdle().toNanos();
        synchronized (lock) {
            while (true) {
                if (stopRequested) {
                    return;
                }
                boolean quiet = busy.get() == 0;
                if (settings.maxJobs() > 0 && taken.get() >= settings.maxJobs()) {
                    // no more deliveries: the ones still arriving would only be put back
                    cancel();
                    if (quiet) {
                        return;
                    }
                }
                if (quiet && link.up() && System.nanoTime() - lastActivity.get() >= idleNanos) {
                    say("worker " + workerId + ": no job for " + settings.exitWhenIdle().toSeconds() + " s");
                    return;
                }
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void cancel() {
        synchronized (consume) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            try {
                if (consume.isOpen()) {
                    consume.basicCancel(consumerTag);
                }
            } catch (IOException | RuntimeException e) {
                // the channel is closing anyway; unacknowledged jobs return to the queue with it
                cancelOk.countDown();
            }
        }
    }

    /**
     * Lets running jobs end within the grace period (deliveries not started yet are put back at
     * once by their threads), then puts whatever is still in hand back on the queue as it was.
     */
    private void drain(ExecutorService pool) {
        settlement.putBackAll(settings.shutdownGrace(), started);
        pool.shutdown();
        try {
            pool.awaitTermination(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void touch() {
        lastActivity.set(System.nanoTime());
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private void handle(Held held) {
        byte[] body = held.body();
        int attempts = settings.maxRetries() + 1;
        if (stopping || stopRequested) {
            if (settlement.claim(held)) {
                settlement.requeue(held);
            }
            return;
        }
        if (held.redelivered()) {
            if (!settlement.claim(held)) {
                return;
            }
            // the last worker to hold it stopped before it ended: that attempt failed
            String why = "its worker stopped (killed, or lost the broker) while running it";
            if (held.attempt() >= attempts) {
                settlement.deadLetter(held, why + " on each of " + held.attempt() + " attempt(s)", held.attempt());
            } else {
                say("job " + Settlement.jobName(body) + ": " + why + " (attempt " + held.attempt() + " of " + attempts + "); queued again");
                settlement.republish(held, held.attempt() + 1, false);
            }
            return;
        }
        JobSpec job;
        try {
            job = JobSpec.fromJson(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            if (settlement.claim(held)) {
                settlement.deadLetter(held, e.getMessage(), held.attempt());
            }
            return;
        }
        int n = taken.incrementAndGet();
        if (settings.maxJobs() > 0 && n > settings.maxJobs()) {
            taken.decrementAndGet();
            if (settlement.claim(held)) {
                settlement.requeue(held);
            }
            return;
        }
        started.add(held.tag());
        say("job " + job.name() + ": started (" + job.type() + ", attempt " + held.attempt() + " of " + attempts + ")");
        long t0 = System.nanoTime();
        List<String> errors = new ArrayList<>();
        boolean permanent = false;
        IngestReport report = null;
        try {
            report = runner.run(job);
        } catch (IllegalArgumentException e) {
            // the job itself is wrong (unknown type, missing or bad parameter): no retry can help
            errors.add(oneLine(e.getMessage()));
            permanent = true;
        } catch (RuntimeException e) {
            errors.add(oneLine(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        if (report != null) {
            for (IngestReport.Outcome o : report.outcomes()) {
                switch (o.status()) {
                    case INGESTED -> say(String.format(Locale.ROOT, "job %s: ingested %s -> %s (%.1f s)", job.name(), o.subject(), o.detail(), o.seconds()));
                    case SKIPPED -> say("job " + job.name() + ": skipped " + o.subject() + ": " + o.detail());
                    case FAILED -> errors.add(oneLine(o.detail()));
                    default -> say("job " + job.name() + ": " + o.status().name().toLowerCase(Locale.ROOT) + " " + o.subject());
                }
            }
        }
        boolean mine = settlement.claim(held);
        started.remove(held.tag());
        if (!mine) {
            // shutdown put it back on the queue while it ran; whoever runs it next finds its datasets cataloged
            return;
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (errors.isEmpty()) {
            if (settlement.succeed(held)) {
                say(String.format(Locale.ROOT, "job %s: done (%.1f s)", job.name(), secs));
            }
            return;
        }
        String error = String.join("; ", errors);
        if (permanent || held.attempt() >= attempts) {
            settlement.deadLetter(held, error, held.attempt());
        } else {
            say("job " + job.name() + ": failed (attempt " + held.attempt() + " of " + attempts + "), "
                    + (settings.retryDelay().isZero() ? "retrying" : "retrying in " + seconds(settings.retryDelay())) + ": " + error);
            settlement.republish(held, held.attempt() + 1, true);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "failed" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private void say(String line) {
        synchronized (log) {
            log.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + line);
            log.flush();
        }
    }
}
