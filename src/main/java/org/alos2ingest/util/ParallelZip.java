package org.alos2ingest.util;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.ScatterZipOutputStream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntryRequest;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Zips files with one deflate stream per file, as many at a time as there are cores, and writes the
 * zip under a hidden name first so that a reader never sees half of it. Each thread deflates its
 * files into a scatter file of its own beside the zip (not in /tmp, which may be small); the
 * scatter files are then copied into the zip one after the other.
 */
public final class ParallelZip {
    private ParallelZip() {
    }

    /**
     * @param names the entry name of each file
     * @param level deflate level, 0 (store) to 9
     */
    public static void write(List<Path> files, Function<Path, String> names, Path zip, int level, Progress.Task task) throws IOException {
        List<ZipArchiveEntry> entries = new ArrayList<>();
        for (Path f : files) {
            ZipArchiveEntry e = new ZipArchiveEntry(names.apply(f));
            e.setMethod(level == 0 ? ZipEntry.STORED : ZipEntry.DEFLATED);
            e.setTime(Files.getLastModifiedTime(f).toMillis());
            if (level == 0) {
                e.setSize(Files.size(f));
            }
            entries.add(e);
        }
        Path scratch = zip.toAbsolutePath().getParent();
        List<ScatterZipOutputStream> scatters = Collections.synchronizedList(new ArrayList<>());
        Path tmp = zip.resolveSibling("." + zip.getFileName() + ".tmp");
        try {
            Parallel.run(Runtime.getRuntime().availableProcessors(), files.size(), () -> new Parallel.Worker<IOException>() {
                private ScatterZipOutputStream scatter;

                @Override
                public void run(int i) throws IOException {
                    if (scatter == null) {
                        scatter = ScatterZipOutputStream.pathBased(Files.createTempFile(scratch, ".scatter", ".tmp"), level);
                        scatters.add(scatter);
                    }
                    try (InputStream in = new Counting(Files.newInputStream(files.get(i)), task)) {
                        scatter.addArchiveEntry(ZipArchiveEntryRequest.createZipArchiveEntryRequest(entries.get(i), () -> in));
                    }
                }
            });
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(tmp)) {
                out.setUseZip64(Zip64Mode.AsNeeded);
                for (ScatterZipOutputStream s : scatters) {
                    s.writeTo(out);
                }
            }
        } catch (Throwable e) {
            Files.deleteIfExists(tmp);
            throw e;
        } finally {
            // deletes the scatter files
            for (ScatterZipOutputStream s : scatters) {
                s.close();
            }
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
