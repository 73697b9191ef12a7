package org.alos2ingest.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.Catalogs;
import org.alos2ingest.catalog.GrqDocuments;
import org.alos2ingest.config.Settings;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.identify.ProcessingLevel;
import org.alos2ingest.sample.SampleDelivery;
import org.alos2ingest.sample.SampleProduct;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.stac.StacSchemas;
import org.alos2ingest.testing.ChildCli;
import org.alos2ingest.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight {@code ingest} processes of eight multi-scene deliveries started at once into one SQLite
 * home while {@code serve} on that home answers searches: no ingest fails (no SQLITE_BUSY), every
 * dataset is cataloged once, and what the searches see only grows and is never half-written.
 */
class ConcurrentIngestTest {
    private static final int DELIVERIES = 8;
    private static final int SCENES = 3;

    @TempDir
    Path tmp;

    @Test
    void eightIngestsAtOnceWhileServingLoseNothingAndShowNothingHalfDone() throws Exception {
        Path home = tmp.resolve("home");
        List<Path> zips = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        for (int d = 0; d < DELIVERIES; d++) {
            Path staging = tmp.resolve("staging").resolve("d" + d);
            List<Path> files = new ArrayList<>();
            String name = null;
            for (int s = 0; s < SCENES; s++) {
                int n = d * SCENES + s;
                SampleSpec spec = SampleSpec.generic(ObservationMode.FBD, ProcessingLevel.L1_5, 'R', OrbitDirection.ASCENDING, 'U',
                        new LonLat(-75 + n, -30 + s), LocalDateTime.of(2024, 1 + d, 1 + s, 5, 10), 60000 + n, 6000).withWidth(160);
                ids.add(spec.name().text());
                name = name == null ? spec.deliveryName() : name;
                // each product in its own sub-folder, as a multi-scene order is delivered
                files.addAll(new SampleProduct(spec).write(staging.resolve(spec.name().text())));
            }
            Path zip = tmp.resolve("in").resolve(name);
            java.nio.file.Files.createDirectories(zip.getParent());
            SampleDelivery.zip(files, staging, zip, 1);
            zips.add(zip);
        }
        assertEquals(DELIVERIES * SCENES, ids.size());
        // the catalog exists (and is empty) before the server opens it
        assertEquals(0, CliRun.run(home, "search", "--format", "ids").code());
        Settings settings = Settings.load(null, Map.of("ALOS2_INGEST_HOME", home.toString()));
        try (Catalog catalog = Catalogs.open("sqlite:" + home.resolve("catalog.sqlite"), GrqDocuments.DEFINITIONS);
             StacServer server = new StacServer(Backends.of(catalog, GrqDocuments.DEFINITIONS, settings),
                     new StacServer.Options("127.0.0.1", 0, null, List.of(), home.resolve("published"), Duration.ofSeconds(2)), null).start()) {
            Http http = new Http(URI.create("http://127.0.0.1:" + server.address().getPort() + "/"));
            AtomicBoolean running = new AtomicBoolean(true);
            Map<String, JsonNode> firstSeen = new ConcurrentHashMap<>();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                boolean post = r == 1;
                Thread t = new Thread(() -> {
                    int lastCount = 0;
                    while (running.get()) {
                        long t0 = System.nanoTime();
                        Http.Answer a = post ? http.post("/search", "{\"limit\": 1000}") : http.get("/search?limit=1000");
                        latencies.add(System.nanoTime() - t0);
                        if (a.status() != 200) {
                            failures.add("/search answered " + a);
                            continue;
                        }
                        JsonNode page = a.json();
                        int count = page.path("features").size();
                        if (count != page.path("numberReturned").asInt(-1)) {
                            failures.add("numberReturned " + page.path("numberReturned") + " but " + count + " features");
                        }
                        if (count < lastCount) {
                            failures.add("the number of items went down from " + lastCount + " to " + count);
                        }
                        lastCount = count;
                        for (JsonNode item : page.path("features")) {
                            // each item is checked against the STAC schemas the first time it is listed
                            if (firstSeen.putIfAbsent(item.path("id").asText(), item) == null) {
                                List<String> invalid = StacSchemas.violations(item);
                                if (!invalid.isEmpty()) {
                                    failures.add(item.path("id").asText() + " listed while not valid STAC: " + invalid);
                                }
                            }
                        }
                    }
                }, "search-" + (post ? "post" : "get"));
                t.start();
                readers.add(t);
            }
            long t0 = System.nanoTime();
            List<ChildCli> ingests = new ArrayList<>();
            for (int d = 0; d < DELIVERIES; d++) {
                ingests.add(ChildCli.start(tmp.resolve("ingest-" + d + ".log"), Map.of(),
                        "ingest", "--home", home.toString(), "--no-tiles", "--no-cog", zips.get(d).toString()));
            }
            for (ChildCli c : ingests) {
                assertTrue(c.process().waitFor(300, TimeUnit.SECONDS), "an ingest still running after 300 s:\n" + c.output());
            }
            double ingestSeconds = (System.nanoTime() - t0) / 1e9;
            running.set(false);
            for (Thread t : readers) {
                t.join(60_000);
            }
            for (ChildCli c : ingests) {
                assertEquals(0, c.process().exitValue(), c.log() + ":\n" + c.output());
                assertTrue(!c.output().contains("SQLITE_BUSY") && !c.output().contains("locked"), c.output());
            }
            assertTrue(failures.isEmpty(), failures.size() + " failures, the first: " + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));

            JsonNode last = http.get("/search?limit=1000").json();
            Set<String> listed = new TreeSet<>();
            last.path("features").forEach(i -> listed.add(i.path("id").asText()));
            assertEquals(ids, listed, "every dataset of every delivery cataloged");
            assertEquals(ids.size(), last.path("features").size(), "each once");
            assertEquals(ids.size(), catalog.count());
            for (JsonNode item : last.path("features")) {
                JsonNode seen = firstSeen.get(item.path("id").asText());
                if (seen != null) {
                    assertEquals(item, seen, "an item seen while ingesting is the item as it ended up");
                }
            }
            assertTrue(firstSeen.size() > 0 && latencies.size() > 2 * DELIVERIES, "the searches ran during the ingests: " + latencies.size());

            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "concurrent ingest: %d deliveries x %d datasets in %.1f s = %.2f datasets/s, while %d searches"
                            + " (%.1f/s) answered in p50 %.1f ms, p99 %.1f ms%n", DELIVERIES, SCENES, ingestSeconds, ids.size() / ingestSeconds,
                    sorted.size(), sorted.size() / ingestSeconds, sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6);
        }
    }
}
