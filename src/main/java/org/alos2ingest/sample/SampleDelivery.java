package org.alos2ingest.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.alos2ingest.util.FileTrees;
import org.alos2ingest.util.ParallelZip;
import org.alos2ingest.util.Progress;

/** Packs generated products as JAXA delivers them: one zip, files flat in its root. */
public final class SampleDelivery {

    private SampleDelivery() {
    }

    /**
     * Writes the products and zips them into {@code zip}; several products make a multi-scene delivery.
     *
     * @param level deflate level, 0 (store) to 9
     */
    public static Path write(List<SampleSpec> specs, Path zip, int level) throws IOException {
        Path staging = Files.createTempDirectory(zip.toAbsolutePath().getParent(), ".sample-");
        try {
            List<Path> files = new ArrayList<>();
            for (SampleSpec s : specs) {
                files.addAll(new SampleProduct(s).write(staging));
            }
            zip(files, staging, zip, level);
            return zip;
        } finally {
            FileTrees.deleteQuietly(staging);
        }
    }

    /** Zips files (named relative to {@code base}) with one deflate stream per file, in parallel. */
    public static void zip(List<Path> files, Path base, Path zip, int level) throws IOException {
        ParallelZip.write(files, f -> base.relativize(f).toString(), zip, level, Progress.silent().start("zip", 0, Progress.Unit.BYTES));
    }
}
