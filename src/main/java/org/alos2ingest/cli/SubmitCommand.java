package org.alos2ingest.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.fetch.FetchConfig;
import org.alos2ingest.fetch.Source;
import org.alos2ingest.fetch.SourceTypes;
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

    @Mixin
    SourceOptions sources;

    @Option(names = "--type", paramLabel = "TYPE", description = "Queue one job of this type with the --param values (types: ${COMPLETION-CANDIDATES}).",
            completionCandidates = KnownTypes.class)
    String type;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter of the --type job (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--queue", paramLabel = "NAME", defaultValue = "alos2-ingest", description = "Queue to put the jobs on (default: ${DEFAULT-VALUE}).")
    String queue;

    static final class KnownTypes implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return JobTypes.names().iterator();
        }
    }

    @Override
    public Integer call() {
        common.configureLogging();
        List<SourceTypes.Job> chosen = checkUsage();
        QueueTopology.checkName(queue);
        Broker broker = usage(() -> brokerOptions.broker(fetch.netrc)).orElseThrow(() -> usageError(
                "no broker: give --broker amqp://user@host:port/vhost or set $ALOS2_INGEST_BROKER (bin/start-rabbitmq starts one)"));
        Path workRoot = common.home().resolve("work");
        FetchConfig config = usage(() -> fetch.config(workRoot.resolve("downloads")));
        IngestReport report = new IngestReport();
        try (RabbitMqJobQueue q = RabbitMqJobQueue.open(broker, queue)) {
            if (chosen.size() == 1 && chosen.get(0).fansOut()) {
                fanOut(q, chosen.get(0), config, report);
            } else {
                for (JobSpec job : jobs(chosen, config)) {
                    q.submit(job);
                }
                for (JobResult r : q.awaitAll()) {
                    r.outcomes().forEach(report::add);
                }
            }
        }
        return ReportPrinter.print(report, common.quiet);
    }

    /** Lists the files here (e.g. of an EOR) and queues one job per ingestible file not cataloged yet. */
    private void fanOut(RabbitMqJobQueue q, SourceTypes.Job chosen, FetchConfig config, IngestReport report) {
        Source listing = usage(() -> chosen.source(config));
        IngestOptions options = new IngestOptions(common.home().resolve("work"), common.settings(), common.definitions(),
                UnpackLimits.defaults(), false, false, Progress.silent(), null);
        try (Catalog catalog = common.openCatalog()) {
            IngestJob job = new IngestJob(options, catalog, Publishers.standard(options.settings(), options.progress()), Renderers.all(ImagingOptions.defaults(options.settings())));
            FanOut f = new FanOut(job, q, chosen.type().name(), SourceTypes.serviceParams(chosen.type(), config));
            report.addAll(f.run(listing, false));
        }
    }

    private List<JobSpec> jobs(List<SourceTypes.Job> chosen, FetchConfig config) {
        if (type != null) {
            if (!JobTypes.known(type)) {
                throw usageError("--type: " + type + " is not a job type; one of " + String.join(", ", JobTypes.names()));
            }
            // a worker would refuse a bad one too, but only after it sat in the queue
            SourceTypes.find(type).ifPresent(t -> usage(() -> {
                try {
                    return new SourceTypes.Job(t, params).source(config);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage() + " (a " + type + " job takes " + String.join(", ", t.jobParams()) + ")", e);
                }
            }));
            return List.of(usage(() -> new JobSpec(type, JobSpec.nameOf(type, String.join("-", params.values())), params)));
        }
        List<SourceTypes.Job> jobs = targets.isEmpty() ? chosen : targets.stream().map(t -> Usage.check(spec, "URL|PATH", () -> SourceTypes.forArgument(t))).toList();
        List<JobSpec> out = new ArrayList<>();
        for (SourceTypes.Job j : jobs) {
            usage(() -> {
                j.type().checkQueueable(j.params());
                return j.source(config);
            });
            out.add(new JobSpec(j.type().name(), JobSpec.nameOf(j.type().name(), j.subject()), j.queued(config)));
        }
        return out;
    }

    /** Exactly one of targets, a source's options and --type; returns the job the source options name, if they do. */
    private List<SourceTypes.Job> checkUsage() {
        List<SourceTypes.Job> chosen = sources.chosen();
        int modes = (targets.isEmpty() ? 0 : 1) + chosen.size() + (type != null ? 1 : 0);
        if (modes != 1) {
            throw usageError("URL|PATH: expected URL(s) or PATH(s), one of " + SourceOptions.summary() + ", or --type TYPE (exactly one of them)");
        }
        if (type == null && !params.isEmpty()) {
            throw usageError("--param goes with --type");
        }
        usage(() -> QueueTopology.checkName(queue));
        return chosen;
    }

    private <T> T usage(java.util.function.Supplier<T> s) {
        return Usage.check(spec, s);
    }

    private CommandLine.ParameterException usageError(String message) {
        return Usage.error(spec, message);
    }
}
