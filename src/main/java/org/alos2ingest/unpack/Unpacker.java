package org.alos2ingest.unpack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;

import org.alos2ingest.util.FileTrees;
import org.alos2ingest.util.Progress;
import org.alos2ingest.util.Sizes;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a delivery zip, and the zips nested in it, without trusting anything the zip says.
 *
 * <p>Every entry is checked before a byte is written: its name must stay inside the target folder
 * and must not be absolute, links are refused, and the declared sizes must fit the
 * {@link UnpackLimits} and the free disk space. Entries are then inflated in parallel while their
 * CRC-32 is computed, into a hidden staging folder that is renamed into place only when every CRC
 * matched and no entry inflated beyond its declared size. A bad zip therefore leaves nothing behind,
 * and the data is inflated once rather than once to test and once to extract.
 */
public final class Unpacker {

    private static final int BUFFER = 1 << 20;

    private final UnpackLimits limits;
    private final Progress progress;
    private final int threads;

    public Unpacker(UnpackLimits limits, Progress progress) {
        this(limits, progress, Runtime.getRuntime().availableProcessors());
    }

    public Unpacker(UnpackLimits limits, Progress progress, int threads) {
        this.limits = limits;
        this.progress = progress;
        this.threads = Math.max(1, threads);
    }

    /** Lists a zip's entry names from its central directory, without reading any data. */
    public static List<String> listEntries(Path zip) {
        try (ZipFile zf = open(zip)) {
            List<String> names = new ArrayList<>();
            for (ZipArchiveEntry e : Collections.list(zf.getEntries())) {
                names.add(e.getName());
            }
            return names;
        } catch (IOException e) {
            throw new UnpackException(zip, "cannot read zip: " + e.getMessage(), e);
        }
    }

    /**
     * Unpacks {@code zip} into {@code target}, which must not exist yet.
     */
    public UnpackedDelivery unpack(Path zip, Path target) {
        zip = zip.toAbsolutePath().normalize();
        target = target.toAbsolutePath().normalize();
        Map<Path, ZipOrigin> origins = new LinkedHashMap<>();
        List<Path> zips = new ArrayList<>();
        long[] budget = {limits.maxTotalBytes()};
        unpack(zip, target, 0, budget, origins, zips);
        return new UnpackedDelivery(target, origins, zips);
    }

    private void unpack(Path zip, Path target, int depth, long[] budget, Map<Path, ZipOrigin> origins, List<Path> zips) {
        if (depth > limits.maxNesting()) {
            throw new UnpackException(zip, "zips nested more than " + limits.maxNesting() + " levels deep");
        }
        List<ZipArchiveEntry> entries;
        try (ZipFile zf = open(zip)) {
            entries = Collections.list(zf.getEntries());
        } catch (IOException e) {
            throw new UnpackException(zip, "cannot read zip: " + e.getMessage(), e);
        }
        Map<ZipArchiveEntry, Path> plan = plan(zip, target, entries, budget);
        zips.add(zip);

        Path staging = target.resolveSibling("." + target.getFileName() + ".partial-" + UUID.randomUUID());
        try {
            extract(zip, staging, plan);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            FileTrees.deleteQuietly(staging);
            throw new UnpackException(zip, "cannot extract into " + target + ": it already exists", e);
        } catch (IOException e) {
            FileTrees.deleteQuietly(staging);
            throw new UnpackException(zip, "cannot extract: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            FileTrees.deleteQuietly(staging);
            throw e;
        }

        List<Path> nested = new ArrayList<>();
        for (Map.Entry<ZipArchiveEntry, Path> e : plan.entrySet()) {
            if (e.getKey().isDirectory()) {
                continue;
            }
            Path file = target.resolve(e.getValue());
            origins.put(file, new ZipOrigin(zip, e.getKey().getName()));
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                nested.add(file);
            }
        }
        for (Path inner : nested) {
            unpack(inner, nestedTarget(inner), depth + 1, budget, origins, zips);
        }
    }

