package org.alos2ingest.hysds;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Settings;
import org.alos2ingest.fetch.CredentialLookup;
import org.alos2ingest.fetch.FetchConfig;
import org.alos2ingest.fetch.SentinelAsiaSource;
import org.alos2ingest.fetch.Source;
import org.alos2ingest.fetch.Sources;
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
 * contract. A Sentinel Asia {@code eor_id} or {@code start_date} becomes one job per file on the
 * context's {@code queue}: through Mozart when its URL is configured (the HySDS-native way), else on
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
     */
    public record Setup(Path jobDir, Settings settings, DatasetDefinitions definitions, UnpackLimits limits, FetchConfig fetch,
                        List<SceneRenderer> renderers, Optional<URI> mozart, Optional<Broker> broker, CredentialLookup credentials,
                        int parallel, int priority) {
    }

    private PgeRun() {
    }

    public static IngestReport run(HysdsJob job, Setup s) {
        Path jobDir = s.jobDir().toAbsolutePath().normalize();
        JobContext ctx = JobContext.read(jobDir);
        Path work = jobDir.resolve(WORK);
        try {
            FetchConfig config = s.fetch().withPartialDir(work.resolve("downloads"));
            IngestOptions options = new IngestOptions(work, s.settings(), s.definitions(), s.limits(), false, false, Progress.silent(), ctx.json());
            IngestJob ingest = new IngestJob(options, new JobCatalog(), new Publishers(List.of(new JobFolderPublisher(jobDir))), s.renderers());
            return switch (job) {
                case AUIG2 -> {
                    Map<String, String> p = new LinkedHashMap<>();
                    p.put("auig2_orderid", ctx.require("auig2_orderid", "the AUIG2 order to ingest"));
                    p.put(Sources.BASE_URL, config.auig2Url().toString());
                    ctx.param("auig2_username").ifPresent(u -> p.put(SourceJobRunner.AUIG2_USERNAME, u));
                    yield direct(ingest, config, new JobSpec(Sources.AUIG2, JobSpec.nameOf(Sources.AUIG2, p.get("auig2_orderid")), p));
                }
                case DOWNLOAD_URL -> {
                    String url = ctx.require("download_url", "the URL of the zip to ingest");
                    if (!url.toLowerCase(java.util.Locale.ROOT).matches("^https?://.*")) {
                        throw new HysdsException(ctx.file(), "download_url must be an http or https URL");
                    }
                    String file = url.replaceAll("[?#].*$", "").replaceAll("/+$", "").replaceAll("^.*/", "");
                    yield direct(ingest, config, new JobSpec(Sources.URL, JobSpec.nameOf(Sources.URL, file), Map.of("url", url)));
                }
                case SENTINEL_ASIA -> sentinelAsia(ctx, ingest, config, s);
            };
        } finally {
            // only product folders stay behind: HySDS publishes every <id>/<id>.dataset.json it finds here
            FileTrees.deleteQuietly(work);
        }
    }

    private static IngestReport sentinelAsia(JobContext ctx, IngestJob ingest, FetchConfig config, Setup s) {
        Optional<String> dataId = ctx.param("data_id");
        Optional<String> eorId = ctx.param("eor_id");
        Optional<String> startDate = ctx.param("start_date");
        if (dataId.isPresent()) {
            // an eor_id beside it says which EOR the file belongs to (as a fanned-out job carries it)
            Map<String, String> p = new LinkedHashMap<>();
            p.put(SentinelAsiaSource.DATA_ID, dataId.get());
            eorId.ifPresent(e -> p.put("eor_id", e));
            p.put(Sources.BASE_URL, config.sentinelAsiaUrl().toString());
            return direct(ingest, config, new JobSpec(Sources.SENTINEL_ASIA, JobSpec.nameOf(Sources.SENTINEL_ASIA, dataId.get()), p));
        }
        if (eorId.isPresent() == startDate.isPresent()) {
            throw new HysdsException(ctx.file(), eorId.isPresent() ? "has both eor_id and start_date: give one of them"
                    : "has none of data_id, eor_id, start_date: give one of them");
        }
        Source listing;
        try {
            listing = eorId.isPresent() ? SentinelAsiaSource.eor(eorId.get(), config)
                    : SentinelAsiaSource.since(date(ctx, startDate.get()), LocalDate.now(ZoneOffset.UTC), config);
        } catch (IllegalArgumentException e) {
            throw new HysdsException(ctx.file(), e.getMessage());
        }
        try (JobQueue queue = fanOutQueue(ctx, ingest, config, s)) {
            FanOut fanOut = new FanOut(ingest, queue, Sources.SENTINEL_ASIA, Map.of(Sources.BASE_URL, config.sentinelAsiaUrl().toString()));
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

    private static LocalDate date(JobContext ctx, String text) {
        try {
            LocalDate d = LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
            if (d.isAfter(LocalDate.now(ZoneOffset.UTC))) {
                throw new HysdsException(ctx.file(), "start_date " + text + " is in the future");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new HysdsException(ctx.file(), "start_date must be YYYYMMDD, not '" + text + "'");
        }
    }
}
