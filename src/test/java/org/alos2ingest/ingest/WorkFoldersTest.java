package org.alos2ingest.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.alos2ingest.util.Host;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which work folders the next run removes: only those of ended processes on this host. */
class WorkFoldersTest {

    @TempDir
    Path root;

    @Test
    void removesOnlyTheFoldersOfEndedRunsOnThisHost() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        long dead = ended.pid();
        long alive = ProcessHandle.current().pid();
        String host = Host.name();
        List<String> gone = List.of("run-20261206-101500-" + dead + "@" + host + "-123", "scan-" + dead + "@" + host);
        List<String> kept = List.of("run-20261206-101500-" + alive + "@" + host + "-456", "scan-" + alive + "@" + host,
                // another host sharing the work root: its pids say nothing here
                "run-20261206-101500-" + dead + "@node-7.cluster-2-789", "scan-" + dead + "@node-7.cluster-2",
                // folders of older versions, which did not name their host, and anything else
                "run-20261206-101500-" + dead + "-321", "scan-" + dead, "downloads");
        for (String n : gone) {
            Files.createDirectories(root.resolve(n).resolve("d0/unpacked"));
            Files.writeString(root.resolve(n).resolve("d0/unpacked/IMG-HH.tif"), "x");
        }
        for (String n : kept) {
            Files.createDirectories(root.resolve(n));
        }
        // kept for debugging (--keep-work) by a run that has ended
        String debug = "run-20261206-101500-" + dead + "@" + host + "-654";
        Files.createDirectories(root.resolve(debug));
        Files.createFile(root.resolve(debug).resolve(WorkFolders.KEEP));
        kept = new java.util.ArrayList<>(kept);
        kept.add(debug);
        WorkFolders.removeAbandoned(root);
        try (Stream<Path> s = Files.list(root)) {
            assertEquals(kept.stream().sorted().toList(), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aNewRunFolderNamesThisProcessAndHost() {
        Path run = WorkFolders.newRun(root, false);
        String name = run.getFileName().toString();
        assertTrue(name.matches("run-\\d{8}-\\d{6}-" + ProcessHandle.current().pid() + "@" + java.util.regex.Pattern.quote(Host.name()) + "-\\d+"), name);
        WorkFolders.removeAbandoned(root);
        assertTrue(Files.isDirectory(run), "a live run's folder stays");
    }
}