    /**
     * Checks names and sizes of every entry; returns where each will be written, relative to the
     * extraction folder.
     */
    private Map<ZipArchiveEntry, Path> plan(Path zip, Path target, List<ZipArchiveEntry> entries, long[] budget) {
        if (entries.size() > limits.maxEntries()) {
            throw new UnpackException(zip, "holds " + entries.size() + " entries, more than the limit of " + limits.maxEntries());
        }
        Map<ZipArchiveEntry, Path> plan = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (ZipArchiveEntry e : entries) {
            String name = e.getName();
            checkName(zip, name);
            if (e.isUnixSymlink()) {
                throw new UnpackException(zip, "entry '" + name + "' is a symbolic link; links are refused");
            }
            String normal = name.replace('\\', '/');
            Path dest = target.resolve(normal).normalize();
            if (!dest.startsWith(target) || dest.equals(target) && !e.isDirectory()) {
                throw new UnpackException(zip, "entry '" + name + "' would be written outside the extraction folder");
            }
            Path relative = target.relativize(dest);
            if (!seen.add(relative.toString())) {
                throw new UnpackException(zip, "entry '" + name + "' appears twice");
            }
            if (!e.isDirectory()) {
                long size = e.getSize();
                if (size < 0) {
                    throw new UnpackException(zip, "entry '" + name + "' does not declare its size");
                }
                long compressed = Math.max(1, e.getCompressedSize());
                if (size > limits.ratioCheckMinBytes() && size / (double) compressed > limits.maxExpansionRatio()) {
                    throw new UnpackException(zip, String.format(Locale.ROOT,
                            "entry '%s' expands %s to %s (%.0f:1), over the limit of %.0f:1: refusing a possible zip bomb",
                            name, Sizes.human(compressed), Sizes.human(size), size / (double) compressed, limits.maxExpansionRatio()));
                }
                total += size;
            }
            plan.put(e, relative);
        }
        long zipSize = sizeOf(zip);
        if (total > budget[0]) {
            throw new UnpackException(zip, "expands to " + Sizes.human(total) + ", over the limit of "
                    + Sizes.human(limits.maxTotalBytes()) + " per delivery: refusing a possible zip bomb");
        }
        if (total > limits.ratioCheckMinBytes() && total / (double) Math.max(1, zipSize) > limits.maxExpansionRatio()) {
            throw new UnpackException(zip, String.format(Locale.ROOT,
                    "expands %s to %s (%.0f:1), over the limit of %.0f:1: refusing a possible zip bomb",
                    Sizes.human(zipSize), Sizes.human(total), total / (double) Math.max(1, zipSize), limits.maxExpansionRatio()));
        }
        budget[0] -= total;
        checkFreeSpace(zip, target.getParent(), total);
        return plan;
    }

