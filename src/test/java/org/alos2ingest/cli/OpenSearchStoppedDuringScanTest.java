package org.alos2ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.Catalogs;
import org.alos2ingest.catalog.SearchQuery;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.LookSide;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.sample.ceos.CeosSampleProduct;
import org.alos2ingest.sample.ceos.CeosSampleSpec;
import org.alos2ingest.testing.ChildCli;
import org.alos2ingest.testing.OpenSearchServer;
import org.alos2ingest.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenSearch node (the test run's shared one, a real process) stopped while {@code scan}, in a
 * process of its own, catalogs an archive of many Level 1.1 groups into it, and started again on the
 * same port over the same data. The scan must fail within seconds, in a few lines that each name the
 * endpoint, start no group once the catalog is gone, and leave no dataset cataloged without its
 * published files; a re-run must catalog every group exactly once and leave nothing published that
 * is not cataloged.
 */
class OpenSearchStoppedDuringScanTest {

    static final int GROUPS = 24;

    @TempDir
    Path tmp;

    @Test
    void aScanCutByTheCatalogStoppingFailsPromptlyAndItsReRunCatalogsEveryGroupOnce() throws Exception {
        Path archive = tmp.resolve("archive");
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < GROUPS; i++) {
            CeosSampleSpec spec = CeosSampleSpec.generic(ObservationMode.FBD, LookSide.RIGHT, i % 2 == 0 ? OrbitDirection.ASCENDING
                    : OrbitDirection.DESCENDING, new LonLat(-70 + i * 0.3, -27 + (i % 5)), LocalDateTime.of(2018, 1 + i % 12, 1 + i % 27, 5, 11, 3),
                    20000 + i * 14, 6000 + i * 10).withWidth(120).withSparse(true);
            Path folder = archive.resolve(String.format("P%03d/F%04d", spec.name().scene().pathNumber(), spec.name().scene().frame()));
            new CeosSampleProduct(spec).write(folder, Progress.silent());
            Files.deleteIfExists(folder.resolve("summary.txt"));
            expected.add(spec.name().text() + "-md");
        }
        assertEquals(GROUPS, expected.size());
        OpenSearchServer os = OpenSearchServer.shared();
        String prefix = OpenSearchServer.newPrefix("stopped");
        String catalogUri = os.catalogUri(prefix);
        String endpoint = catalogUri;
        Path home = tmp.resolve("home");
        try {
            // 1. scan; stop the node once a few groups are cataloged
            ChildCli first = ChildCli.start(tmp.resolve("first.log"), Map.of(), "scan", "--home", home.toString(), "--catalog", catalogUri,
                    archive.toString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (cataloged(os, prefix) < 3) {
                assertTrue(first.process().isAlive(), "the scan ended before the node could be stopped: " + first.output());
                assertTrue(System.nanoTime() < deadline, "the scan cataloged nothing: " + first.output());
                Thread.sleep(20);
            }
            os.stopNode();
            long stopped = System.nanoTime();
            try {
                assertTrue(first.process().waitFor(120, TimeUnit.SECONDS), "the scan does not hang on a stopped catalog: " + first.output());
                System.out.printf("the scan ended %.1f s after the node stopped:%n%s%n", (System.nanoTime() - stopped) / 1e9, first.output());
                assertEquals(1, first.process().exitValue(), first.output());
                List<String> errors = first.lines().stream().filter(l -> l.startsWith("error: ")).toList();
                // the groups under way when the node went, and one line for those never started
                assertTrue(!errors.isEmpty() && errors.size() <= 3, first.output());
                assertTrue(errors.stream().allMatch(l -> l.contains(endpoint)), "every error names the endpoint: " + errors);
                assertTrue(errors.get(errors.size() - 1).contains("group(s) not started"), first.output());
            } finally {
                long t = System.nanoTime();
                os.startAgain();
                System.out.printf("the node was ready again in %.1f s%n", (System.nanoTime() - t) / 1e9);
            }

            // 2. the node is back: whatever it holds is published whole; a copy left published without a
            //    document is one the scan said it could not tell about
            Path published = home.resolve("published");
            try (Catalog catalog = Catalogs.open(catalogUri)) {
                List<String> ids = ids(catalog);
                assertEquals(ids.size(), new TreeSet<>(ids).size(), "no id twice: " + ids);
                Set<String> folders = publishedIds(published);
                for (String id : ids) {
                    assertTrue(folders.contains(id), id + " is cataloged but not published: " + folders);
                }
                for (String id : folders) {
                    assertTrue(ids.contains(id) || first.output().contains(id + ": left published at "), id + " is published, not cataloged");
                }
                System.out.println("after the restart: " + ids.size() + " cataloged, " + folders.size() + " published");
                assertTrue(ids.size() < GROUPS, "the node stopped before the scan was done");

                // 3. the re-run does the rest, once each
                ChildCli second = ChildCli.start(tmp.resolve("second.log"), Map.of(), "scan", "--home", home.toString(), "--catalog", catalogUri,
                        archive.toString());
                long t = System.nanoTime();
                assertTrue(second.process().waitFor(240, TimeUnit.SECONDS), second.output());
                System.out.printf("the re-run took %.1f s%n", (System.nanoTime() - t) / 1e9);
                assertEquals(0, second.process().exitValue(), second.output());
                List<String> after = ids(catalog);
                assertEquals(GROUPS, after.size(), "each group once: " + after);
                assertEquals(expected, new TreeSet<>(after));
                assertEquals(expected, publishedIds(published), "nothing published that is not cataloged");
            }
        } finally {
            if (isUp(os)) {
                os.drop(prefix);
            } else {
                fail("the shared OpenSearch node is not up again");
            }
        }
    }

    private static List<String> ids(Catalog catalog) {
        return catalog.search(SearchQuery.all().withLimit(10_000)).stream().map(d -> d.path("id").asText()).toList();
    }

    /** The datasets with a product folder under the publish root holding their met.json and dataset.json. */
    private static Set<String> publishedIds(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".dataset.json"))
                    .filter(p -> p.getFileName().toString().equals(p.getParent().getFileName() + ".dataset.json"))
                    .filter(p -> Files.isRegularFile(p.resolveSibling(p.getParent().getFileName() + ".met.json")))
                    .map(p -> p.getParent().getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static long cataloged(OpenSearchServer os, String prefix) {
        String body = os.call("GET", "/" + prefix + "/_count?ignore_unavailable=true&allow_no_indices=true", null);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"count\":(\\d+)").matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static boolean isUp(OpenSearchServer os) {
        try {
            return os.call("GET", "/_cluster/health", null).contains("\"status\"");
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
