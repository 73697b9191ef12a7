package org.alos2ingest.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.fetch.LocalSource;
import org.alos2ingest.jobs.IngestJob;
import org.alos2ingest.jobs.IngestOptions;
import org.alos2ingest.jobs.IngestReport;
import org.alos2ingest.publish.Publishers;
import org.alos2ingest.unpack.UnpackLimits;
import org.alos2ingest.util.Progress;
import org.alos2ingest.util.Sizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingests ALOS-2 deliveries: verifies and unpacks them, identifies every scene, writes its",
                "metadata, publishes its product folder and catalogs it.",
                "A PATH is a delivery zip (JAXA's <order>_<item>_<scene>.zip), or a folder of zips and/or",
                "unzipped products. Datasets already cataloged are skipped (--force re-ingests them)."})
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ImagingOptions imaging;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Delivery zip(s) or folder(s).")
    List<Path> paths;

    @Option(names = "--force", description = "Re-ingest datasets that are already cataloged, replacing them.")
    boolean force;

    @Option(names = "--work", paramLabel = "DIR", description = "Work folder for extraction and staging (default: <home>/work).")
    Path work;

    @Option(names = "--keep-work", description = "Keep the extracted files and staging folders (for debugging).")
    boolean keepWork;

    @Option(names = "--max-unpacked-size", paramLabel = "SIZE", defaultValue = "256G",
            description = "Most bytes one delivery may unpack to, nested zips included (default: ${DEFAULT-VALUE}).")
    String maxUnpacked;

    @Option(names = "--max-expansion-ratio", paramLabel = "N", defaultValue = "100",
            description = "Most uncompressed bytes per compressed byte before a zip is refused as a bomb (default: ${DEFAULT-VALUE}).")
    double maxRatio;

    @Override
    public Integer call() {
        common.configureLogging();
        var renderers = Renderers.all(imaging.settings());
        UnpackLimits limits = UnpackLimits.defaults().withMaxTotalBytes(Sizes.parse(maxUnpacked)).withMaxExpansionRatio(maxRatio);
        Path workRoot = work != null ? work.toAbsolutePath() : common.home().resolve("work");
        IngestOptions options = new IngestOptions(workRoot, common.settings(), common.definitions(), limits, force, keepWork,
                Progress.forTerminal(), null);
        IngestReport report = new IngestReport();
        try (Catalog catalog = common.openCatalog()) {
            IngestJob job = new IngestJob(options, catalog, Publishers.local(), renderers);
            for (Path p : paths) {
                report.addAll(job.run(new LocalSource(p)));
            }
        }
        return ReportPrinter.print(report, common.quiet);
    }
}
