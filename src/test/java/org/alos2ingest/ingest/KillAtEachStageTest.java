package org.alos2ingest.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.alos2ingest.catalog.SearchQuery;
import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.fetch.servers.FileServer;
import org.alos2ingest.testing.ChildCli;
import org.alos2ingest.testing.Deliveries;
import org.alos2ingest.testing.FrozenChild;
import org.alos2ingest.testing.SqliteWriteLock;
import org.alos2ingest.util.FileTrees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The command line, in its own JVM, ingesting one delivery and killed with SIGKILL inside each
 * stage in turn: download, unpack, describe, render, publish, catalog. The stage is known from the
 * line {@code -v} prints as it starts and from what it has begun to write (see {@link FrozenChild});
 * for the catalog, the test holds the SQLite write lock, so that the child waits inside the stage.
 * After the kill nothing is half visible; a second run finishes the job: the dataset published
 * whole and cataloged once, and nothing of the killed run left in the work or publish folders.
 */
class KillAtEachStageTest {

    static final String ID = "ALOS2146686640-170209-FBDR1.5GUA";
    static final List<String> STAGES = List.of("fetching", "unpacking", "describing", "rendering", "checking", "packaging", "publishing",
            "cataloging");

    enum Stage {
        DOWNLOAD("fetching"), UNPACK("unpacking"), DESCRIBE("describing"), RENDER("rendering"), PUBLISH("publishing"), CATALOG("cataloging");

        final String verb;

        Stage(String verb) {
            this.verb = verb;
        }
    }

    @TempDir
    static Path shared;
    static Path delivery;

    @TempDir
    Path tmp;
    private Path work;

    /** Big enough that unpacking and rendering take a moment, small enough for six runs in a minute or two. */
    @BeforeAll
    static void delivery() throws IOException {
        delivery = Deliveries.zip(shared.resolve("in"), "fbd", 2000);
    }

    @AfterEach
    void removeWork() {
        if (work != null && !work.startsWith(tmp)) {
            FileTrees.deleteQuietly(work);
        }
    }

    private Path home() {
        return tmp.resolve("home");
    }

