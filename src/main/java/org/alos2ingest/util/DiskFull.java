package org.alos2ingest.util;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A write that failed because its disk is full. The JDK reports ENOSPC (and a full quota, EDQUOT)
 * only as an {@link IOException} carrying the C library's text, somewhere down a chain of wrapping
 * exceptions; what the operator needs instead is which disk filled up, how big it is, and what was
 * being written, in one line:
 * {@code no space left on /scratch/work (tmpfs, 12 KiB free of 8.0 MiB) while unpacking d.zip!IMG-HH-...}.
 */
public final class DiskFull {

    /** What the C library says for ENOSPC and EDQUOT; the JDK passes it on as the message. */
    private static final List<String> TEXTS = List.of("No space left on device", "Disk quota exceeded");
    /** Marks a message already made here, so that a stage above does not wrap it again. */
    private static final String PREFIX = "no space left on ";

    private DiskFull() {
    }

    /** Whether {@code t}, or anything it wraps, is a full disk or quota. */
    public static boolean causedBy(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return causedBy(t, seen);
    }

    private static boolean causedBy(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        String m = t.getMessage();
        if (m != null && TEXTS.stream().anyMatch(m::contains)) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (causedBy(s, seen)) {
                return true;
            }
        }
        return causedBy(t.getCause(), seen);
    }

    /** Whether a one-line message already is one of {@link #message}'s. */
    public static boolean isMessage(String line) {
        return line != null && line.startsWith(PREFIX);
    }

    /**
     * The one line for a disk that filled up while {@code doing}: the disk is named by its mount
     * point (or by {@code folder} when that is where it is mounted), its type, and its free and
     * total size as they are now, before anything is cleaned up.
     *
     * @param folder any path on the disk; need not exist any more
     * @param doing  what was being written, e.g. {@code "unpacking d.zip!IMG-HH-..."}
     */
    public static String message(Path folder, String doing) {
        return PREFIX + disk(folder, true) + " while " + doing;
    }

    /** The start of a message about a disk too small for what is about to be written. */
    public static String tooSmall(Path folder) {
        return PREFIX + disk(folder, false);
    }

    /**
     * {@code /mount (type, F free of T)}, or the folder alone when its disk cannot be looked at.
     *
     * @param refused a write was refused: with a megabyte or more still free, what ran out is the
     *                number of files the disk can hold (inodes), which the JDK cannot ask about
     */
    static String disk(Path folder, boolean refused) {
        Path p = folder.toAbsolutePath().normalize();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return folder.toString();
        }
        try {
            FileStore store = Files.getFileStore(p);
            Path mount = p;
            for (Path up = p.getParent(); up != null && store.equals(Files.getFileStore(up)); up = up.getParent()) {
                mount = up;
            }
            long free = store.getUsableSpace();
            return mount + " (" + store.type() + ", " + Sizes.human(free) + " free of " + Sizes.human(store.getTotalSpace())
                    + (refused && free >= 1 << 20 ? ", but likely no inodes left for more files" : "") + ")";
        } catch (IOException | SecurityException e) {
            return folder.toString();
        }
    }
}
