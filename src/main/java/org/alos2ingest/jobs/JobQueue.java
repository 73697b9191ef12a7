package org.alos2ingest.jobs;

import java.util.List;

/**
 * Where fanned-out ingest jobs go. The in-process queue runs them here, a bounded number at a time;
 * a distributed queue (RabbitMQ, a batch scheduler) implements the same contract: jobs are
 * {@link JobSpec}s that travel as JSON and come back as {@link JobResult}s.
 */
public interface JobQueue extends AutoCloseable {

    /** The queue's name, as given by {@code --queue}. */
    String name();

    /** Queues a job; returns at once. */
    void submit(JobSpec job);

    /**
     * Waits until every job submitted so far has ended; results in submission order. A distributed
     * queue whose workers run elsewhere returns at once, one {@link IngestReport.Status#QUEUED}
     * outcome per job: the submitter does not wait for them.
     */
    List<JobResult> awaitAll();

    @Override
    void close();
}
