package org.alos2ingest.unpack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.alos2ingest.util.DiskFull;
import org.alos2ingest.util.Sizes;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The checks a zip's central directory must pass before a byte of it is written: every name stays
 * inside the extraction folder and is not absolute, no entry is a link or appears twice, and the
 * declared sizes fit the {@link UnpackLimits} (per entry, per zip, per delivery) and the free disk.
 */
final class EntryChecks {

    private final UnpackLimits limits;

    EntryChecks(UnpackLimits limits) {
        this.limits = limits;
    }

    /**
     * Checks names and sizes of every entry; returns where each will be written, relative to the
     * extraction folder.
     */
    Map<ZipArchiveEntry, Path> plan(Path zip, Path target, List<ZipArchiveEntry> entries, long[] budget) {
        return plan(zip, target, entries, budget, e -> false);
    }

    /**
     * The same, where the entries {@code streamed} accepts will be inflated as they are read, not
     * written: they count against the limits, not against the free disk.
     */
    Map<ZipArchiveEntry, Path> plan(Path zip, Path target, List<ZipArchiveEntry> entries, long[] budget,
                                    java.util.function.Predicate<ZipArchiveEntry> streamed) {
        long written = 0;
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
                written += streamed.test(e) ? 0 : size;
            }
            plan.put(e, relative);
        }
        long zipSize = Unpacker.sizeOf(zip);
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
        checkFreeSpace(zip, target.getParent(), written);
        return plan;
    }

    static void checkName(Path zip, String name) {
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

    /**
     * Refuses an entry whose data cannot be read with what is on the class path: commons-compress
     * knows the Zstandard and XZ methods but decodes them with libraries alos2-ingest does not ship,
     * so only the methods it decodes itself are let through (stored, deflated, deflate64, bzip2 and
     * the old shrunk and imploded).
     */
    static void checkReadable(Path zip, ZipFile zf, ZipArchiveEntry e) {
        if (!SELF_DECODED.contains(e.getMethod()) || !zf.canReadEntryData(e)) {
            throw new UnpackException(zip, "entry '" + e.getName() + "' uses an unsupported compression method (" + e.getMethod()
                    + ") or encryption; expected stored or deflated");
        }
    }

    private static final Set<Integer> SELF_DECODED = Set.of(0, 1, 6, 8, 9, 12);

    private void checkFreeSpace(Path zip, Path folder, long needed) {
        try {
            Files.createDirectories(folder);
            long free = Files.getFileStore(folder).getUsableSpace();
            long margin = limits.freeSpaceMargin();
            if (free < needed + margin) {
                // the disk named first, as when a write finds it full; the margin said, or "only 1 GiB" would not add up
                throw new UnpackException(null, DiskFull.tooSmall(folder) + " to unpack " + zip + ": it needs " + Sizes.human(needed)
                        + " to extract but only " + Sizes.human(Math.max(0, free - margin)) + " may be used"
                        + (margin > 0 ? " while " + Sizes.human(margin) + " stays free for rendering (--keep-free)" : ""));
            }
        } catch (IOException e) {
            if (DiskFull.causedBy(e)) {
                throw new UnpackException(null, DiskFull.message(folder, "unpacking " + zip), e);
            }
            throw new UnpackException(zip, "cannot check free space in " + folder + ": " + e.getMessage(), e);
        }
    }
}
