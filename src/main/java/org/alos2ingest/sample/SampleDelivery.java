package org.alos2ingest.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;

import org.alos2ingest.util.FileTrees;
import org.apache.commons.compress.archivers.zip.ParallelScatterZipCreator;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.parallel.FileBasedScatterGatherBackingStore;

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
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        Path scratch = zip.toAbsolutePath().getParent();
        ParallelScatterZipCreator creator = new ParallelScatterZipCreator(pool,
                () -> new FileBasedScatterGatherBackingStore(Files.createTempFile(scratch, ".scatter", ".tmp")), level);
        for (Path f : files) {
            ZipArchiveEntry e = new ZipArchiveEntry(base.relativize(f).toString());
            e.setMethod(level == 0 ? ZipEntry.STORED : ZipEntry.DEFLATED);
            e.setTime(Files.getLastModifiedTime(f).toMillis());
            if (level == 0) {
                e.setSize(Files.size(f));
            }
            creator.addArchiveEntry(e, () -> {
                try {
                    return Files.newInputStream(f);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }
        Path tmp = zip.resolveSibling("." + zip.getFileName() + ".tmp");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(tmp)) {
            out.setUseZip64(Zip64Mode.AsNeeded);
            creator.writeTo(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Files.move(tmp, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
