package org.alos2ingest.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.alos2ingest.sample.SampleDelivery;
import org.alos2ingest.sample.SampleProduct;
import org.alos2ingest.sample.SampleSpec;

/** Small realistic deliveries for tests, made by the sample generator. */
public final class Deliveries {

    public static final Path FIXTURES = Path.of("src/test/resources/fixtures/geotiff-l15");

    private Deliveries() {
    }

    /** A zip like JAXA's, for a preset at a small width. */
    public static Path zip(Path dir, SampleSpec spec) throws IOException {
        Files.createDirectories(dir);
        return SampleDelivery.write(List.of(spec), dir.resolve(spec.deliveryName()), 1);
    }

    public static Path zip(Path dir, String preset, int width) throws IOException {
        return zip(dir, SampleSpec.preset(preset).withWidth(width));
    }

    /**
     * A product folder whose metadata files (summary.txt, KML, LUT, BRS) are the real JAXA ones of
     * a fixture and whose images are generated to match them (small, for speed).
     */
    public static Path realFixtureFolder(Path dir, String preset, String fixture) throws IOException {
        SampleSpec spec = SampleSpec.preset(preset).withWidth(160);
        Path folder = dir.resolve(fixture);
        new SampleProduct(spec).write(folder);
        try (Stream<Path> real = Files.list(FIXTURES.resolve(fixture))) {
            for (Path f : real.toList()) {
                Files.copy(f, folder.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return folder;
    }
}
