package org.alos2ingest.jobs;

import org.alos2ingest.ingest.IngestReport;

/** Runs one job where a queue's worker is: makes its source, finds its credentials, ingests. */
@FunctionalInterface
public interface JobRunner {

    IngestReport run(JobSpec job);
}
