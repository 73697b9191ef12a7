package org.alos2ingest.stac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.SearchQuery;
import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.LookSide;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.identify.ProcessingLevel;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.sample.ceos.CeosSampleDelivery;
import org.alos2ingest.sample.ceos.CeosSampleProduct;
import org.alos2ingest.sample.ceos.CeosSampleSpec;
import org.alos2ingest.testing.CeosLevel15Product;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.Deliveries;
import org.alos2ingest.testing.L11Samples;
import org.alos2ingest.util.FileTrees;
import org.alos2ingest.util.Progress;

/**
 * A home into which one product of every kind was ingested for real, once per test run: Level 1.5
 * GeoTIFF (FBD, Chile), Level 2.1 GeoTIFF (WBD, Japan), Level 1.5 GeoTIFF across the antimeridian
 * (WBD, Fiji), Level 1.1 CEOS (FBD, Bolivia), Level 1.5 CEOS, and an archive metadata dataset.
 */
final class IngestedHome {

    static final String FBD = "ALOS2146686640-170209-FBDR1.5GUA";
    static final SampleSpec L21 = SampleSpec.generic(ObservationMode.WBD, ProcessingLevel.L2_1, 'R', OrbitDirection.DESCENDING, 'U',
            new LonLat(140.2, 37.6), LocalDateTime.of(2024, 1, 2, 2, 49, 10, 100_000_000), 51350, 2850).withWidth(300);
    static final SampleSpec ANTIMERIDIAN = SampleSpec.generic(ObservationMode.WBD, ProcessingLevel.L1_5, 'R', OrbitDirection.ASCENDING, 'U',
            new LonLat(179.9, -17), LocalDateTime.of(2023, 12, 1, 9, 30), 50000, 4000).withWidth(300);
    static final CeosSampleSpec L11 = L11Samples.stripmap();
    static final CeosSampleSpec ARCHIVED = CeosSampleSpec.generic(ObservationMode.FBD, LookSide.RIGHT, OrbitDirection.ASCENDING,
            new LonLat(-70.2, -27.2), LocalDateTime.of(2017, 2, 9, 5, 11, 3), 14668, 6640).withWidth(160).withSparse(true);
    static final String MD = ARCHIVED.name().text() + "-md";

    private static Path home;

    private IngestedHome() {
    }

    static synchronized Path home() {
        if (home == null) {
            try {
                Path tmp = Files.createTempDirectory("stac-home");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTrees.deleteQuietly(tmp)));
                Path in = tmp.resolve("in");
                Deliveries.zip(in, "fbd", 300);
                Deliveries.zip(in, L21);
                Deliveries.zip(in, ANTIMERIDIAN);
                CeosSampleDelivery.write(L11, in.resolve(L11.deliveryName()), 6, Progress.silent());
                CeosLevel15Product.write(in.resolve("products"));
                Path h = tmp.resolve("home");
                CliRun r = CliRun.run(h, "ingest", "--max-zoom", "3", "--sigma0", in.toString());
                assertEquals(0, r.code(), r.err() + r.out());
                Path archive = tmp.resolve("archive");
                Path folder = archive.resolve(String.format("P%03d/F%04d", ARCHIVED.name().scene().pathNumber(), ARCHIVED.name().scene().frame()));
                new CeosSampleProduct(ARCHIVED).write(folder, Progress.silent());
                Files.deleteIfExists(folder.resolve("summary.txt"));
                CliRun s = CliRun.run(h, "scan", archive.toString(), "--tag", "gekko");
                assertEquals(0, s.code(), s.err() + s.out());
                home = h;
            } catch (Exception e) {
                throw new IllegalStateException("cannot ingest the test products: " + e, e);
            }
        }
        return home;
    }

    static List<ObjectNode> documents() {
        try (SqliteCatalog c = new SqliteCatalog(home().resolve("catalog.sqlite"))) {
            return c.search(SearchQuery.all());
        }
    }

    static ObjectNode document(String id) {
        return documents().stream().filter(d -> d.path("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not cataloged"));
    }

    /** The published product folder of a dataset. */
    static Path folder(String id) {
        try (Stream<Path> s = Files.walk(home().resolve("published/datasets"))) {
            return s.filter(p -> p.getFileName().toString().equals(id) && Files.isDirectory(p)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
