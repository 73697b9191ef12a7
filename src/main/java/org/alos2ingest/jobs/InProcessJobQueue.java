package org.alos2ingest.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.alos2ingest.IngestException;
import org.alos2ingest.ingest.IngestReport;

/**
 * Runs queued jobs in this process, at most {@code parallel} at a time. Every job crosses the queue
 * as JSON (its description in, its result out) exactly as it would through a broker, so that what
 * works here works with a distributed queue, and nothing but plain parameters can leak into a job.
 */
public final class InProcessJobQueue implements JobQueue {

    private static final Logger LOG = Logger.getLogger("org.alos2ingest.jobs");

    private final String name;
    private final JobRunner runner;
    /*
     * A queue, not a fan-out, so not util.Parallel: the pool outlives any one call (jobs are
     * submitted one by one over the queue's life, awaited in rounds, and the pool ends with close()),
     * and a job's failure is its result, to be reported beside the others', never a reason to cancel
     * them, as with a broker's workers.
     */
    private final ExecutorService pool;
    private final List<Future<String>> pending = new ArrayList<>();
    private final List<String> submitted = new ArrayList<>();

    public InProcessJobQueue(String name, int parallel, JobRunner runner) {
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1, not " + parallel);
        }
        this.name = name;
        this.runner = runner;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, name + "-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void submit(JobSpec job) {
        String message = job.toJson();
        submitted.add(message);
        LOG.fine("queue " + name + ": " + message);
        pending.add(pool.submit(() -> work(message)));
    }

    /** What a worker does with one message: decode, run, encode the result. */
    private String work(String message) {
        JobSpec job = JobSpec.fromJson(message);
        long t0 = System.nanoTime();
        IngestReport report;
        try {
            report = runner.run(job);
        } catch (IngestException | IllegalArgumentException e) {
            report = new IngestReport();
            report.add(new IngestReport.Outcome(IngestReport.Status.FAILED, null, job.name(), e.getMessage(), 0));
        } catch (RuntimeException e) {
            report = new IngestReport();
            report.add(new IngestReport.Outcome(IngestReport.Status.FAILED, null, job.name(), job.name() + ": " + e, 0));
        }
        return new JobResult(job, report.outcomes(), report.warnings(), (System.nanoTime() - t0) / 1e9).toJson();
    }

    @Override
    public List<JobResult> awaitAll() {
        List<Future<String>> futures;
        synchronized (this) {
            futures = new ArrayList<>(pending);
            pending.clear();
        }
        List<JobResult> out = new ArrayList<>();
        for (Future<String> f : futures) {
            try {
                out.add(JobResult.fromJson(f.get()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the jobs of queue " + name, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a job of queue " + name + " crashed: " + e.getCause(), e.getCause());
            }
        }
        return out;
    }

    /** The messages submitted so far, as they crossed the queue (for inspection). */
    public synchronized List<String> messages() {
        return List.copyOf(submitted);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
