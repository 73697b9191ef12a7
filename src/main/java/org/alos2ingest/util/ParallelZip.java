package org.alos2ingest.util;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.ParallelScatterZipCreator;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.parallel.FileBasedScatterGatherBackingStore;

/**
 * Zips files with one deflate stream per file, as many at a time as there are cores, and writes the
 * zip under a hidden name first so that a reader never sees half of it.
 */
public final class ParallelZip {
    private ParallelZip() {
    }

    /**
     * @param names the entry name of each file
     * @param level deflate level, 0 (store) to 9
     */
    public static void write(List<Path> files, Function<Path, String> names, Path zip, int level, Progress.Task task) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        // Scatter files go beside the zip, not to /tmp, which may be small.
        Path scratch = zip.toAbsolutePath().getParent();
        ParallelScatterZipCreator creator = new ParallelScatterZipCreator(pool,
                () -> new FileBasedScatterGatherBackingStore(Files.createTempFile(scratch, ".scatter", ".tmp")), level);
        for (Path f : files) {
            ZipArchiveEntry e = new ZipArchiveEntry(names.apply(f));
            e.setMethod(level == 0 ? ZipEntry.STORED : ZipEntry.DEFLATED);
            e.setTime(Files.getLastModifiedTime(f).toMillis());
            if (level == 0) {
                e.setSize(Files.size(f));
            }
            creator.addArchiveEntry(e, () -> {
                try {
                    return new Counting(Files.newInputStream(f), task);
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
            Files.deleteIfExists(tmp);
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Files.deleteIfExists(tmp);
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static final class Counting extends FilterInputStream {
        private final Progress.Task task;

        Counting(InputStream in, Progress.Task task) {
            super(in);
            this.task = task;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                task.advance(n);
            }
            return n;
        }
    }
}
