package org.alos2ingest.watch;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.alos2ingest.catalog.StateTable;
import org.alos2ingest.jobs.JobSpec;
import org.alos2ingest.util.Backoff;
import org.alos2ingest.util.Durations;

/**
 * Polls the watched sources and turns every new file into an ingest job. Each source is polled on
 * its own schedule, so a portal that is down (and waits longer after each failure) delays no other;
 * every file is recorded in the {@link WatchLedger} before its job starts, and its job's end after, so
 * whatever stops the process, the next one continues where it left off. A failed job is run again
 * after a growing wait, up to a number of attempts, each failure logged.
 */
public final class Watch {

    /**
     * @param every        how often each source is polled
     * @param pollBackoff  the wait after a failed poll (doubling, from {@code every})
     * @param fileBackoff  the wait after a failed job (doubling)
     * @param maxAttempts  jobs a file gets before it is given up on (and logged so)
     * @param grace        on stop, how long running jobs may take to finish
     */
    public record Settings(Duration every, Backoff pollBackoff, Backoff fileBackoff, int maxAttempts, Duration grace) {
    }

    private final List<WatchedSource> sources;
    private final WatchLedger ledger;
    private final WatchJobs jobs;
    private final Settings settings;
    private final WatchLog log;
    private final Object wake = new Object();
    private final AtomicBoolean failures = new AtomicBoolean();
    private final List<Thread> pollers = new ArrayList<>();
    /** In a single round, the files already started: a file that fails is retried by a later round, not this one. */
    private final java.util.Set<String> startedThisRound = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean single;
    private volatile boolean stopping;
    private boolean signalled;

    public Watch(List<WatchedSource> sources, WatchLedger ledger, WatchJobs jobs, Settings settings, PrintStream out) {
        this.sources = List.copyOf(sources);
        this.ledger = ledger;
        this.jobs = jobs;
        this.settings = settings;
        this.log = new WatchLog(out);
    }

    /**
     * One round, for cron or a HySDS periodic job: every source polled once, every job due started
     * and (when run here) waited for.
     *
     * @return false when a poll or a job failed (the failed files are retried by a later round)
     */
    public boolean once() {
        single = true;
        resumeInterrupted();
        List<Thread> round = new ArrayList<>();
        for (WatchedSource s : sources) {
            Thread t = new Thread(() -> poll(s).ifPresent(e -> log.line("failed", "poll of " + s.describe() + ": " + e)), "watch-poll");
            t.start();
            round.add(t);
        }
        for (Thread t : round) {
            join(t);
        }
        while (!stopping) {
            dispatchDue();
            if (jobs.running() == 0 && ledger.due(Instant.now()).stream().allMatch(r -> startedThisRound.contains(r.key()))) {
                break;
            }
            await(Duration.ofSeconds(1));
        }
        jobs.awaitIdle(settings.grace());
        return !failures.get();
    }

