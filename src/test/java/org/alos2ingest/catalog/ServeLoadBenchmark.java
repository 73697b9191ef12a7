package org.alos2ingest.catalog;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.util.Progress;

/**
 * The catalog half of bench/serve-load.sh: fills the catalogs `serve` is then started on, writes the
 * STAC API requests wrk replays, and makes the same searches in-process on the catalog, as many at
 * once as wrk's connections, so that the difference is the cost of the HTTP layer and the STAC mapping.
 *
 * <pre>
 * ServeLoadBenchmark index SQLITE_FILE OPENSEARCH_URI|- RECORDS
 * ServeLoadBenchmark queries DIR COUNT
 * ServeLoadBenchmark direct CATALOG_URI DIR SECONDS THREADS
 * </pre>
 */
public final class ServeLoadBenchmark {

    /** The query kinds, each a file of request paths in DIR. */
    static final List<String> KINDS = List.of("small", "cql2", "paging");
    private static final int BATCH = 5000;

    private ServeLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "index" -> index(Path.of(args[1]), args[2], Integer.parseInt(args[3]));
            case "queries" -> queries(Path.of(args[1]), Integer.parseInt(args[2]));
            case "direct" -> direct(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("expected index, queries or direct, got " + args[0]);
        }
    }

    /** The documents of bench/catalog-scale.sh (same seeds, same batches). */
    static void index(Path sqlite, String opensearch, int records) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(sqlite + suffix));
        }
        Map<String, Catalog> catalogs = new LinkedHashMap<>();
        catalogs.put("sqlite", Catalogs.open("sqlite:" + sqlite));
        if (!opensearch.equals("-")) {
            catalogs.put("opensearch", Catalogs.open(opensearch, GrqDocuments.DEFINITIONS));
        }
        Random r = new Random(7);
        try (Progress.Task task = Progress.forTerminal().start("index", records, Progress.Unit.RECORDS)) {
            for (int done = 0; done < records; done += BATCH) {
                List<ObjectNode> batch = SyntheticCatalog.documents(new Random(r.nextLong()), Math.min(BATCH, records - done));
                for (Catalog c : catalogs.values()) {
                    c.indexAll(batch);
                }
                task.advance(batch.size());
            }
        }
        for (Map.Entry<String, Catalog> c : catalogs.entrySet()) {
            long n = c.getValue().count();
            c.getValue().close();
            if (n != records) {
                throw new IllegalStateException(c.getKey() + " holds " + n + " datasets, not " + records);
            }
        }
    }

    /**
     * small: a 2-4 degree box and a one-year window, limit 10 (the "what is over this town" search);
     * cql2: a CQL2-text filter on mode, direction, level and path, limit 10;
     * paging: a 30-40 degree box over the whole mission, 100 a page, whose next links wrk follows.
     */
    static void queries(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        Random r = new Random(13);
        Map<String, List<String>> out = new LinkedHashMap<>();
        KINDS.forEach(k -> out.put(k, new ArrayList<>()));
        for (int i = 0; i < count; i++) {
            Instant from = Instant.parse("2014-09-01T00:00:00Z").plusSeconds((long) (r.nextDouble() * 3600 * 86400L));
            out.get("small").add("/search?bbox=" + box(r, 2 + 2 * r.nextDouble()) + "&datetime=" + from + "/" + from.plusSeconds(365 * 86400L)
                    + "&limit=10");
            String filter = String.format(Locale.ROOT,
                    "\"sar:instrument_mode\" = 'FBD' AND \"sat:orbit_state\" = 'descending' AND \"processing:level\" = 'L1.5' AND \"sat:relative_orbit\" = %d",
                    r.nextInt(207));
            out.get("cql2").add("/search?filter-lang=cql2-text&filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20")
                    + "&limit=10");
            out.get("paging").add("/search?bbox=" + box(r, 30 + 10 * r.nextDouble()) + "&limit=100");
        }
        for (Map.Entry<String, List<String>> e : out.entrySet()) {
            Files.write(dir.resolve(e.getKey() + ".txt"), e.getValue());
        }
    }

    private static String box(Random r, double size) {
        double w = -170 + (340 - size) * r.nextDouble();
        double s = -75 + (150 - size) * r.nextDouble();
        return String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", w, s, w + size, s + size);
    }

    /** A request path as the API reads it. */
    static ItemSearch parse(String path) {
        ItemSearch s = ItemSearch.all();
        String query = path.substring(path.indexOf('?') + 1);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            s = switch (name) {
                case "bbox" -> s.withArea(ItemSearch.bbox(value));
                case "datetime" -> s.withDatetime(value);
                case "limit" -> s.withLimit(ItemSearch.limit(value));
                case "filter" -> s.withFilter(ItemSearch.filterText(value));
                case "filter-lang" -> s;
                default -> throw new IllegalArgumentException("unexpected parameter " + name);
            };
        }
        return s;
    }

    /** Each kind for SECONDS on THREADS threads, as wrk does it over HTTP; paging follows the next tokens. */
    static void direct(String uri, Path dir, int seconds, int threads) throws Exception {
        try (Catalog catalog = Catalogs.open(uri, GrqDocuments.DEFINITIONS)) {
            System.out.printf(Locale.ROOT, "| %-8s | %-6s | %8s | %7s | %7s | %6s | %9s |%n", "catalog", "kind", "req/s", "p50 ms", "p99 ms", "errors", "items/req");
            for (String kind : KINDS) {
                List<ItemSearch> searches = Files.readAllLines(dir.resolve(kind + ".txt")).stream().map(ServeLoadBenchmark::parse).toList();
                for (int i = 0; i < Math.min(50, searches.size()); i++) {
                    catalog.searchItems(searches.get(i)); // warm-up
                }
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                AtomicLong errors = new AtomicLong();
                AtomicLong items = new AtomicLong();
                long deadline = System.nanoTime() + seconds * 1_000_000_000L;
                List<Future<List<Long>>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t;
                    futures.add(pool.submit(() -> {
                        List<Long> nanos = new ArrayList<>();
                        int i = first;
                        ItemSearch next = null;
                        while (System.nanoTime() < deadline) {
                            ItemSearch s = next != null ? next : searches.get(i++ % searches.size());
                            long t0 = System.nanoTime();
                            try {
                                ItemPage page = catalog.searchItems(s);
                                nanos.add(System.nanoTime() - t0);
                                items.addAndGet(page.items().size());
                                next = kind.equals("paging") && page.next().isPresent() ? s.withAfter(page.next().get()) : null;
                            } catch (RuntimeException e) {
                                errors.incrementAndGet();
                                next = null;
                            }
                        }
                        return nanos;
                    }));
                }
                List<Long> all = new ArrayList<>();
                for (Future<List<Long>> f : futures) {
                    all.addAll(f.get());
                }
                pool.shutdown();
                double[] ms = all.stream().mapToDouble(n -> n / 1e6).toArray();
                System.out.printf(Locale.ROOT, "| %-8s | %-6s | %8.0f | %7.2f | %7.2f | %6d | %9.1f |%n", uri.startsWith("sqlite") ? "sqlite" : "opensearch",
                        kind, ms.length / (double) seconds, CatalogScaleBenchmark.percentile(ms, 50), CatalogScaleBenchmark.percentile(ms, 99),
                        errors.get(), items.get() / (double) Math.max(1, ms.length));
            }
        }
    }
}
