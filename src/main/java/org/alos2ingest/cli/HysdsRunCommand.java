package org.alos2ingest.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.cli.input.DataSize;
import org.alos2ingest.cli.input.WebAddress;
import org.alos2ingest.cli.input.WholeNumbers;
import org.alos2ingest.fetch.CredentialLookup;
import org.alos2ingest.hysds.AltError;
import org.alos2ingest.hysds.HysdsJob;
import org.alos2ingest.hysds.MozartClient;
import org.alos2ingest.hysds.PgeRun;
import org.alos2ingest.ingest.IngestReport;
import org.alos2ingest.notify.Notifier;
import org.alos2ingest.notify.NotifySettings;
import org.alos2ingest.unpack.UnpackLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "hysds-run", mixinStandardHelpOptions = true,
        description = {"Runs one HySDS job as its PGE, in the job's work folder: reads _context.json, ingests what it names and leaves "
                + "each product folder <id>/ there for HySDS to publish and index (nothing is published or cataloged here).",
                "JOB is ingest_alos2_auig2 (auig2_orderid, auig2_username), ingest_alos2_sentinelasia (data_id, or eor_id/start_date "
                + "with queue: one job per file) or ingest_alos2_downloadurl (download_url). Logins come from the worker's .netrc "
                + "(HySDS imports /home/ops/.netrc) or environment, never from the job.",
                "On failure the error goes to _alt_error.txt and the trace to _alt_traceback.txt, and the exit code is 1."})
public final class HysdsRunCommand implements Callable<Integer> {

    /** Where fan-out goes through Mozart: its REST API root (celeryconfig's MOZART_REST_URL). */
    public static final String MOZART_ENV = "ALOS2_INGEST_MOZART_URL";

    @Mixin
    CommonOptions common;

    @Mixin
    ImagingOptions imaging;

    @Mixin
    FetchOptions fetch;

    @Mixin
    BrokerOptions brokerOptions;

    @Parameters(index = "0", paramLabel = "JOB", description = "The HySDS job: ingest_alos2_auig2, ingest_alos2_sentinelasia or ingest_alos2_downloadurl.")
    String job;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = ".", description = "The job's work folder, holding _context.json (default: the current folder).")
    Path workDir;

    @Option(names = "--mozart-url", paramLabel = "URL", converter = WebAddress.Http.class,
            description = "Mozart's REST API root, e.g. https://mozart/mozart/api/v0.1: Sentinel Asia fan-out submits one HySDS job per file there "
                    + "(default: $" + MOZART_ENV + "; else a configured RabbitMQ broker; else this job ingests every file itself).")
    String mozartUrl;

    @Option(names = "--priority", paramLabel = "0-9", defaultValue = "5", converter = WholeNumbers.Priority.class,
            description = "Priority of jobs submitted to Mozart (default: ${DEFAULT-VALUE}).")
    int priority;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "2", converter = WholeNumbers.AtOnce.class,
            description = "Files ingested at once when this job ingests a fan-out itself (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--max-unpacked-size", paramLabel = "SIZE", defaultValue = "256G", converter = DataSize.class,
            description = "Most bytes one delivery may unpack to (default: ${DEFAULT-VALUE}).")
    long maxUnpacked;

    /**
     * Where the subscriptions are: the catalog --catalog names, or the home's own when it exists. A
     * HySDS job catalogs nothing itself (HySDS indexes its products), so a worker without a home
     * catalog gets none made for it.
     */
    private Optional<Catalog> subscriptionsCatalog() {
        if (common.catalog == null && !Files.isRegularFile(common.home().resolve("catalog.sqlite"))) {
            return Optional.empty();
        }
        return Optional.of(common.openCatalog());
    }

    @Override
    public Integer call() {
        common.configureLogging();
        Path jobDir = workDir.toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(jobDir)) {
                // nowhere to write _alt_error.txt: say it on stderr only
                System.err.println("error: " + jobDir + ": not a folder");
                return Main.FAILED;
            }
            HysdsJob hysdsJob = HysdsJob.named(job);
            String mozart = mozartUrl != null ? mozartUrl : System.getenv(MOZART_ENV);
            Optional<URI> mozartUri = mozart == null || mozart.isBlank() ? Optional.empty() : Optional.of(MozartClient.parseUrl(mozart));
            if (parallel < 1 || priority < 0 || priority > 9) {
                throw new IllegalArgumentException("--parallel must be at least 1 and --priority 0 to 9");
            }
            IngestReport report;
            Optional<Catalog> subscriptions = subscriptionsCatalog();
            try (Notifier notifier = subscriptions.map(c -> Notifier.of(c, NotifySettings.of(common.settings()))).orElse(null)) {
                PgeRun.Setup setup = new PgeRun.Setup(jobDir, common.settings(), common.definitions(),
                        UnpackLimits.defaults().withMaxTotalBytes(maxUnpacked), fetch.config(jobDir.resolve(PgeRun.WORK)),
                        Renderers.all(imaging.settings(common.settings())), mozartUri, brokerOptions.broker(fetch.netrc), CredentialLookup.fromEnvironment(fetch.netrc),
                        parallel, priority, Optional.ofNullable(notifier));
                report = PgeRun.run(hysdsJob, setup);
            } finally {
                subscriptions.ifPresent(Catalog::close);
            }
            int code = ReportPrinter.print(report, common.quiet);
            if (report.failed()) {
                AltError.write(jobDir, report);
            }
            return code;
        } catch (RuntimeException e) {
            String line = Errors.oneLine(e);
            System.err.println("error: " + line);
            AltError.write(jobDir, e, line);
            return e instanceof IllegalArgumentException ? Main.USAGE : Main.FAILED;
        }
    }
}
