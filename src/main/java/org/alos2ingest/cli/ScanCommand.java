package org.alos2ingest.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.alos2ingest.IngestException;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.cli.input.BatchOptions;
import org.alos2ingest.cli.input.ExistingFile;
import org.alos2ingest.cli.input.WholeNumbers;
import org.alos2ingest.identify.ArchiveScanner;
import org.alos2ingest.ingest.ArchiveScan;
import org.alos2ingest.ingest.IngestOptions;
import org.alos2ingest.ingest.IngestReport;
import org.alos2ingest.jobs.BatchJobQueue;
import org.alos2ingest.jobs.BatchScheduler;
import org.alos2ingest.jobs.Broker;
import org.alos2ingest.jobs.JobQueue;
import org.alos2ingest.jobs.JobResult;
import org.alos2ingest.jobs.JobSpec;
import org.alos2ingest.jobs.JobTypes;
import org.alos2ingest.jobs.RabbitMqJobQueue;
import org.alos2ingest.jobs.ScanLedger;
import org.alos2ingest.publish.Publishers;
import org.alos2ingest.unpack.UnpackLimits;
import org.alos2ingest.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Catalogs an archive of unzipped Level 1.1 products already on disk (e.g. an HPC folder tree): "
                + "every group of IMG/LED/VOL/TRL files of one frame and date in a folder becomes a metadata-only "
                + "dataset <product>-md (type alos2_slc_md) that lists the archive files, with footprint and times "
                + "read from the CEOS files. Nothing is copied. Groups already cataloged are skipped, so an "
                + "interrupted scan re-run does only what is missing.",
                "Groups are cataloged here, several at a time, or submitted as one batch job each: --pbs SCRIPT "
                + "(qsub -v dir=<folder>,fdate=<frame-date> -N <frame-date> SCRIPT, as the old system did) or "
                + "--slurm [SCRIPT] (sbatch). A missing SCRIPT is written; an existing one is used as it is."})
