package org.alos2ingest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.fetch.FetchConfig;
import org.alos2ingest.fetch.SentinelAsiaSource;
import org.alos2ingest.fetch.Source;
import org.alos2ingest.fetch.Sources;
import org.alos2ingest.fetch.Urls;
import org.alos2ingest.ingest.IngestJob;
import org.alos2ingest.ingest.IngestOptions;
import org.alos2ingest.ingest.IngestReport;
import org.alos2ingest.jobs.Broker;
import org.alos2ingest.jobs.FanOut;
import org.alos2ingest.jobs.JobResult;
import org.alos2ingest.jobs.JobSpec;
import org.alos2ingest.jobs.JobTypes;
import org.alos2ingest.jobs.QueueTopology;
import org.alos2ingest.jobs.RabbitMqJobQueue;
import org.alos2ingest.jobs.SourceJobRunner;
import org.alos2ingest.publish.Publishers;
import org.alos2ingest.unpack.UnpackLimits;
import org.alos2ingest.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Puts ingest jobs on a RabbitMQ queue for 'alos2-ingest worker's to run, and returns once the broker has them.",
                "A job is plain JSON naming its source: a download URL, a local PATH (as the workers see it: a shared file system), "
                + "an AUIG2 order, a Sentinel Asia data id; --eor-id/--start-date list the files and queue one job per file. "
                + "Jobs never carry a password: each worker finds the login in its own environment (.netrc, variables).",
                "--type/--param queue a job of any type a worker knows (e.g. one registered for archive groups)."})
