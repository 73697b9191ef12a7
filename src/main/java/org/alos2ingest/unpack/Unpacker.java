package org.alos2ingest.unpack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.alos2ingest.util.DiskFull;
import org.alos2ingest.util.FileTrees;
import org.alos2ingest.util.Progress;
import org.alos2ingest.util.Sizes;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a delivery zip, and the zips nested in it, without trusting anything the zip says.
 *
 * <p>Every entry is checked before a byte is written ({@link EntryChecks}): its name must stay
 * inside the target folder and must not be absolute, links are refused, and the declared sizes must
 * fit the {@link UnpackLimits} and the free disk space. Entries are then inflated in parallel while
 * their CRC-32 is computed ({@link EntryInflater}), into a hidden staging folder that is renamed into place only when every CRC
 * matched and no entry inflated beyond its declared size. A bad zip therefore leaves nothing behind,
 * and the data is inflated once rather than once to test and once to extract. Entries the caller
 * names (the GeoTIFF images an ingest renders) are checked the same way but left in the zip: they are
 * inflated as they are read ({@link StreamedEntry}), and their CRC is checked at the end of that read.
 */
public final class Unpacker {

    private final UnpackLimits limits;
    private final EntryChecks checks;
    private final EntryInflater inflater;
    private int window = StreamedEntry.WINDOW;

    public Unpacker(UnpackLimits limits, Progress progress) {
        this(limits, progress, Runtime.getRuntime().availableProcessors());
    }

    public Unpacker(UnpackLimits limits, Progress progress, int threads) {
        this.limits = limits;
        this.checks = new EntryChecks(limits);
        this.inflater = new EntryInflater(progress, Math.max(1, threads));
    }

    /** Streamed entries hold at most this many bytes (default 64 MB); images whose bands need more are extracted. */
    public Unpacker streamWindow(int bytes) {
        this.window = Math.max(1, bytes);
        return this;
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
        return unpack(zip, target, name -> false);
    }

    /**
     * The same, leaving in the zip the entries whose file name {@code stream} accepts: they are
     * checked like the others, then inflated only as they are read ({@link UnpackedDelivery#open}).
     */
    public UnpackedDelivery unpack(Path zip, Path target, Predicate<String> stream) {
        zip = zip.toAbsolutePath().normalize();
        target = target.toAbsolutePath().normalize();
        Map<Path, ZipOrigin> origins = new LinkedHashMap<>();
        List<Path> zips = new ArrayList<>();
        Map<Path, StreamedEntry> streamed = new LinkedHashMap<>();
        long[] budget = {limits.maxTotalBytes()};
        unpack(zip, target, 0, budget, new Found(origins, zips, streamed, stream));
        return new UnpackedDelivery(target, origins, zips, streamed);
    }

    /** What unpacking finds, gathered across nested zips. */
    private record Found(Map<Path, ZipOrigin> origins, List<Path> zips, Map<Path, StreamedEntry> streamed, Predicate<String> stream) {
        boolean streams(ZipArchiveEntry e) {
            String name = e.getName().substring(e.getName().replace('\\', '/').lastIndexOf('/') + 1);
            return !e.isDirectory() && !name.toLowerCase(Locale.ROOT).endsWith(".zip") && stream.test(name);
        }
    }

    private void unpack(Path zip, Path target, int depth, long[] budget, Found found) {
        Map<Path, ZipOrigin> origins = found.origins();
        List<Path> zips = found.zips();
        if (depth > limits.maxNesting()) {
            throw new UnpackException(zip, "zips nested more than " + limits.maxNesting() + " levels deep");
        }
        List<ZipArchiveEntry> entries;
        try (ZipFile zf = open(zip)) {
            entries = Collections.list(zf.getEntries());
        } catch (IOException e) {
            throw new UnpackException(zip, "cannot read zip: " + e.getMessage(), e);
        }
        Map<ZipArchiveEntry, Path> plan = checks.plan(zip, target, entries, budget, found::streams);
        zips.add(zip);
        Map<ZipArchiveEntry, Path> extract = new LinkedHashMap<>();
        Map<ZipArchiveEntry, Path> leave = new LinkedHashMap<>();
        plan.forEach((e, rel) -> (found.streams(e) ? leave : extract).put(e, rel));

        Path staging = target.resolveSibling("." + target.getFileName() + ".partial-" + UUID.randomUUID());
        try {
            inflater.extract(zip, staging, extract);
            for (Path rel : leave.values()) {
                // the folder a streamed image would be in exists, as for any extracted file
                Files.createDirectories(staging.resolve(rel).getParent());
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            FileTrees.deleteQuietly(staging);
            throw new UnpackException(zip, "cannot extract into " + target + ": it already exists", e);
        } catch (IOException e) {
            // named before the clean-up frees the disk again
            String full = DiskFull.causedBy(e) ? DiskFull.message(staging, "unpacking " + zip) : null;
            FileTrees.deleteQuietly(staging);
            throw full != null ? new UnpackException(null, full, e) : new UnpackException(zip, "cannot extract: " + e.getMessage(), e);
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
            if (leave.containsKey(e.getKey())) {
                found.streamed().put(file, new StreamedEntry(zip, e.getKey(), file, window));
                continue;
            }
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                nested.add(file);
            }
        }
        for (Path inner : nested) {
            unpack(inner, nestedTarget(inner), depth + 1, budget, found);
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

    static long sizeOf(Path p) {
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
