package org.alos2ingest.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.alos2ingest.IngestException;
import org.alos2ingest.fetch.Source;
import org.alos2ingest.fetch.SourceTypes;
import org.alos2ingest.ingest.IngestJob;
import org.alos2ingest.ingest.IngestReport;

/**
 * Turns a listing into one ingest job per file on a queue (the Sentinel Asia EOR and date-range
 * jobs): files that cannot be ingested or are cataloged already are reported as skipped and never
 * queued; with a dry run nothing is queued and the plan is reported instead. The job of each file
 * carries the item's attributes (data id, EOR fields) and the common parameters (the service's
 * base URL) — no credentials.
 */
public final class FanOut {

    private final IngestJob ingest;
    private final JobQueue queue;
    private final String jobType;
    private final Map<String, String> common;

    public FanOut(IngestJob ingest, JobQueue queue, String jobType, Map<String, String> common) {
        this.ingest = ingest;
        this.queue = queue;
        this.jobType = jobType;
        this.common = Map.copyOf(common);
    }

    public IngestReport run(Source source, boolean dryRun) {
        IngestReport report = new IngestReport();
        Optional<List<Source.Item>> listed = IngestJob.list(source, report);
        if (listed.isEmpty()) {
            return report;
        }
        List<Source.Item> items = listed.get();
        int queued = 0;
        for (Source.Item item : items) {
            String subject = IngestJob.subject(item);
            Optional<String> skip = ingest.whyNotFetch(source, item);
            if (skip.isPresent()) {
                report.add(new IngestReport.Outcome(IngestReport.Status.SKIPPED, null, subject, skip.get(), 0));
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>(common);
            params.putAll(item.attributes());
            String named = SourceTypes.find(jobType).map(t -> t.subject(item.attributes())).filter(n -> !n.isBlank()).orElse(subject);
            JobSpec job = new JobSpec(jobType, JobSpec.nameOf(jobType, named), params);
            if (dryRun) {
                report.add(new IngestReport.Outcome(IngestReport.Status.PLANNED, null, subject, "job " + job.name() + " on queue " + queue.name(), 0));
            } else {
                queue.submit(job);
                queued++;
            }
        }
        if (queued > 0) {
            for (JobResult r : queue.awaitAll()) {
                r.outcomes().forEach(report::add);
                r.warnings().forEach(report::warn);
            }
        }
        return report;
    }
}
