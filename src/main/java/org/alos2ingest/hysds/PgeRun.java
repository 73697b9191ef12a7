package org.alos2ingest.hysds;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Settings;
import org.alos2ingest.fetch.CredentialLookup;
import org.alos2ingest.fetch.FetchConfig;
import org.alos2ingest.fetch.Source;
import org.alos2ingest.fetch.SourceTypes;
import org.alos2ingest.ingest.IngestJob;
import org.alos2ingest.ingest.IngestOptions;
import org.alos2ingest.ingest.IngestReport;
import org.alos2ingest.jobs.Broker;
import org.alos2ingest.jobs.FanOut;
import org.alos2ingest.jobs.InProcessJobQueue;
import org.alos2ingest.jobs.JobQueue;
import org.alos2ingest.jobs.JobSpec;
import org.alos2ingest.jobs.QueueTopology;
import org.alos2ingest.jobs.RabbitMqJobQueue;
import org.alos2ingest.jobs.SourceJobRunner;
import org.alos2ingest.notify.Notifier;
import org.alos2ingest.notify.NotifyingCatalog;
import org.alos2ingest.publish.Publishers;
import org.alos2ingest.render.SceneRenderer;
import org.alos2ingest.unpack.UnpackLimits;
import org.alos2ingest.util.FileTrees;
import org.alos2ingest.util.Progress;

/**
 * One HySDS job, run as a PGE in its work folder: reads {@code _context.json}, turns the job's
 * parameters into the matching ingest, and leaves each product folder {@code <id>/} (met.json,
 * dataset.json, the zip, browse images, pge_metrics.json) in the work folder, where HySDS finds,
 * publishes and indexes it. Nothing is published or cataloged here: that is HySDS's part of the
 * contract. A job whose source fans out (a Sentinel Asia {@code eor_id} or {@code start_date}) becomes
 * one job per file on the context's {@code queue}: through Mozart when its URL is configured (the HySDS-native way), else on
 * the RabbitMQ broker when one is configured (for {@code alos2-ingest worker}s), else the files are
 * ingested by this job itself.
 */
public final class PgeRun {

    /** Downloads and extraction happen here, inside the job folder (HySDS sized its disk for them); removed at the end. */
    public static final String WORK = ".alos2-ingest-work";

    /**
     * @param mozart   Mozart's REST API root, when fan-out goes through Mozart
     * @param broker   the RabbitMQ broker, when fan-out goes to alos2-ingest workers
     * @param parallel files ingested at once when this job ingests a fan-out itself
     * @param notifier tells the subscriptions of the datasets this job makes, when there are subscriptions to tell
     */
    public record Setup(Path jobDir, Settings settings, DatasetDefinitions definitions, UnpackLimits limits, FetchConfig fetch,
                        List<SceneRenderer> renderers, Optional<URI> mozart, Optional<Broker> broker, CredentialLookup credentials,
                        int parallel, int priority, Optional<Notifier> notifier) {
    }

    private PgeRun() {
    }

    public static IngestReport run(HysdsJob job, Setup s) {
        Path jobDir = s.jobDir().toAbsolutePath().normalize();
        JobContext ctx = JobContext.read(jobDir);
        Path work = jobDir.resolve(WORK);
        try {
            FetchConfig config = s.fetch().toBuilder().partialDir(work.resolve("downloads")).build();
            IngestOptions options = new IngestOptions(work, s.settings(), s.definitions(), s.limits(), false, false, Progress.silent(), ctx.json());
            Catalog products = s.notifier().<Catalog>map(n -> new NotifyingCatalog(new JobCatalog(), n)).orElseGet(JobCatalog::new);
            IngestJob ingest = new IngestJob(options, products, Publishers.everywhere(new JobFolderPublisher(jobDir)), s.renderers());
            Map<String, String> context = new LinkedHashMap<>();
            job.contextParams().forEach(name -> ctx.param(name).ifPresent(v -> context.put(name, v)));
            SourceTypes.Job source;
            try {
                source = new SourceTypes.Job(job.source(), job.pge().toJob().apply(context));
            } catch (IllegalArgumentException e) {
                throw new HysdsException(ctx.file(), e.getMessage());
            }
            if (!source.fansOut()) {
                String type = job.source().name();
                return direct(ingest, config, new JobSpec(type, JobSpec.nameOf(type, source.subject()), source.queued(config)));
            }
            return fanOut(ctx, ingest, source, config, s);
        } finally {
            // only product folders stay behind: HySDS publishes every <id>/<id>.dataset.json it finds here
            FileTrees.deleteQuietly(work);
        }
    }

    /** Lists the files here and puts one job per file on the queue. */
    private static IngestReport fanOut(JobContext ctx, IngestJob ingest, SourceTypes.Job source, FetchConfig config, Setup s) {
        Source listing;
        try {
            listing = source.source(config);
        } catch (IllegalArgumentException e) {
            throw new HysdsException(ctx.file(), e.getMessage());
        }
        try (JobQueue queue = fanOutQueue(ctx, ingest, config, s)) {
            FanOut fanOut = new FanOut(ingest, queue, source.type().name(), SourceTypes.serviceParams(source.type(), config));
            return fanOut.run(listing, false);
        }
    }

    private static JobQueue fanOutQueue(JobContext ctx, IngestJob ingest, FetchConfig config, Setup s) {
        if (s.mozart().isPresent()) {
            String queue = ctx.require("queue", "the HySDS queue the per-file jobs of an eor_id or start_date go to");
            String version = ctx.jobVersion().orElseThrow(() -> new HysdsException(ctx.file(),
                    "has no job_specification.job-version, which names the job type of the per-file jobs"));
            return new MozartJobQueue(new MozartClient(s.mozart().get(), s.credentials()), queue, version, s.priority());
        }
        String queue = ctx.param("queue").orElse("alos2-ingest");
        if (s.broker().isPresent()) {
            try {
                QueueTopology.checkName(queue);
            } catch (IllegalArgumentException e) {
                throw new HysdsException(ctx.file(), e.getMessage());
            }
            return RabbitMqJobQueue.open(s.broker().get(), queue);
        }
        // no queue service: this job ingests every file itself, all product folders end up here
        return new InProcessJobQueue(queue, s.parallel(), new SourceJobRunner(ingest, config));
    }

    /** Runs one ingest; a job that ingested nothing and failed nothing (every file skipped) has failed all the same. */
    private static IngestReport direct(IngestJob ingest, FetchConfig config, JobSpec spec) {
        IngestReport report = new SourceJobRunner(ingest, config).run(spec);
        if (report.count(IngestReport.Status.INGESTED) == 0 && !report.failed()) {
            String why = String.join("; ", report.outcomes().stream().map(o -> o.subject() + ": " + o.detail()).toList());
            report.add(new IngestReport.Outcome(IngestReport.Status.FAILED, null, spec.name(),
                    "nothing ingested" + (why.isEmpty() ? ": the source offered no file" : ": " + why), 0));
        }
        return report;
    }
}
