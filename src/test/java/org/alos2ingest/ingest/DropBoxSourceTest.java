package org.alos2ingest.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Json;
import org.alos2ingest.config.Settings;
import org.alos2ingest.fetch.Delivery;
import org.alos2ingest.fetch.FetchConfig;
import org.alos2ingest.fetch.FetchException;
import org.alos2ingest.fetch.Source;
import org.alos2ingest.fetch.SourceType;
import org.alos2ingest.fetch.SourceTypes;
import org.alos2ingest.jobs.JobSpec;
import org.alos2ingest.jobs.JobTypes;
import org.alos2ingest.publish.Publishers;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.Deliveries;
import org.alos2ingest.unpack.UnpackLimits;
import org.alos2ingest.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source added the way a new one is: a {@link Source} with its {@link SourceType}, registered in
 * {@link SourceTypes}, and nothing else. It serves deliveries from a "drop box" folder under
 * {@code dropbox://<file>} URIs; queued jobs, the command line (its target argument and its service
 * options) and the whole ingest take it without another class knowing of it.
 */
class DropBoxSourceTest {

    static final String SCHEME = "dropbox://";

    /** Deliveries dropped into a folder, copied out like a download. */
    static final class DropBox implements Source {
        private final Path box;
        private final String file;
        private final AtomicInteger fetches;

        DropBox(Path box, String file, AtomicInteger fetches) {
            this.box = box;
            this.file = file;
            this.fetches = fetches;
        }

        @Override
        public String describe() {
            return SCHEME + file;
        }

        @Override
        public List<Item> list() {
            Path p = box.resolve(file);
            if (!Files.isRegularFile(p)) {
                throw new FetchException(p, "not in the drop box");
            }
            try {
                return List.of(new Item(Optional.of(file), SCHEME + file, Files.size(p), Map.of("file", file), Optional.empty()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Delivery fetch(Item item, Path workDir, org.alos2ingest.util.Progress progress) {
            fetches.incrementAndGet();
            try {
                Files.createDirectories(workDir);
                Path copy = Files.copy(box.resolve(file), workDir.resolve(file));
                return new Delivery(copy, SCHEME + file, true, Map.of());
            } catch (IOException e) {
                throw new FetchException(box.resolve(file), "cannot copy: " + e.getMessage());
            }
        }
    }

    static final class DropBoxType implements SourceType {
        final Path box;
        final AtomicInteger fetches = new AtomicInteger();

        DropBoxType(Path box) {
            this.box = box;
        }

        @Override
        public String name() {
            return "drop-box";
        }

        @Override
        public List<String> jobParams() {
            return List.of("file");
        }

        @Override
        public Source fromJob(Map<String, String> params, FetchConfig config) {
            String file = SourceTypes.require(params, "file", name());
            if (file.contains("/")) {
                throw new IllegalArgumentException("'" + file + "' is not a file name");
            }
            return new DropBox(box, file, fetches);
        }

        @Override
        public String subject(Map<String, String> params) {
            return params.get("file");
        }

        @Override
        public Optional<Service> service() {
            return Optional.of(new Service("drop box", Optional.empty(), "DROP_BOX_USER", "DROP_BOX_PASSWORD", Optional.empty()));
        }

        @Override
        public Optional<Map<String, String>> fromArgument(String argument) {
            return argument.startsWith(SCHEME) ? Optional.of(Map.of("file", argument.substring(SCHEME.length()))) : Optional.empty();
        }
    }

    @TempDir
    Path tmp;

    @Test
    void aRegisteredSourceIsQueuedFetchedIngestedAndCatalogedLikeTheOthers() throws IOException {
        Path box = tmp.resolve("box");
        Path zip = Deliveries.zip(box, "fbd", 200);
        String file = zip.getFileName().toString();
        String id = "ALOS2146686640-170209-FBDR1.5GUA";
        DropBoxType type = new DropBoxType(box);
        try (SourceTypes.Registration r = SourceTypes.register(type)) {
            assertTrue(JobTypes.known("drop-box"), "a registered source is a job type a worker runs");

            // a queued job of it, run by a worker's runner: fetch, unpack, describe, publish, catalog
            Path home = tmp.resolve("worker");
            Settings settings = Settings.load(null, Map.of("ALOS2_INGEST_HOME", home.toString()));
            IngestOptions options = new IngestOptions(home.resolve("work"), settings, DatasetDefinitions.load(null), UnpackLimits.defaults(),
                    false, false, Progress.silent(), null);
            JobSpec job = JobSpec.fromJson(new JobSpec("drop-box", JobSpec.nameOf("drop-box", file), Map.of("file", file)).toJson());
            IngestReport report;
            try (SqliteCatalog catalog = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
                IngestJob ingest = new IngestJob(options, catalog, Publishers.local(), List.of());
                report = JobTypes.runner(new JobTypes.Context(ingest, options, catalog, FetchConfig.defaults())).run(job);
                assertTrue(catalog.contains(id));
            }
            assertEquals(1, report.count(IngestReport.Status.INGESTED), report.outcomes().toString());
            assertEquals(1, type.fetches.get());
            Path met;
            try (Stream<Path> s = Files.walk(home.resolve("published"))) {
                met = s.filter(p -> p.getFileName().toString().equals(id + ".met.json")).findFirst().orElseThrow();
            }
            assertEquals(SCHEME + file, Json.read(met).path("download_source").asText());
            assertTrue(Files.isRegularFile(zip), "the drop box keeps its delivery");

            // the command line takes its URIs as targets, and its service options are there
            Path cliHome = tmp.resolve("cli");
            CliRun first = CliRun.run(cliHome, "ingest", SCHEME + file);
            assertEquals(0, first.code(), first.err());
            assertTrue(first.out().contains("ingested " + id), first.out());
            assertEquals(2, type.fetches.get());
            // not the user's own file: a cataloged scene is skipped by its name, before it is fetched
            CliRun again = CliRun.run(cliHome, "ingest", SCHEME + file);
            assertEquals(0, again.code(), again.err());
            assertTrue(again.out().contains("skipped  " + file + ": scene "), again.out());
            assertEquals(2, type.fetches.get(), "nothing fetched for a cataloged scene");
            assertTrue(CliRun.run("ingest", "--help").out().contains("--drop-box-user=USER"));
            // a bad job is refused before anything is fetched
            CliRun bad = CliRun.run(cliHome, "ingest", SCHEME + "../" + file);
            assertEquals(2, bad.code(), bad.err());
            assertTrue(bad.err().contains("is not a file name"), bad.err());
        }
        assertFalse(JobTypes.known("drop-box"), "closing the registration removes it");
        assertTrue(SourceTypes.find("drop-box").isEmpty());
        CliRun gone = CliRun.run(tmp.resolve("cli"), "ingest", SCHEME + file);
        assertEquals(2, gone.code(), gone.err());
        assertFalse(CliRun.run("ingest", "--help").out().contains("--drop-box-user"));
    }
}