public final class SubmitCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    FetchOptions fetch;

    @Mixin
    BrokerOptions brokerOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "URL|PATH", description = "Download URL(s) or delivery zip(s)/folder(s), one job each.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--auig2-order", paramLabel = "ID", description = "Queue the download and ingest of this AUIG2 order.")
    String auig2Order;

    @Mixin
    SentinelAsiaOptions sentinelAsia;

    @Option(names = "--type", paramLabel = "TYPE", description = "Queue one job of this type with the --param values (types: ${COMPLETION-CANDIDATES}).",
            completionCandidates = KnownTypes.class)
    String type;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter of the --type job (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--queue", paramLabel = "NAME", defaultValue = "alos2-ingest", description = "Queue to put the jobs on (default: ${DEFAULT-VALUE}).")
    String queue;

    private static final java.util.Set<String> SOURCE_TYPES = java.util.Set.of(Sources.PATH, Sources.URL, Sources.AUIG2, Sources.SENTINEL_ASIA);

    static final class KnownTypes implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return JobTypes.names().iterator();
        }
    }

    @Override
    public Integer call() {
        common.configureLogging();
        checkUsage();
        QueueTopology.checkName(queue);
        Broker broker = usage(() -> brokerOptions.broker(fetch.netrc)).orElseThrow(() -> usageError(
                "no broker: give --broker amqp://user@host:port/vhost or set $ALOS2_INGEST_BROKER (bin/start-rabbitmq starts one)"));
        Path workRoot = common.home().resolve("work");
        FetchConfig config = usage(() -> fetch.config(workRoot.resolve("downloads")));
        IngestReport report = new IngestReport();
        try (RabbitMqJobQueue q = RabbitMqJobQueue.open(broker, queue)) {
            if (sentinelAsia.fansOut()) {
                fanOut(q, config, report);
            } else {
                for (JobSpec job : jobs(config)) {
                    q.submit(job);
                }
                for (JobResult r : q.awaitAll()) {
                    r.outcomes().forEach(report::add);
                }
            }
        }
        return ReportPrinter.print(report, common.quiet);
    }

    /** Lists the EOR(s) here and queues one job per ingestible file not cataloged yet. */
    private void fanOut(RabbitMqJobQueue q, FetchConfig config, IngestReport report) {
        Source listing = sentinelAsia.listing(config);
        IngestOptions options = new IngestOptions(common.home().resolve("work"), common.settings(), common.definitions(),
                UnpackLimits.defaults(), false, false, Progress.silent(), null);
        try (Catalog catalog = common.openCatalog()) {
            IngestJob job = new IngestJob(options, catalog, Publishers.standard(options.settings(), options.progress()), Renderers.all());
            FanOut f = new FanOut(job, q, Sources.SENTINEL_ASIA, Map.of(Sources.BASE_URL, config.sentinelAsiaUrl().toString()));
            report.addAll(f.run(listing, false));
        }
    }

    private List<JobSpec> jobs(FetchConfig config) {
        List<JobSpec> out = new ArrayList<>();
        if (type != null) {
            if (!JobTypes.known(type)) {
                throw usageError("unknown job type '" + type + "' (known: " + String.join(", ", JobTypes.names()) + ")");
            }
            out.add(usage(() -> new JobSpec(type, JobSpec.nameOf(type, String.join("-", params.values())), params)));
        } else if (auig2Order != null) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("auig2_orderid", auig2Order.strip());
            p.put(Sources.BASE_URL, config.auig2Url().toString());
            if (fetch.auig2User != null) {
                p.put(SourceJobRunner.AUIG2_USERNAME, fetch.auig2User);
            }
            out.add(new JobSpec(Sources.AUIG2, JobSpec.nameOf(Sources.AUIG2, auig2Order.strip()), p));
        } else if (sentinelAsia.on) {
            String dataId = sentinelAsia.dataId.strip();
            out.add(new JobSpec(Sources.SENTINEL_ASIA, JobSpec.nameOf(Sources.SENTINEL_ASIA, dataId),
                    Map.of(SentinelAsiaSource.DATA_ID, dataId, Sources.BASE_URL, config.sentinelAsiaUrl().toString())));
        } else {
            for (String t : targets) {
                out.add(targetJob(t));
            }
        }
        for (JobSpec j : out) {
            if (SOURCE_TYPES.contains(j.type())) {
                // a worker would refuse a bad one too, but only after it sat in the queue
                usage(() -> Sources.fromJob(j.type(), j.params(), config));
            }
        }
        return out;
    }

    private JobSpec targetJob(String target) {
        String lower = target.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            java.net.URI u = usage(() -> Urls.parse(target));
            if (u.getRawUserInfo() != null) {
                throw usageError("'" + Urls.display(u) + "': a queued job never carries credentials; put the login in the workers' .netrc");
            }
            return new JobSpec(Sources.URL, JobSpec.nameOf(Sources.URL, lastSegment(u.getPath())), Map.of("url", target.strip()));
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
            throw usageError("'" + target + "': only http and https URLs and local paths can be queued");
        }
        Path p = Path.of(target).toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw usageError(p + " does not exist (a path job names a file the workers can read, e.g. on a shared file system)");
        }
        return new JobSpec(Sources.PATH, JobSpec.nameOf(Sources.PATH, p.getFileName().toString()), Map.of("path", p.toString()));
    }

    private static String lastSegment(String path) {
        String p = path == null ? "" : path.replaceAll("/+$", "");
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private void checkUsage() {
        int modes = (targets.isEmpty() ? 0 : 1) + (auig2Order != null ? 1 : 0) + (sentinelAsia.on ? 1 : 0) + (type != null ? 1 : 0);
        if (modes != 1) {
            throw usageError("give URL(s)/PATH(s), --auig2-order ID, --sentinel-asia or --type TYPE (exactly one of them)");
        }
        if (type == null && !params.isEmpty()) {
            throw usageError("--param goes with --type");
        }
        sentinelAsia.check();
        usage(() -> QueueTopology.checkName(queue));
    }

    private <T> T usage(java.util.function.Supplier<T> s) {
        return Usage.check(spec, s);
    }

    private CommandLine.ParameterException usageError(String message) {
        return Usage.error(spec, message);
    }
}
