package org.alos2ingest.sample.ceos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.alos2ingest.sample.SampleDelivery;
import org.alos2ingest.util.FileTrees;
import org.alos2ingest.util.Progress;

/** Packs a generated Level 1.1 product as JAXA delivers it: one zip, files flat in its root. */
public final class CeosSampleDelivery {

    private CeosSampleDelivery() {
    }

    /** @param level deflate level, 0 (store) to 9 */
    public static Path write(CeosSampleSpec spec, Path zip, int level, Progress progress) throws IOException {
        Path staging = Files.createTempDirectory(zip.toAbsolutePath().getParent(), ".sample-");
        try {
            List<Path> files = new CeosSampleProduct(spec).write(staging, progress);
            SampleDelivery.zip(files, staging, zip, level);
            return zip;
        } finally {
            FileTrees.deleteQuietly(staging);
        }
    }
}