    private static void checkName(Path zip, String name) {
        if (name.isEmpty()) {
            throw new UnpackException(zip, "has an entry with an empty name");
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < 0x20) {
                throw new UnpackException(zip, "entry name contains control characters: '" + name.replaceAll("\\p{Cntrl}", "?") + "'");
            }
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            throw new UnpackException(zip, "entry '" + name + "' has an absolute path");
        }
    }

    private void checkFreeSpace(Path zip, Path folder, long needed) {
        try {
            Files.createDirectories(folder);
            long free = Files.getFileStore(folder).getUsableSpace();
            if (free < needed + limits.freeSpaceMargin()) {
                throw new UnpackException(zip, "needs " + Sizes.human(needed) + " to extract but only "
                        + Sizes.human(free) + " is free in " + folder);
            }
        } catch (IOException e) {
            throw new UnpackException(zip, "cannot check free space in " + folder + ": " + e.getMessage(), e);
        }
    }

    private void extract(Path zip, Path staging, Map<ZipArchiveEntry, Path> plan) throws IOException {
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
        int n = Math.min(threads, Math.max(1, files.size()));
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "unzip");
            t.setDaemon(true);
            return t;
        });
        try (Progress.Task task = progress.start("unzip " + zip.getFileName(), total, Progress.Unit.BYTES)) {
            List<Future<?>> futures = new ArrayList<>();
            for (ZipArchiveEntry e : files) {
                futures.add(pool.submit(() -> {
                    extractEntry(zip, e, dest.get(e), task);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException ex) {
                    futures.forEach(x -> x.cancel(true));
                    Throwable c = ex.getCause();
                    if (c instanceof UnpackException u) {
                        throw u;
                    }
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    throw new UnpackException(zip, "cannot extract: " + c, c);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new UnpackException(zip, "interrupted while extracting", ex);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void extractEntry(Path zip, ZipArchiveEntry entry, Path dest, Progress.Task task) throws IOException {
        // One ZipFile per task: its streams share a file position otherwise.
        try (ZipFile zf = open(zip)) {
            ZipArchiveEntry e = zf.getEntry(entry.getName());
            if (!zf.canReadEntryData(e)) {
                throw new UnpackException(zip, "entry '" + e.getName() + "' uses an unsupported compression method or encryption");
            }
            CRC32 crc = new CRC32();
            long written;
            try (OutputStream out = Files.newOutputStream(dest, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                EntrySink sink = (buf, n) -> {
                    crc.update(buf, 0, n);
                    out.write(buf, 0, n);
                    task.advance(n);
                };
                written = e.getMethod() == ZipEntry.DEFLATED ? inflate(zip, zf, e, sink) : copy(zip, zf, e, sink);
            } catch (UnpackException ex) {
                throw ex;
            } catch (IOException ex) {
                if (Thread.currentThread().isInterrupted()) {
                    throw ex;
                }
                throw new UnpackException(zip, "entry '" + e.getName() + "' is damaged: " + ex.getMessage(), ex);
            }
            if (written != e.getSize()) {
                throw new UnpackException(zip, "entry '" + e.getName() + "' is truncated: " + written + " of " + e.getSize() + " bytes");
            }
            if (crc.getValue() != e.getCrc()) {
                throw new UnpackException(zip, String.format(Locale.ROOT, "CRC error in entry '%s': expected %08x, got %08x",
                        e.getName(), e.getCrc(), crc.getValue()));
            }
        }
    }

    @FunctionalInterface
    private interface EntrySink {
        void accept(byte[] buf, int n) throws IOException;
    }

    /**
     * Inflates with large buffers: the library's stream inflates 512 bytes per native call, which
     * costs a third of the time on multi-GB images.
     */
    private static long inflate(Path zip, ZipFile zf, ZipArchiveEntry e, EntrySink sink) throws IOException {
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
    private static long copy(Path zip, ZipFile zf, ZipArchiveEntry e, EntrySink sink) throws IOException {
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

    /** Where a nested zip is unpacked: beside it, named without {@code .zip}. */
    private static Path nestedTarget(Path inner) {
        String name = inner.getFileName().toString();
        Path t = inner.resolveSibling(name.substring(0, name.length() - 4));
        return Files.exists(t) ? inner.resolveSibling(name + ".unzipped") : t;
    }

    /**
     * Opens a zip, turning the library's many failure messages into the one the user needs:
     * not a zip at all (with a hint at what it is), or a damaged/truncated one.
     */
    static ZipFile open(Path zip) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new UnpackException(zip, Files.exists(zip) ? "is not a regular file" : "does not exist");
        }
        byte[] head = new byte[64];
        int n;
        try (InputStream in = Files.newInputStream(zip)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n < 4 || head[0] != 'P' || head[1] != 'K') {
            throw new UnpackException(zip, "not a zip file (" + describeContent(head, n) + ")");
        }
        try {
            return ZipFile.builder().setPath(zip).setUseUnicodeExtraFields(true).get();
        } catch (IOException e) {
            throw new UnpackException(zip, "truncated or damaged zip (" + Sizes.human(sizeOf(zip))
                    + "): " + e.getMessage(), e);
        }
    }

    private static String describeContent(byte[] head, int n) {
        if (n <= 0) {
            return "it is empty";
        }
        String text = new String(head, 0, n, StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
        if (text.startsWith("<!doctype html") || text.startsWith("<html") || text.startsWith("<?xml") && text.contains("html")) {
            return "it is an HTML page: a login, error or redirect page instead of the product?";
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            return "it is JSON text";
        }
        if (n >= 4 && (head[0] == 'I' && head[1] == 'I' || head[0] == 'M' && head[1] == 'M')) {
            return "it is a TIFF image";
        }
        return String.format(Locale.ROOT, "it starts with bytes %02x %02x %02x %02x", head[0], head[1], Math.max(0, n > 2 ? head[2] : 0),
                n > 3 ? head[3] : 0);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Files directly in a folder, for callers that look for delivery zips. */
    public static List<Path> zipsIn(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.{zip,ZIP}")) {
            ds.forEach(out::add);
        }
        Collections.sort(out);
        return out;
    }
}
