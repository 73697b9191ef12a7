package org.alos2ingest.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.alos2ingest.catalog.SearchQuery;
import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.LookSide;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.sample.ceos.CeosSampleProduct;
import org.alos2ingest.sample.ceos.CeosSampleSpec;
import org.alos2ingest.testing.ChildCli;
import org.alos2ingest.testing.FrozenChild;
import org.alos2ingest.testing.SqliteWriteLock;
import org.alos2ingest.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive scan, in its own JVM, killed with SIGKILL part way through an archive of many
 * groups, at a moment when one group is published but not yet cataloged; run again, every group is
 * cataloged exactly once, every published dataset has its catalog entry, and the work folder is
 * empty. The archive is made as bench/MakeArchive.java makes one: one generated product whose
 * files are hard-linked under each group's names.
 */
class KillDuringScanTest {

    static final int GROUPS = 60;

    @TempDir
    Path tmp;

    @Test
    void aKilledScanIsCompletedByTheNextWithEveryGroupCatalogedOnce() throws Exception {
        Path archive = tmp.resolve("archive");
        Set<String> expected = archive(archive);
        Path home = tmp.resolve("home");
        Path work = home.resolve("work");
        String[] args = {"scan", "-v", "--home", home.toString(), "--parallel", "2", archive.toString()};

        ChildCli first = ChildCli.start(tmp.resolve("first.log"), Map.of(), args);
        // once a quarter is cataloged, the test takes the catalog's write lock: the next group published waits to be cataloged
        // (a group whose "cataloging" line comes after that is waiting for the lock: published, not cataloged)
        SqliteWriteLock[] lock = {null};
        int[] linesAtLock = {Integer.MAX_VALUE};
        try {
            int exit = FrozenChild.killWhen(first, 120, "a quarter of the groups cataloged and one published but not cataloged",
                    () -> count(first, "cataloging ") >= GROUPS / 4, () -> {
                        if (lock[0] == null) {
                            int lines = first.lines().size();
                            lock[0] = SqliteWriteLock.tryTake(home.resolve("catalog.sqlite")).orElse(null);
                            linesAtLock[0] = lock[0] != null ? lines : Integer.MAX_VALUE;
                        }
                    }, () -> !waitingToBeCataloged(first, linesAtLock[0]).isEmpty());
            assertEquals(137, exit, "killed by SIGKILL");
        } finally {
            if (lock[0] != null) {
                lock[0].close();
            }
        }
        Set<String> interrupted = waitingToBeCataloged(first, linesAtLock[0]);

        // nothing half visible: what is cataloged is published; the rest is not cataloged
        List<String> cataloged = cataloged(home);
        assertTrue(cataloged.size() < GROUPS, "killed part way: " + cataloged.size());
        assertEquals(cataloged.size(), new HashSet<>(cataloged).size(), "no id twice");
        Set<String> published = published(home);
        assertTrue(published.containsAll(cataloged), "every cataloged group is published");
        assertTrue(published.containsAll(interrupted), "the group killed between publish and catalog is published: " + interrupted);
        assertTrue(interrupted.stream().noneMatch(cataloged::contains), "and not cataloged: " + interrupted);

        ChildCli second = ChildCli.start(tmp.resolve("second.log"), Map.of(), args);
        assertTrue(second.process().waitFor(180, TimeUnit.SECONDS), "the second scan finishes:\n" + second.output());
        assertEquals(0, second.process().exitValue(), second.output());
        String out = second.output();
        assertTrue(out.contains((GROUPS - cataloged.size()) + " ingested, " + cataloged.size() + " skipped, 0 failed"), out);
        for (String id : interrupted) {
            assertTrue(out.contains("warning: " + id + ": replacing a copy at"), out);
        }

        List<String> all = cataloged(home);
        assertEquals(GROUPS, all.size(), "every group cataloged exactly once");
        assertEquals(expected, new TreeSet<>(all));
        assertEquals(expected, published(home), "no published dataset without its catalog entry, none missing");
        try (Stream<Path> s = Files.walk(home.resolve("published"))) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".")).toList(), "no hidden leftovers of the killed publish");
        }
        try (Stream<Path> s = Files.walk(work)) {
            assertEquals(List.of(work), s.toList(), "nothing of either scan left in the work folder");
        }
    }

    /** GROUPS groups of one small sparse FBD Level 1.1 product, hard-linked under their own names; their dataset ids. */
    private static Set<String> archive(Path archive) throws IOException {
        CeosSampleSpec spec = CeosSampleSpec.generic(ObservationMode.FBD, LookSide.RIGHT, OrbitDirection.ASCENDING, new LonLat(-70.2, -27.2),
                LocalDateTime.of(2017, 2, 9, 5, 11, 3), 14668, 6640).withWidth(160).withSparse(true);
        Path template = archive.resolveSibling("template");
        new CeosSampleProduct(spec).write(template, Progress.silent());
        String name = spec.name().scene().text();
        List<Path> files;
        try (Stream<Path> s = Files.list(template)) {
            files = s.filter(p -> p.getFileName().toString().contains(name)).toList();
        }
        Set<String> ids = new TreeSet<>();
        for (int g = 0; g < GROUPS; g++) {
            int orbit = 20000 + g / 4;
            int frame = (g % 4) * 1000 + 500;
            String scene = String.format("ALOS2%05d%04d-%s", orbit, frame, LocalDate.of(2015, 1, 1).plusDays(g).format(DateTimeFormatter.ofPattern("yyMMdd")));
            Path folder = Files.createDirectories(archive.resolve(String.format("P%03d/F%04d", (14 * orbit + 24) % 207, frame)));
            for (Path f : files) {
                Files.createLink(folder.resolve(f.getFileName().toString().replace(name, scene)), f);
            }
            ids.add(spec.name().text().replace(name, scene) + "-md");
        }
        return ids;
    }

    private static long count(ChildCli child, String prefix) {
        return child.lines().stream().filter(l -> l.startsWith(prefix)).count();
    }

    /** Ids the child began to catalog after the test took the lock: they wait for it, published and not cataloged. */
    private static Set<String> waitingToBeCataloged(ChildCli child, int from) {
        List<String> lines = child.lines();
        Set<String> ids = new TreeSet<>();
        for (String l : lines.subList(Math.min(from, lines.size()), lines.size())) {
            String[] w = l.split(" ");
            if (w.length >= 2 && w[0].equals("cataloging")) {
                ids.add(w[1]);
            }
        }
        return ids;
    }

    private static List<String> cataloged(Path home) {
        try (SqliteCatalog c = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
            return new ArrayList<>(c.search(SearchQuery.all().withLimit(10_000)).stream().map(d -> d.path("id").asText()).toList());
        }
    }

    /** Dataset folders at their final names (with their met.json) in the publish folder. */
    private static Set<String> published(Path home) throws IOException {
        if (!Files.isDirectory(home.resolve("published"))) {
            return Set.of();
        }
        try (Stream<Path> s = Files.walk(home.resolve("published"))) {
            return new TreeSet<>(s.filter(p -> p.getFileName().toString().endsWith("-md") && Files.isRegularFile(p.resolve(p.getFileName() + ".met.json")))
                    .map(p -> p.getFileName().toString()).toList());
        }
    }
}
