package org.alos2ingest.testing;

import java.nio.file.Path;
import java.time.LocalDateTime;

import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.LookSide;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.sample.ceos.CeosSampleProduct;
import org.alos2ingest.sample.ceos.CeosSampleSpec;
import org.alos2ingest.util.Progress;

/** Small generated Level 1.1 products for tests (real geometry, few samples). */
public final class L11Samples {

    private L11Samples() {
    }

    /** FBD stripmap, ascending, right-looking, over the real fixture's scene centre in Bolivia; 120 samples wide. */
    public static CeosSampleSpec stripmap() {
        return CeosSampleSpec.generic(ObservationMode.FBD, LookSide.RIGHT, OrbitDirection.ASCENDING, new LonLat(-62.53, -11.05),
                LocalDateTime.of(2014, 9, 9, 4, 33, 47, 52_000_000), 1597, 6960).withWidth(120);
    }

    /** WBD ScanSAR (5 scans), descending, right-looking, over Fukushima; the first scan 24 samples wide. */
    public static CeosSampleSpec scanSar() {
        return CeosSampleSpec.generic(ObservationMode.WBD, LookSide.RIGHT, OrbitDirection.DESCENDING, new LonLat(140.2, 37.6),
                LocalDateTime.of(2024, 1, 2, 2, 49, 10, 100_000_000), 51350, 2850).withWidth(24);
    }

    /** Writes a product's files into {@code folder}. */
    public static CeosSampleProduct write(CeosSampleSpec spec, Path folder) throws Exception {
        CeosSampleProduct p = new CeosSampleProduct(spec);
        p.write(folder, Progress.silent());
        return p;
    }
}
