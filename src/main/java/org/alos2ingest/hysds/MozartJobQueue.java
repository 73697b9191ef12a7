package org.alos2ingest.hysds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alos2ingest.fetch.SourceType;
import org.alos2ingest.fetch.SourceTypes;
import org.alos2ingest.ingest.IngestReport;
import org.alos2ingest.jobs.JobQueue;
import org.alos2ingest.jobs.JobResult;
import org.alos2ingest.jobs.JobSpec;

/**
 * The HySDS way to fan out: each file job (e.g. a Sentinel Asia file) becomes a job of its source's
 * HySDS job ({@code job-ingest_alos2_sentinelasia}) submitted to Mozart, which queues it on HySDS's
 * own RabbitMQ for HySDS workers. The job carries what its job-spec takes (the {@code data_id} and the
 * {@code eor_id} it came from; the job-spec's other parameters empty); it runs the same container,
 * which finds the login in the worker's .netrc.
 */
public final class MozartJobQueue implements JobQueue {

    private final MozartClient mozart;
    private final String queue;
    private final String version;
    private final int priority;
    private final List<JobResult> unreported = new ArrayList<>();

    /**
     * @param queue   the HySDS queue the jobs go to (the context's {@code queue})
     * @param version the job-spec version of the running job: the fanned-out jobs are of the same release
     */
    public MozartJobQueue(MozartClient mozart, String queue, String version, int priority) {
        this.mozart = mozart;
        this.queue = queue;
        this.version = version;
        this.priority = priority;
    }

    @Override
    public String name() {
        return queue;
    }

    @Override
    public synchronized void submit(JobSpec job) {
        HysdsJob hysds = HysdsJob.forSource(job.type()).orElse(null);
        SourceType type = SourceTypes.find(job.type()).orElse(null);
        if (hysds == null || type == null || type.fansOut(job.params())) {
            throw new IllegalArgumentException("only jobs of one file of a packaged source go to Mozart, not " + job.toJson());
        }
        String jobType = hysds.jobType(version);
        String subject = type.subject(job.params());
        Map<String, String> params = new LinkedHashMap<>();
        params.put(HysdsJob.JOB_PARAM, hysds.jobName());
        hysds.contextParams().forEach(p -> params.put(p, job.params().getOrDefault(p, "")));
        List<String> tags = new ArrayList<>(List.of(hysds.jobName(), subject));
        String id = mozart.submit(new MozartClient.Job(jobType, queue, priority, tags, jobType.replace(':', '-') + "-" + subject, params));
        IngestReport.Outcome o = new IngestReport.Outcome(IngestReport.Status.QUEUED, null, job.name(),
                "HySDS job " + id + " (" + jobType + ") on queue " + queue + " through " + mozart.describe(), 0);
        unreported.add(new JobResult(job, List.of(o), List.of(), 0));
    }

    @Override
    public synchronized List<JobResult> awaitAll() {
        List<JobResult> out = List.copyOf(unreported);
        unreported.clear();
        return out;
    }

    @Override
    public void close() {
    }
}
