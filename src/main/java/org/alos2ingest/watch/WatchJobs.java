package org.alos2ingest.watch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.alos2ingest.IngestException;
import org.alos2ingest.ingest.IngestReport;
import org.alos2ingest.jobs.JobQueue;
import org.alos2ingest.jobs.JobRunner;
import org.alos2ingest.jobs.JobSpec;

/** Where {@code watch}'s jobs go: run in this process a few at a time, or onto a broker's queue for workers. */
public interface WatchJobs extends AutoCloseable {

    /** How a job went, from the watch's side. */
    record Outcome(Kind kind, String summary, List<String> lines) {

        enum Kind { DONE, QUEUED, FAILED }

        public Outcome {
            lines = List.copyOf(lines);
        }
    }

    /** For the log: "in this process, 2 at a time", "on queue q at amqp://...". */
    String describe();

    /** Whether another job can start now. */
    boolean hasRoom();

    /** Starts a job; {@code done} is told how it went (at once for a queue, when it ends for a job run here). */
    void start(JobSpec job, Consumer<Outcome> done);

    /** How many jobs started here are still running. */
    int running();

    /** Waits up to {@code max} for the running jobs; true when none is left. */
    boolean awaitIdle(Duration max);

    @Override
    void close();

    static WatchJobs inProcess(JobRunner runner, int parallel) {
        return new InProcess(runner, parallel);
    }

    static WatchJobs onQueue(JobQueue queue, String where) {
        return new OnQueue(queue, where);
    }

    /** Each job crosses as JSON, as through a broker, so that nothing but plain parameters reaches it. */
    final class InProcess implements WatchJobs {
        private final JobRunner runner;
        private final int parallel;
        private final ExecutorService pool;
        private final AtomicInteger running = new AtomicInteger();

        InProcess(JobRunner runner, int parallel) {
            this.runner = runner;
            this.parallel = parallel;
            AtomicInteger n = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(parallel, r -> {
                Thread t = new Thread(r, "watch-job-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        @Override
        public String describe() {
            return "in this process, " + parallel + " at a time";
        }

        @Override
        public boolean hasRoom() {
            return running.get() < parallel;
        }

        @Override
        public void start(JobSpec job, Consumer<Outcome> done) {
            String message = job.toJson();
            running.incrementAndGet();
            pool.submit(() -> {
                Outcome o;
                try {
                    o = outcome(runner.run(JobSpec.fromJson(message)));
                } catch (IngestException | IllegalArgumentException e) {
                    o = new Outcome(Outcome.Kind.FAILED, e.getMessage(), List.of());
                } catch (RuntimeException e) {
                    o = new Outcome(Outcome.Kind.FAILED, e.toString(), List.of());
                }
                try {
                    done.accept(o);
                } finally {
                    running.decrementAndGet();
                }
            });
        }

        static Outcome outcome(IngestReport report) {
            List<String> lines = new ArrayList<>();
            String firstFailure = null;
            int ingested = 0;
            for (IngestReport.Outcome o : report.outcomes()) {
                switch (o.status()) {
                    case INGESTED -> {
                        lines.add("ingested " + o.id() + " -> " + o.detail());
                        ingested++;
                    }
                    case FAILED -> {
                        firstFailure = firstFailure != null ? firstFailure : o.subject() + ": " + o.detail();
                    }
                    default -> lines.add("skipped " + o.subject() + ": " + o.detail());
                }
            }
            if (firstFailure != null) {
                return new Outcome(Outcome.Kind.FAILED, firstFailure, lines);
            }
            return new Outcome(Outcome.Kind.DONE, ingested > 0 ? ingested + " dataset(s) ingested" : "nothing new to catalog", lines);
        }

        @Override
        public int running() {
            return running.get();
        }

        @Override
        public boolean awaitIdle(Duration max) {
            long end = System.nanoTime() + max.toNanos();
            while (running.get() > 0 && System.nanoTime() < end) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return running.get() == 0;
        }

        @Override
        public void close() {
            pool.shutdownNow();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The broker confirms each job before {@code start} returns: a queued job survives this process. */
    final class OnQueue implements WatchJobs {
        private final JobQueue queue;
        private final String where;

        OnQueue(JobQueue queue, String where) {
            this.queue = queue;
            this.where = where;
        }

        @Override
        public String describe() {
            return where;
        }

        @Override
        public boolean hasRoom() {
            return true;
        }

        @Override
        public void start(JobSpec job, Consumer<Outcome> done) {
            Outcome o;
            try {
                queue.submit(job);
                queue.awaitAll();
                o = new Outcome(Outcome.Kind.QUEUED, where, List.of());
            } catch (RuntimeException e) {
                o = new Outcome(Outcome.Kind.FAILED, e.getMessage() == null ? e.toString() : e.getMessage(), List.of());
            }
            done.accept(o);
        }

        @Override
        public int running() {
            return 0;
        }

        @Override
        public boolean awaitIdle(Duration max) {
            return true;
        }

        @Override
        public void close() {
            queue.close();
        }
    }
}
