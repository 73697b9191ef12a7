package org.alos2ingest.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alos2ingest.IngestException;
import org.alos2ingest.util.FileTrees;
import org.alos2ingest.util.Host;

/**
 * The folders an ingest or scan works in under the work root, named after the process that made
 * them ({@code run-<time>-<pid>@<host>-<n>}). A run killed with SIGKILL, or on a node that died,
 * cannot remove its folder; the next run on the same host removes those whose process is gone, and
 * never one of a run still going, here or on another host sharing the work root, nor one kept on
 * purpose ({@code --keep-work}, marked {@value #KEEP}).
 */
final class WorkFolders {

    /** Marks a folder kept for debugging: left alone after its run has ended. */
    static final String KEEP = ".keep";
    private static final Logger LOG = Logger.getLogger("org.alos2ingest");
    /** run-TIME-PID@HOST-N and scan-PID@HOST; a host name may hold dashes, a pid and N may not. */
    private static final Pattern OWNED = Pattern.compile("run-.*-(\\d+)@(.+)-\\d+|scan-(\\d+)@(.+)");

    private WorkFolders() {
    }

    /**
     * A new folder of this process for one ingest run.
     *
     * @param keep marked to be kept after the run (even a killed one) for debugging
     */
    static Path newRun(Path root, boolean keep) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        try {
            Files.createDirectories(root);
            // a fresh folder even when queued jobs of this process start in the same instant
            Path run = Files.createTempDirectory(root, "run-" + stamp + "-" + owner() + "-");
            if (keep) {
                Files.createFile(run.resolve(KEEP));
            }
            return run;
        } catch (IOException e) {
            throw new IngestException(root, "cannot create work folder: " + e.getMessage(), e);
        }
    }

    /** This process's folder for the archive scan's metadata files; shared by its parallel groups. */
    static Path scan(Path root) {
        return root.resolve("scan-" + owner());
    }

    private static String owner() {
        return ProcessHandle.current().pid() + "@" + Host.name();
    }

    /**
     * Removes the folders of runs on this host whose process has ended without cleaning up. Folders
     * of other hosts, and of older versions that did not name their host, are left alone.
     */
    static void removeAbandoned(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        String host = Host.name();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, "{run,scan}-*@*")) {
            for (Path p : ds) {
                Matcher m = OWNED.matcher(p.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                boolean run = m.group(1) != null;
                if (m.group(run ? 2 : 4).equals(host) && !alive(Long.parseLong(m.group(run ? 1 : 3))) && !Files.exists(p.resolve(KEEP))) {
                    LOG.fine("removing " + p + ", left by a run that ended without cleaning up");
                    FileTrees.deleteQuietly(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a folder that cannot be listed or removed costs disk, not correctness: the run goes on
            LOG.fine("cannot look for abandoned work folders in " + root + ": " + e.getMessage());
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
