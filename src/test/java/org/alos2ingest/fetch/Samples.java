package org.alos2ingest.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.alos2ingest.identify.ProductName;
import org.alos2ingest.sample.SampleDelivery;
import org.alos2ingest.sample.SampleSpec;

/** Real generated deliveries (small rasters), made once per test run and shared by the tests. */
public final class Samples {

    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();
    private static Path dir;

    private Samples() {
    }

    /** The FBD L1.5 preset at 300 px, named as a product of {@code product} (e.g. ALOS2146686640-170209-FBDR1.5GUA). */
    public static synchronized byte[] delivery(String product) {
        return CACHE.computeIfAbsent(product, p -> {
            try {
                if (dir == null) {
                    dir = Files.createTempDirectory("alos2-samples");
                    dir.toFile().deleteOnExit();
                }
                SampleSpec spec = SampleSpec.preset("fbd").withName(ProductName.parse(p)).withWidth(300);
                Path zip = dir.resolve(spec.deliveryName());
                SampleDelivery.write(List.of(spec), zip, 1);
                byte[] b = Files.readAllBytes(zip);
                Files.delete(zip);
                return b;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** JAXA's delivery name for it: {@code <order>_001001_<scene>.zip}. */
    public static String deliveryName(String product) {
        return "0000148073_001001_" + product.substring(0, 21) + ".zip";
    }
}