    /**
     * The work folder on another disk than the publish folder when there is one (/dev/shm): the
     * product is then copied into place, and publishing lasts long enough to be interrupted.
     */
    private Path workFolder() throws IOException {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm) && !Files.getFileStore(shm).equals(Files.getFileStore(tmp))) {
            return Files.createTempDirectory(shm, "alos2-kill-");
        }
        return Files.createDirectories(tmp.resolve("work"));
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void aRunKilledInsideAStageIsFinishedByTheNext(Stage stage) throws Exception {
        work = workFolder();
        Path catalogFile = home().resolve("catalog.sqlite");
        Files.createDirectories(home());
        try (FileServer server = new FileServer("127.0.0.1")) {
            String target = delivery.toString();
            if (stage == Stage.DOWNLOAD) {
                // the server stops half way for longer than the test: the child sits in its download
                String path = "/orders/" + delivery.getFileName();
                server.serve(path, Files.readAllBytes(delivery), "application/zip", null)
                        .fault(path, new FileServer.Fault.Stall(Files.size(delivery) / 2, 600_000));
                target = server.uri(path).toString();
            }
            SqliteWriteLock[] lock = {null};
            try {
                ChildCli first = ChildCli.start(tmp.resolve("first.log"), Map.of(), "ingest", "-v", "--home", home().toString(),
                        "--work", work.toString(), target);
                // looks begin in the stage before (for the catalog: in rendering, seconds before the child needs the lock)
                int previous = stage == Stage.CATALOG ? STAGES.indexOf("rendering") : Math.max(0, STAGES.indexOf(stage.verb) - 1);
                int exit = FrozenChild.killWhen(first, 120, "inside " + stage.verb,
                        () -> lastStage(first) >= previous,
                        () -> {
                            if (stage == Stage.CATALOG && lock[0] == null) {
                                lock[0] = SqliteWriteLock.tryTake(catalogFile).orElse(null);
                            }
                        },
                        () -> lastStage(first) == STAGES.indexOf(stage.verb) && begun(stage) && (stage != Stage.CATALOG || lock[0] != null));
                assertEquals(137, exit, "killed by SIGKILL");
            } finally {
                if (lock[0] != null) {
                    lock[0].close();
                }
            }
            String killedAt = first(tmp.resolve("first.log"));
            assertNothingHalfVisible();

            ChildCli second = ChildCli.start(tmp.resolve("second.log"), Map.of(), "ingest", "-v", "--home", home().toString(),
                    "--work", work.toString(), target);
            assertTrue(second.process().waitFor(180, java.util.concurrent.TimeUnit.SECONDS), "the second run finishes:\n" + second.output());
            assertEquals(0, second.process().exitValue(), killedAt + "\n--- second run\n" + second.output());
            assertTrue(second.output().contains("ingested " + ID), second.output());
            if (stage == Stage.DOWNLOAD) {
                assertTrue(second.output().contains("resuming a download left by an earlier run at byte"), second.output());
            }
            if (stage == Stage.CATALOG) {
                assertTrue(second.output().contains("warning: " + ID + ": replacing a copy at"), second.output());
            }
        }
        assertCatalogedOnceAndPublishedWhole();
        try (Stream<Path> s = Files.walk(work)) {
            assertEquals(List.of(), s.filter(p -> !Files.isDirectory(p) || p.getFileName().toString().startsWith("run-")).toList(),
                    "nothing of either run is left in the work folder");
        }
    }

    /** The index of the last stage line the child printed, -1 before the first. */
    private static int lastStage(ChildCli child) {
        int last = -1;
        for (String line : child.lines()) {
            int space = line.indexOf(' ');
            int i = space < 0 ? -1 : STAGES.indexOf(line.substring(0, space));
            if (i >= 0) {
                last = i;
            }
        }
        return last;
    }

    /** Whether the child, stopped, has begun the stage's writing: what a kill there interrupts. */
    private boolean begun(Stage stage) {
        try {
            return switch (stage) {
                // some of the zip is in the resumable part file (written a buffer at a time), the server holding back the rest
                case DOWNLOAD -> files(work.resolve("downloads")).stream().anyMatch(p -> p.getFileName().toString().endsWith(".part")
                        && size(p) > 0);
                case UNPACK -> files(work).stream().anyMatch(p -> p.toString().contains(".unpacked.partial-"));
                case DESCRIBE -> true;
                case RENDER -> files(work).stream().anyMatch(p -> p.getFileName().toString().endsWith(".cog.tif"));
                case PUBLISH -> files(home().resolve("published")).stream().anyMatch(p -> p.toString().contains("/." + ID + ".publishing-")
                        && !p.getFileName().toString().equals(".publishing.json"));
                case CATALOG -> publishedFolder().isPresent();
            };
        } catch (IOException e) {
            return false;
        }
    }

    private void assertNothingHalfVisible() throws IOException {
        List<String> ids = cataloged();
        Optional<Path> folder = publishedFolder();
        if (!ids.isEmpty()) {
            assertEquals(List.of(ID), ids);
            assertTrue(folder.isPresent(), "a cataloged dataset is published");
        }
        if (folder.isPresent()) {
            assertComplete(folder.get());
        }
        // a partial product is only ever under a hidden name, which the next publish of the dataset removes
        for (Path f : files(home().resolve("published/datasets"))) {
            String rel = home().resolve("published/datasets").relativize(f).toString();
            assertTrue(rel.contains("/.") || folder.isPresent() && f.startsWith(folder.get()), "only hidden or complete: " + rel);
        }
    }

    private void assertCatalogedOnceAndPublishedWhole() throws IOException {
        assertEquals(List.of(ID), cataloged(), "cataloged exactly once");
        Path folder = publishedFolder().orElseThrow(() -> new AssertionError("not published"));
        assertComplete(folder);
        try (Stream<Path> s = Files.list(folder.getParent())) {
            assertEquals(List.of(folder), s.toList(), "no hidden leftovers of the killed publish beside the dataset");
        }
        // the small browse images, published beside the datasets before them: replaced by the second run, nothing hidden left
        try (Stream<Path> s = Files.walk(home().resolve("published/browse"))) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".")).toList());
        }
        try (Stream<Path> s = Files.walk(home().resolve("published/datasets"))) {
            assertEquals(List.of(folder), s.filter(p -> p.getFileName().toString().startsWith("ALOS2") && Files.isDirectory(p)).toList(),
                    "no published dataset without its catalog entry");
        }
    }

    private static void assertComplete(Path folder) throws IOException {
        assertEquals(-1, Files.mismatch(delivery, folder.resolve(ID + ".zip")), "the product zip is the delivery, whole");
        for (String f : List.of(ID + ".met.json", ID + ".dataset.json", "IMG-HH-" + ID + ".cog.tif", "IMG-HV-" + ID + ".cog.tif")) {
            assertTrue(Files.size(folder.resolve(f)) > 0, f);
        }
    }

    private List<String> cataloged() {
        Path file = home().resolve("catalog.sqlite");
        if (!Files.exists(file)) {
            return List.of();
        }
        try (SqliteCatalog c = new SqliteCatalog(file)) {
            return c.search(SearchQuery.all()).stream().map(d -> d.path("id").asText()).toList();
        }
    }

    private Optional<Path> publishedFolder() throws IOException {
        Path root = home().resolve("published/datasets");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals(ID) && Files.isDirectory(p)).findFirst();
        }
    }

    /** Regular files under a folder, tolerating files that come and go while it is walked. */
    private static List<Path> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).forEach(out::add);
        } catch (UncheckedIOException e) {
            return out;
        }
        return out;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String first(Path log) throws IOException {
        return "--- killed run\n" + Files.readString(log);
    }
}