public final class ScanCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "DIR", converter = ExistingFile.Folder.class,
            description = "The archive folder to walk (with --fdate: the group's own folder).")
    Path dir;

    @Option(names = "--regex", paramLabel = "R", defaultValue = ArchiveScanner.DEFAULT_FOLDER_REGEX, converter = BatchOptions.Regex.class,
            description = "Only folders whose path contains a match (default: ${DEFAULT-VALUE}; \"\" for every folder).")
    String regex;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag put in each dataset's met.json tags.")
    String tag;

    @Option(names = "--fdate", paramLabel = "FRAME-DATE",
            description = "Catalog only the group with this frame-date (e.g. 6960-140909) among DIR's own files: what each batch job runs.")
    String fdate;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "2", converter = WholeNumbers.AtOnce.class,
            description = "Groups cataloged at a time here (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--pbs", paramLabel = "SCRIPT", description = "Submit one PBS job per group with qsub, running SCRIPT.")
    Path pbs;

    @Option(names = "--slurm", paramLabel = "SCRIPT", arity = "0..1", fallbackValue = "",
            description = "Submit one Slurm job per group with sbatch, running SCRIPT (default: <home>/alos2-ingest-scan.sbatch).")
    String slurm;

    @Option(names = "--queue", paramLabel = "NAME",
            description = "Put one archive-group job per group on this RabbitMQ queue (see --broker) for `worker`s to run.")
    String queue;

    @Mixin
    BrokerOptions brokerOptions;

    @Option(names = "--walltime", paramLabel = "HH:MM:SS", defaultValue = "02:00:00", converter = BatchOptions.Walltime.class,
            description = "Wall time asked for each batch job a written script runs (default: ${DEFAULT-VALUE}).")
    String walltime;

    @Option(names = "--resubmit", description = "Submit groups again even when an earlier scan submitted them and they are not cataloged yet.")
    boolean resubmit;

    @Option(names = "--force", description = "Catalog groups again even when they are cataloged already.")
    boolean force;

    @Option(names = "--dry-run", description = "List the groups that would be cataloged or submitted, and do nothing.")
    boolean dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        common.configureLogging();
        if ((pbs != null ? 1 : 0) + (slurm != null ? 1 : 0) + (queue != null ? 1 : 0) > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pbs: given with --slurm or --queue; expected one of --pbs, --slurm and --queue");
        }
        IngestOptions options = new IngestOptions(common.home().resolve("work"), common.settings(), common.definitions(),
                UnpackLimits.defaults(), force, false, Progress.forTerminal(), null);
        IngestReport report;
        try (Catalog catalog = common.openNotifyingCatalog()) {
            ArchiveScan scan = new ArchiveScan(options, catalog, Publishers.standard(options.settings(), options.progress()));
            if (fdate != null) {
                report = scan.runGroup(dir.toAbsolutePath().normalize(), fdate, tag);
            } else if (dryRun) {
                report = scan.scan(dir, regex, (g, r) -> r.add(new IngestReport.Outcome(IngestReport.Status.PLANNED, g.datasetId(),
                        g.datasetId(), g.folder() + " " + g.fdate() + ", " + g.files().size() + " files", 0)));
            } else if (pbs != null || slurm != null || queue != null) {
                report = submit(scan);
            } else {
                report = scan.runLocally(dir, regex, tag, parallel);
            }
        }
        return ReportPrinter.print(report, common.quiet);
    }

    private IngestReport submit(ArchiveScan scan) throws IOException {
        ScanLedger ledger = new ScanLedger(common.home().resolve("scan-submitted.tsv"));
        try (JobQueue jobs = submissionQueue()) {
            return scan.scan(dir, regex, (g, r) -> {
                String id = g.datasetId();
                String earlier = ledger.jobOf(id);
                if (earlier != null && !resubmit) {
                    r.add(new IngestReport.Outcome(IngestReport.Status.SKIPPED, id, id,
                            "submitted earlier as " + earlier + " and not cataloged yet (--resubmit submits it again)", 0));
                    return;
                }
                Map<String, String> params = new java.util.LinkedHashMap<>(Map.of("dir", g.folder().toString(), "fdate", g.fdate(), "dataset_id", id));
                if (tag != null) {
                    params.put("tag", tag);
                }
                try {
                    jobs.submit(new JobSpec(JobTypes.ARCHIVE_GROUP, g.fdate(), params));
                    for (JobResult res : jobs.awaitAll()) {
                        res.outcomes().forEach(r::add);
                        ledger.record(id, res.outcomes().get(0).detail());
                    }
                } catch (IngestException | IllegalArgumentException e) {
                    r.add(new IngestReport.Outcome(IngestReport.Status.FAILED, id, id, g.folder() + ": " + e.getMessage(), 0));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    /** Where groups go: a batch scheduler with its job script, or a RabbitMQ queue. */
    private JobQueue submissionQueue() throws IOException {
        if (queue != null) {
            Broker broker = brokerOptions.broker(null).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "--queue needs a broker: give --broker amqp://user@host:port/vhost or set $ALOS2_INGEST_BROKER"));
            return RabbitMqJobQueue.open(broker, queue);
        }
        BatchScheduler scheduler = pbs != null ? BatchScheduler.PBS : BatchScheduler.SLURM;
        Path script = pbs != null ? pbs : slurm.isEmpty() ? common.home().resolve("alos2-ingest-scan.sbatch") : Path.of(slurm);
        if (BatchJobQueue.writeScript(scheduler, script, groupCommand(), walltime)) {
            System.out.println("wrote " + scheduler.name() + " job script " + script.toAbsolutePath());
        }
        return new BatchJobQueue(scheduler, script, scheduler.program());
    }

    /** The command a batch job runs for one group, with this scan's home, catalog and configuration. */
    private List<String> groupCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.add("scan");
        cmd.add("--home");
        cmd.add(common.home().toString());
        if (common.catalog != null) {
            cmd.add("--catalog");
            cmd.add(common.catalog);
        }
        if (common.datasets != null) {
            cmd.add("--datasets");
            cmd.add(common.datasets.toAbsolutePath().toString());
        }
        if (common.settings != null) {
            cmd.add("--settings");
            cmd.add(common.settings.toAbsolutePath().toString());
        }
        if (tag != null) {
            cmd.add("--tag");
            cmd.add(tag);
        }
        return cmd;
    }
}
