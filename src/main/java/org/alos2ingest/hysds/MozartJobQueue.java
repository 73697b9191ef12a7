package org.alos2ingest.hysds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alos2ingest.fetch.SentinelAsiaSource;
import org.alos2ingest.fetch.Sources;
import org.alos2ingest.ingest.IngestReport;
import org.alos2ingest.jobs.JobQueue;
import org.alos2ingest.jobs.JobResult;
import org.alos2ingest.jobs.JobSpec;

/**
 * The HySDS way to fan out: each Sentinel Asia file becomes a {@code job-ingest_alos2_sentinelasia}
 * job submitted to Mozart, which queues it on HySDS's own RabbitMQ for HySDS workers. The job
 * carries what its job-spec takes ({@code data_id} and the {@code eor_id} it came from); it runs
 * the same container, which finds the login in the worker's .netrc.
 */
public final class MozartJobQueue implements JobQueue {

    private final MozartClient mozart;
    private final String queue;
    private final String jobType;
    private final int priority;
    private final List<JobResult> unreported = new ArrayList<>();

    /**
     * @param queue   the HySDS queue the jobs go to (the context's {@code queue})
     * @param version the job-spec version of the running job: the fanned-out jobs are of the same release
     */
    public MozartJobQueue(MozartClient mozart, String queue, String version, int priority) {
        this.mozart = mozart;
        this.queue = queue;
        this.jobType = HysdsJob.SENTINEL_ASIA.jobType(version);
        this.priority = priority;
    }

    @Override
    public String name() {
        return queue;
    }

    @Override
    public synchronized void submit(JobSpec job) {
        if (!job.type().equals(Sources.SENTINEL_ASIA) || !job.params().containsKey(SentinelAsiaSource.DATA_ID)) {
            throw new IllegalArgumentException("only Sentinel Asia file jobs go to Mozart, not " + job.toJson());
        }
        String dataId = job.params().get(SentinelAsiaSource.DATA_ID);
        Map<String, String> params = new LinkedHashMap<>();
        params.put(HysdsJob.JOB_PARAM, HysdsJob.SENTINEL_ASIA.jobName());
        params.put("data_id", dataId);
        params.put("eor_id", job.params().getOrDefault("eor_id", ""));
        params.put("start_date", "");
        params.put("queue", "");
        List<String> tags = new ArrayList<>(List.of(HysdsJob.SENTINEL_ASIA.jobName(), dataId));
        String id = mozart.submit(new MozartClient.Job(jobType, queue, priority, tags, jobType.replace(':', '-') + "-" + dataId, params));
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
