package org.alos2ingest.jobs;

import org.alos2ingest.fetch.FetchConfig;
import org.alos2ingest.fetch.SourceTypes;
import org.alos2ingest.ingest.IngestJob;
import org.alos2ingest.ingest.IngestReport;

/**
 * The worker side of a queue: makes the job's source from its type and parameters (the worker's
 * own credentials lookup supplies any login; a user the job names is applied, see
 * {@link SourceTypes.Job#source}) and runs one ingest of it.
 */
public final class SourceJobRunner implements JobRunner {

    private final IngestJob ingest;
    private final FetchConfig config;

    public SourceJobRunner(IngestJob ingest, FetchConfig config) {
        this.ingest = ingest;
        this.config = config;
    }

    @Override
    public IngestReport run(JobSpec job) {
        return ingest.run(SourceTypes.fromJob(job.type(), job.params(), config));
    }
}
