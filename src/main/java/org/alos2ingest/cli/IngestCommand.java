package org.alos2ingest.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.cli.input.WholeNumbers;
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

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingests ALOS-2 deliveries: fetches them, verifies and unpacks them, identifies every scene, writes its "
                + "metadata, publishes its product folder and catalogs it.",
                "A PATH is a delivery zip (JAXA's <order>_<item>_<scene>.zip), or a folder of zips and/or unzipped products; "
                + "a URL (http/https, WebDAV included) is downloaded first, with the host's .netrc login.",
                "--auig2-order downloads a JAXA AUIG2 order; --sentinel-asia ingests Sentinel Asia files (one --data-id "
                + "directly; every file of an --eor-id or of the EORs since a --start-date as one job per file on --queue).",
                "Datasets already cataloged are skipped, before downloading when the file name shows the scene (--force re-ingests them)."})
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ImagingOptions imaging;

    @Mixin
    FetchOptions fetch;

    @Mixin
    BrokerOptions brokerOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "URL|PATH", description = "Delivery zip(s), folder(s) or http(s) URL(s).")
    List<String> targets = new ArrayList<>();

    @Mixin
    SourceOptions sources;

    @Option(names = "--queue", paramLabel = "NAME", defaultValue = "alos2-ingest",
            description = "Queue the per-file jobs of --eor-id/--start-date go to (default: ${DEFAULT-VALUE}): on the RabbitMQ broker when "
                    + "one is configured (--broker, $ALOS2_INGEST_BROKER; workers run them), else run in this process.")
    String queue;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "2", converter = WholeNumbers.AtOnce.class,
            description = "Queued jobs run at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--dry-run", description = "List what would be ingested and what would be skipped, and why; fetch and change nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Re-ingest datasets that are already cataloged, replacing them.")
    boolean force;

    @Option(names = "--keep-work", description = "Keep the extracted files and staging folders (for debugging).")
    boolean keepWork;

    @Mixin
    UnpackOptions unpack;

    @Override
    public Integer call() {
        common.configureLogging();
        List<SourceTypes.Job> jobs = jobs();
        var renderers = Renderers.all(imaging.settings(common.settings()));
        UnpackLimits limits = unpack.limits();
        Path workRoot = unpack.workRoot(common.home());
        FetchConfig config = Usage.check(spec, () -> fetch.config(workRoot.resolve("downloads")));
        IngestOptions options = new IngestOptions(workRoot, common.settings(), common.definitions(), limits, force, keepWork,
                Progress.forTerminal(), null);
        IngestReport report = new IngestReport();
        try (Catalog catalog = common.openNotifyingCatalog()) {
            IngestJob job = new IngestJob(options, catalog, Publishers.standard(options.settings(), options.progress()), renderers);
            // every source made before the first is fetched: a bad target is a usage error before anything is ingested
            List<Source> made = jobs.stream().map(j -> Usage.check(spec, () -> j.source(config))).toList();
            for (int i = 0; i < jobs.size(); i++) {
                SourceTypes.Job j = jobs.get(i);
                Source source = made.get(i);
                if (j.fansOut()) {
                    try (JobQueue q = fanOutQueue(job, config)) {
                        FanOut fanOut = new FanOut(job, q, j.type().name(), SourceTypes.serviceParams(j.type(), config));
                        report.addAll(fanOut.run(source, dryRun));
                    }
                } else {
                    report.addAll(dryRun ? job.plan(source) : job.run(source));
                }
            }
        }
        return ReportPrinter.print(report, common.quiet);
    }

    /** The broker's queue when one is configured (jobs run on its workers), else this process. */
    private JobQueue fanOutQueue(IngestJob job, FetchConfig config) {
        Optional<Broker> broker = dryRun ? Optional.empty() : Usage.check(spec, () -> brokerOptions.broker(fetch.netrc));
        if (broker.isPresent()) {
            return RabbitMqJobQueue.open(broker.get(), Usage.check(spec, () -> QueueTopology.checkName(queue)));
        }
        return new InProcessJobQueue(queue, parallel, new SourceJobRunner(job, config));
    }

    /** The targets' jobs, or the one the source options name; exactly one of the two. */
    private List<SourceTypes.Job> jobs() {
        List<SourceTypes.Job> chosen = sources.chosen();
        if ((targets.isEmpty() ? 0 : 1) + chosen.size() != 1) {
            throw Usage.error(spec, "URL|PATH: " + (targets.isEmpty() && chosen.isEmpty() ? "no source given" : "more than one source given")
                    + "; expected delivery zip(s), folder(s) or URL(s), or one of " + SourceOptions.summary() + " (exactly one of them)");
        }
        return targets.isEmpty() ? chosen : targets.stream().map(t -> Usage.check(spec, "URL|PATH", () -> SourceTypes.forArgument(t))).toList();
    }
}
