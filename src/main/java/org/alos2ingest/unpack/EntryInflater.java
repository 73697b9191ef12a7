package org.alos2ingest.unpack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.LongConsumer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;

import org.alos2ingest.util.DiskFull;
import org.alos2ingest.util.FileWrites;
import org.alos2ingest.util.Parallel;
import org.alos2ingest.util.Progress;
import org.alos2ingest.util.Sizes;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Inflates the checked entries of one zip on several threads, largest first, computing each
 * entry's CRC-32 as it is written and stopping an entry the moment it inflates beyond its declared
 * size, so that the data is inflated once rather than once to test and once to extract.
 */
final class EntryInflater {

    private static final int BUFFER = 1 << 20;

    private final Progress progress;
    private final int threads;

    EntryInflater(Progress progress, int threads) {
        this.progress = progress;
        this.threads = threads;
    }

    void extract(Path zip, Path staging, Map<ZipArchiveEntry, Path> plan) throws IOException {
        Files.createDirectories(staging);
        Map<ZipArchiveEntry, Path> dest = new LinkedHashMap<>();
        plan.forEach((e, rel) -> dest.put(e, staging.resolve(rel)));

        long total = 0;
        List<ZipArchiveEntry> files = new ArrayList<>();
        for (Map.Entry<ZipArchiveEntry, Path> e : dest.entrySet()) {
            if (e.getKey().isDirectory()) {
                Files.createDirectories(e.getValue());
            } else {
                Files.createDirectories(e.getValue().getParent());
                files.add(e.getKey());
                total += e.getKey().getSize();
            }
        }
        // Largest first keeps both cores busy to the end.
        files.sort((a, b) -> Long.compare(b.getSize(), a.getSize()));
        try (Progress.Task task = progress.start("unzip " + zip.getFileName(), total, Progress.Unit.BYTES)) {
            Parallel.forEach(threads, files, e -> extractEntry(zip, e, dest.get(e), task));
        } catch (CancellationException e) {
            throw new UnpackException(zip, "interrupted while extracting", e);
        }
    }

    private void extractEntry(Path zip, ZipArchiveEntry entry, Path dest, Progress.Task task) throws IOException {
        write(zip, entry.getName(), dest, task::advance);
    }

    /**
     * Inflates one entry into a new file {@code dest}, CRC checked, saying each amount written to
     * {@code written}. Opens its own ZipFile: the streams of one share a file position.
     *
     * @throws UnpackException naming the disk when it is full, else the entry and its damage
     */
    static void write(Path zip, String entryName, Path dest, LongConsumer written) throws IOException {
        try (ZipFile zf = Unpacker.open(zip)) {
            ZipArchiveEntry e = zf.getEntry(entryName);
            EntryChecks.checkReadable(zip, zf, e);
            try (OutputStream out = FileWrites.sliced(Files.newOutputStream(dest, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                decodeChecked(zip, zf, e, (buf, n) -> {
                    out.write(buf, 0, n);
                    written.accept(n);
                });
            } catch (UnpackException ex) {
                throw ex;
            } catch (IOException ex) {
                if (Thread.currentThread().isInterrupted()) {
                    throw ex;
                }
                if (DiskFull.causedBy(ex)) {
                    throw new UnpackException(null, DiskFull.message(dest, "unpacking " + zip + "!" + e.getName()), ex);
                }
                throw new UnpackException(zip, "entry '" + e.getName() + "' is damaged: " + ex.getMessage(), ex);
            }
        }
    }

    /**
     * Hands an entry's bytes to {@code sink} as they are inflated, then checks that they are as many
     * as declared and match the declared CRC-32.
     *
     * @throws UnpackException when the entry is damaged, truncated, too long or fails its CRC
     */
    static void decodeChecked(Path zip, ZipFile zf, ZipArchiveEntry e, EntrySink sink) throws IOException {
        CRC32 crc = new CRC32();
        EntrySink checked = (buf, n) -> {
            crc.update(buf, 0, n);
            sink.accept(buf, n);
        };
        long written = e.getMethod() == ZipEntry.DEFLATED ? inflate(zip, zf, e, checked) : copy(zip, zf, e, checked);
        if (written != e.getSize()) {
            throw new UnpackException(zip, "entry '" + e.getName() + "' is truncated: " + written + " of " + e.getSize() + " bytes");
        }
        if (crc.getValue() != e.getCrc()) {
            throw new UnpackException(zip, String.format(Locale.ROOT, "CRC error in entry '%s': expected %08x, got %08x",
                    e.getName(), e.getCrc(), crc.getValue()));
        }
    }

    @FunctionalInterface
    interface EntrySink {
        void accept(byte[] buf, int n) throws IOException;
    }

    /**
     * Inflates with large buffers: the library's stream inflates 512 bytes per native call, which
     * costs a third of the time on multi-GB images.
     */
    static long inflate(Path zip, ZipFile zf, ZipArchiveEntry e, EntrySink sink) throws IOException {
        Inflater inflater = new Inflater(true);
        byte[] in = new byte[BUFFER];
        byte[] out = new byte[BUFFER];
        long written = 0;
        boolean padded = false;
        try (InputStream raw = zf.getRawInputStream(e)) {
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    int n = raw.read(in);
                    if (n < 0) {
                        if (padded) {
                            throw new UnpackException(zip, "entry '" + e.getName() + "' is truncated: its compressed data ends early");
                        }
                        // raw deflate may need one byte past the data to report its end
                        padded = true;
                        in[0] = 0;
                        n = 1;
                    }
                    inflater.setInput(in, 0, n);
                }
                int k;
                try {
                    k = inflater.inflate(out);
                } catch (DataFormatException ex) {
                    throw new UnpackException(zip, "entry '" + e.getName() + "' is damaged: " + ex.getMessage(), ex);
                }
                if (k == 0 && inflater.needsDictionary()) {
                    throw new UnpackException(zip, "entry '" + e.getName() + "' needs a preset dictionary");
                }
                if (k > 0) {
                    written += k;
                    checkDeclared(zip, e, written);
                    sink.accept(out, k);
                }
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
        } finally {
            inflater.end();
        }
        return written;
    }

    /** Stored entries, and the rarer methods the library decodes itself. */
    static long copy(Path zip, ZipFile zf, ZipArchiveEntry e, EntrySink sink) throws IOException {
        byte[] buf = new byte[BUFFER];
        long written = 0;
        try (InputStream in = e.getMethod() == ZipEntry.STORED ? zf.getRawInputStream(e) : zf.getInputStream(e)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                written += n;
                checkDeclared(zip, e, written);
                sink.accept(buf, n);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
        }
        return written;
    }

    private static void checkDeclared(Path zip, ZipArchiveEntry e, long written) {
        if (written > e.getSize()) {
            throw new UnpackException(zip, "entry '" + e.getName() + "' inflates beyond its declared "
                    + Sizes.human(e.getSize()) + ": refusing a possible zip bomb");
        }
    }
}
