package org.alos2ingest.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.SearchQuery;
import org.alos2ingest.cli.input.WholeNumbers;
import org.alos2ingest.fetch.LocalSource;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.identify.ProcessingLevel;
import org.alos2ingest.ingest.IngestJob;
import org.alos2ingest.ingest.IngestOptions;
import org.alos2ingest.ingest.IngestReport;
import org.alos2ingest.publish.Publishers;
import org.alos2ingest.render.RenderSettings;
import org.alos2ingest.sample.SampleDelivery;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.sample.ceos.CeosSampleDelivery;
import org.alos2ingest.sample.ceos.CeosSampleSpec;
import org.alos2ingest.unpack.UnpackLimits;
import org.alos2ingest.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generates four realistic deliveries (FBD and UBS Level 1.5 shaped like the real fixtures, "
                + "a Level 2.1 ScanSAR scene over Japan and a Level 1.1 CEOS UBS scene), ingests them into the embedded catalog under "
                + "<home>, and searches it. Needs no server. Running it again shows the duplicate check.")
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--full-size", description = "Generate the products at their real sizes (several GB, minutes).")
    boolean fullSize;

    @Option(names = "--width", paramLabel = "PIXELS", defaultValue = "1200", converter = WholeNumbers.Pixels.class,
            description = "Raster width of the generated products (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--max-zoom", paramLabel = "Z", converter = WholeNumbers.TileZoom.class,
            description = {"Deepest tile zoom (default: 10, or 14 with --full-size: the small demo products hold no",
                    "detail beyond zoom 10, and tiles of a 350 km ScanSAR scene to zoom 14 number 100 000)."})
    Integer maxZoom;

    @Override
    public Integer call() throws IOException {
        common.configureLogging();
        Path home = common.home();
        Path deliveries = home.resolve("demo");
        Files.createDirectories(deliveries);
        List<SampleSpec> specs = List.of(
                SampleSpec.preset("fbd"),
                SampleSpec.preset("ubs"),
                SampleSpec.generic(ObservationMode.WBD, ProcessingLevel.L2_1, 'R', OrbitDirection.DESCENDING, 'U',
                        new LonLat(140.2, 37.6), LocalDateTime.of(2024, 1, 2, 2, 49, 10, 100_000_000), 51350, 2850));
        System.out.println("writing sample deliveries to " + deliveries);
        for (SampleSpec s : specs) {
            SampleSpec sized = fullSize ? s : s.withWidth(Math.min(width, s.width()));
            Path zip = deliveries.resolve(sized.deliveryName());
            if (!Files.exists(zip)) {
                SampleDelivery.write(List.of(sized), zip, 6);
            }
            System.out.println("  " + zip.getFileName() + "  " + sized.name().text() + "  " + sized.width() + " x " + sized.height() + " px");
        }
        // and a Level 1.1 CEOS product, whose footprint comes from its orbit (full size: a sparse 6.8 GB image)
        CeosSampleSpec slc = CeosSampleSpec.preset("ubs-l11");
        slc = fullSize ? slc.withSparse(true) : slc.withWidth(400);
        Path slcZip = deliveries.resolve(slc.deliveryName());
        if (!Files.exists(slcZip)) {
            CeosSampleDelivery.write(slc, slcZip, 6, Progress.silent());
        }
        System.out.println("  " + slcZip.getFileName() + "  " + slc.name().text() + "  Level 1.1 CEOS");
        IngestOptions options = new IngestOptions(home.resolve("work"), common.settings(), common.definitions(),
                UnpackLimits.defaults(), false, false, Progress.forTerminal(), null);
        IngestReport report;
        try (Catalog catalog = common.openCatalog()) {
            RenderSettings imaging = ImagingOptions.defaults(options.settings()).withMaxZoom(maxZoom != null ? maxZoom : fullSize ? RenderSettings.DEFAULT_MAX_ZOOM : 10);
            report = new IngestJob(options, catalog, Publishers.standard(options.settings(), options.progress()), Renderers.all(imaging)).run(new LocalSource(deliveries));
            int code = ReportPrinter.print(report, false);
            System.out.println();
            System.out.println("catalog " + catalog.describe() + " holds " + catalog.count() + " dataset(s).");
            System.out.println("search --bbox -71,-28,-69,-26 (northern Chile):");
            for (ObjectNode h : catalog.search(SearchQuery.all().withArea(SearchCommand.bboxGeometry("-71,-28,-69,-26")))) {
                System.out.println("  " + h.path("id").asText() + "  " + h.path("starttime").asText() + "  " + h.path("urls").path(0).asText());
            }
            System.out.println("try: bin/alos2-ingest search --home " + home + " --level 1.5 --format json");
            return code;
        }
    }
}