    /** Polls and dispatches until {@link #stop()}; then waits up to the grace period for running jobs. */
    public void run() {
        resumeInterrupted();
        for (WatchedSource s : sources) {
            log.line("watching", s.describe() + " every " + Durations.human(settings.every()));
            Thread t = new Thread(() -> pollForever(s), "watch-poll");
            t.setDaemon(true);
            pollers.add(t);
            t.start();
        }
        log.line("jobs", "run " + jobs.describe());
        while (!stopping) {
            dispatchDue();
            Duration wait = Duration.ofSeconds(5);
            Optional<Instant> next = ledger.nextDue();
            if (next.isPresent()) {
                Duration until = Duration.between(Instant.now(), next.get());
                wait = until.isNegative() ? Duration.ofMillis(200) : until.compareTo(wait) < 0 ? until : wait;
            }
            await(wait);
        }
        for (Thread t : pollers) {
            try {
                // a poll under way records what it found; one stuck in a slow request is not waited for beyond the grace
                t.join(settings.grace().toMillis() + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!jobs.awaitIdle(settings.grace())) {
            log.line("stopping", jobs.running() + " job(s) still running: they run again when watch starts next");
        }
        log.line("stopped", ledger.counts().toString());
    }

    /** Stops polling and starting jobs (a poll under way still records what it found). */
    public void stop() {
        stopping = true;
        pollers.forEach(Thread::interrupt);
        signal();
    }

    private void pollForever(WatchedSource s) {
        int failed = 0;
        while (!stopping) {
            Optional<String> error = poll(s);
            Duration wait = settings.every();
            if (error.isPresent()) {
                failed++;
                wait = settings.pollBackoff().after(failed);
                log.line("failed", "poll of " + s.describe() + ": " + error.get() + "; polled again in " + Durations.human(wait)
                        + (failed > 1 ? " (" + failed + " failures in a row)" : ""));
            } else if (failed > 0) {
                log.line("polled", s.describe() + " again after " + failed + " failed poll(s)");
                failed = 0;
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One poll: records every file not seen before; the error when the source could not be read. */
    Optional<String> poll(WatchedSource s) {
        List<WatchedFile> files;
        try {
            files = s.poll();
        } catch (RuntimeException e) {
            failures.set(true);
            return Optional.of(e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\s*[\\r\\n]+\\s*", " "));
        }
        boolean any = false;
        java.util.Set<String> seen = ledger.keys();
        for (WatchedFile f : files) {
            if (!seen.contains(f.key()) && ledger.record(f, s.describe(), Instant.now())) {
                any = true;
                if (f.skipReason().isPresent()) {
                    log.line("skipped", f.subject() + ": " + f.skipReason().get());
                } else {
                    log.line("new", f.subject() + " from " + s.describe());
                }
            }
        }
        if (any) {
            signal();
        }
        return Optional.empty();
    }

    /** Starts the jobs of the files that are due, while there is room. */
    private void dispatchDue() {
        for (StateTable.Row r : ledger.due(Instant.now())) {
            if (stopping || !jobs.hasRoom()) {
                return;
            }
            if (single && !startedThisRound.add(r.key())) {
                continue;
            }
            Optional<StateTable.Row> running = ledger.start(r, Instant.now());
            if (running.isEmpty()) {
                continue;
            }
            JobSpec job = WatchLedger.job(running.get());
            String subject = running.get().value().path("subject").asText();
            int attempt = running.get().value().path("attempts").asInt();
            log.line("queued", job.name() + " for " + subject + " (" + jobs.describe() + (attempt > 1 ? ", attempt " + attempt : "") + ")");
            jobs.start(job, o -> ended(running.get(), job, o));
        }
    }

    private void ended(StateTable.Row running, JobSpec job, WatchJobs.Outcome o) {
        o.lines().forEach(l -> {
            int sp = l.indexOf(' ');
            log.line(l.substring(0, sp), l.substring(sp + 1));
        });
        Instant now = Instant.now();
        switch (o.kind()) {
            case DONE -> {
                ledger.finished(running, WatchLedger.DONE, o.summary(), now);
                log.line("done", job.name() + ": " + o.summary());
            }
            case QUEUED -> ledger.finished(running, WatchLedger.QUEUED, o.summary(), now);
            case FAILED -> {
                failures.set(true);
                int attempts = running.value().path("attempts").asInt();
                if (attempts >= settings.maxAttempts()) {
                    ledger.gaveUp(running, o.summary(), now);
                    log.line("gave-up", job.name() + " after " + attempts + " attempt(s): " + o.summary());
                } else {
                    Duration wait = settings.fileBackoff().after(attempts);
                    ledger.failed(running, o.summary(), now.plus(wait));
                    log.line("failed", job.name() + ": " + o.summary() + "; attempt " + (attempts + 1) + " in " + Durations.human(wait));
                }
            }
        }
        signal();
    }

    /** Rows a killed or stopped watch left running are due again: their ingest skips what it had cataloged. */
    private void resumeInterrupted() {
        for (StateTable.Row r : ledger.interrupted()) {
            ledger.resume(r, Instant.now());
            log.line("resumed", WatchLedger.job(r).name() + " for " + r.value().path("subject").asText() + " (interrupted before it ended)");
        }
    }

    private void signal() {
        synchronized (wake) {
            signalled = true;
            wake.notifyAll();
        }
    }

    private void await(Duration d) {
        synchronized (wake) {
            if (!signalled && !stopping) {
                try {
                    wake.wait(Math.max(10, d.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopping = true;
                }
            }
            signalled = false;
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
