package org.alos2ingest.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.alos2ingest.util.FileTrees;

/**
 * The folders one scan writes its groups' metadata files in before they are published: one per
 * thread, made once and emptied by each publish (which moves the files out), so that a group costs
 * no folder of its own. Removing a folder per group was the largest single kernel cost of a scan on
 * ext4 without a journal, where every freed inode is skipped for a while when the next file is
 * created ({@code recently_deleted}), so the cost of a group grew with the groups before it.
 */
final class GroupFolders implements AutoCloseable {

    /** Scans of one process (a worker's parallel jobs) each number their folders apart under its scan folder. */
    private static final AtomicInteger SCANS = new AtomicInteger();

    private final Path scanFolder;
    private final int scan = SCANS.incrementAndGet();
    private final AtomicInteger threads = new AtomicInteger();
    /** Made beside each other ({@code <scan>-<thread>}), not under a folder of this scan: one folder fewer per scan, which a queued job is. */
    private final Set<Path> made = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Path> own;

    GroupFolders(Path workRoot) {
        this.scanFolder = WorkFolders.scan(workRoot);
        this.own = ThreadLocal.withInitial(() -> scanFolder.resolve(scan + "-" + threads.incrementAndGet()));
    }

    /** This thread's folder, empty: what a failed group left in it is removed. */
    Path empty() throws IOException {
        Path folder = own.get();
        if (made.add(folder)) {
            FileTrees.delete(folder);
            Files.createDirectories(folder);
            return folder;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Iterator<Path> it = ds.iterator(); it.hasNext(); ) {
                FileTrees.delete(it.next());
            }
        }
        return folder;
    }

    /** Removes this scan's folders once its groups are done, and the process's scan folder if no other scan uses it. */
    @Override
    public void close() {
        made.forEach(FileTrees::deleteQuietly);
        try {
            Files.deleteIfExists(scanFolder);
        } catch (IOException e) {
            // not empty: another scan of this process is still writing in it
        }
    }
}
