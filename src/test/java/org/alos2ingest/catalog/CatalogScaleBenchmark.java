package org.alos2ingest.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.geo.IsoTime;
import org.alos2ingest.util.Progress;

/**
 * Indexes N generated GRQ documents into the embedded catalog and into OpenSearch (the same
 * documents, in the same batches, through {@link Catalog#indexAll}), then times the same queries on
 * both and checks that both give the same answer to each. Run by bench/catalog-scale.sh.
 *
 * <pre>CatalogScaleBenchmark SQLITE_FILE OPENSEARCH_URI [records] [queries]</pre>
 */
public final class CatalogScaleBenchmark {

    private static final int BATCH = 5000;

    public static void main(String[] args) throws Exception {
        Path sqlite = Path.of(args[0]);
        String opensearch = args[1];
        int records = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int queries = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        Files.deleteIfExists(sqlite);
        Files.deleteIfExists(Path.of(sqlite + "-wal"));
        Files.deleteIfExists(Path.of(sqlite + "-shm"));

        Map<String, Catalog> catalogs = new LinkedHashMap<>();
        catalogs.put("sqlite", Catalogs.open("sqlite:" + sqlite));
        catalogs.put("opensearch", Catalogs.open(opensearch, GrqDocuments.DEFINITIONS));
        Map<String, Long> indexNanos = new LinkedHashMap<>();
        catalogs.keySet().forEach(k -> indexNanos.put(k, 0L));

        Random r = new Random(7);
        long docBytes = 0;
        long generateNanos = 0;
        try (Progress.Task task = Progress.forTerminal().start("index", records, Progress.Unit.RECORDS)) {
            for (int done = 0; done < records; done += BATCH) {
                long t0 = System.nanoTime();
                List<ObjectNode> batch = SyntheticCatalog.documents(new Random(r.nextLong()), Math.min(BATCH, records - done));
                generateNanos += System.nanoTime() - t0;
                if (done == 0) {
                    docBytes = org.alos2ingest.config.Json.compact(batch.get(0)).length();
                }
                for (Map.Entry<String, Catalog> c : catalogs.entrySet()) {
                    long t = System.nanoTime();
                    c.getValue().indexAll(batch);
                    indexNanos.merge(c.getKey(), System.nanoTime() - t, Long::sum);
                }
                task.advance(batch.size());
            }
        }
        for (Map.Entry<String, Catalog> c : catalogs.entrySet()) {
            long n = c.getValue().count();
            if (n != records) {
                throw new IllegalStateException(c.getKey() + " holds " + n + " datasets, not " + records);
            }
        }

        Random q = new Random(11);
        Map<String, Function<Random, SearchQuery>> kinds = new LinkedHashMap<>();
        // "ALOS-2 over this region in this season": a 5-10 degree box and a 90-day window
        kinds.put("bbox+time", x -> {
            SearchQuery s = SearchQuery.all().withArea(SyntheticCatalog.bbox(x, 5 + 5 * x.nextDouble()));
            var from = IsoTime.parse("2014-09-01").plusSeconds((long) (x.nextDouble() * 4000 * 86400L));
            return s.withTime(from, from.plusSeconds(90 * 86400L));
        });
        // "every descending FBD Level 1.5 on this path": no area
        kinds.put("filter", x -> SearchQuery.all().withLevels(Set.of("1.5")).withModes(Set.of("FBD"))
                .withDirection("descending").withTrack(x.nextInt(207)));
        // a continent-sized box over the whole mission with a level filter, capped at the default 1000 results
        kinds.put("big bbox+level", x -> SearchQuery.all().withArea(SyntheticCatalog.bbox(x, 30 + 10 * x.nextDouble()))
                .withLevels(Set.of("1.1")));

        Map<String, Map<String, double[]>> latency = new LinkedHashMap<>();
        Map<String, Double> hits = new LinkedHashMap<>();
        int mismatches = 0;
        for (Map.Entry<String, Function<Random, SearchQuery>> kind : kinds.entrySet()) {
            List<SearchQuery> list = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                list.add(kind.getValue().apply(q));
            }
            Map<String, List<List<String>>> answers = new LinkedHashMap<>();
            for (Map.Entry<String, Catalog> c : catalogs.entrySet()) {
                for (int i = 0; i < Math.min(20, list.size()); i++) {
                    c.getValue().search(list.get(i)); // warm-up
                }
                double[] ms = new double[list.size()];
                List<List<String>> ids = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    long t = System.nanoTime();
                    List<ObjectNode> found = c.getValue().search(list.get(i));
                    ms[i] = (System.nanoTime() - t) / 1e6;
                    ids.add(found.stream().map(d -> d.path("id").asText()).toList());
                }
                latency.computeIfAbsent(c.getKey(), k -> new LinkedHashMap<>()).put(kind.getKey(), ms);
                answers.put(c.getKey(), ids);
            }
            List<List<String>> a = answers.get("sqlite");
            List<List<String>> b = answers.get("opensearch");
            long total = 0;
            for (int i = 0; i < a.size(); i++) {
                total += a.get(i).size();
                if (!a.get(i).equals(b.get(i))) {
                    mismatches++;
                    System.err.println("different answers to " + list.get(i) + ": sqlite " + a.get(i).size() + ", opensearch " + b.get(i).size());
                }
            }
            hits.put(kind.getKey(), total / (double) a.size());
        }

        System.out.printf(Locale.ROOT, "%d generated GRQ documents (%.1f KB each as JSON), generated in %.1f s; %d queries of each kind, after 20 warm-up%n",
                records, docBytes / 1024.0, generateNanos / 1e9, queries);
        System.out.println();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "| %-10s | %12s |", "catalog", "ingest doc/s"));
        StringBuilder rule = new StringBuilder("|------------|--------------|");
        for (String k : kinds.keySet()) {
            head.append(String.format(Locale.ROOT, " %-16s |", k + " p50 ms")).append(String.format(Locale.ROOT, " %-16s |", k + " p99 ms"));
            rule.append("------------------|------------------|");
        }
        System.out.println(head);
        System.out.println(rule);
        for (String c : catalogs.keySet()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %-10s | %12.0f |", c, records / (indexNanos.get(c) / 1e9)));
            for (String k : kinds.keySet()) {
                double[] ms = latency.get(c).get(k);
                row.append(String.format(Locale.ROOT, " %16.2f | %16.2f |", percentile(ms, 50), percentile(ms, 99)));
            }
            System.out.println(row);
        }
        StringBuilder ratio = new StringBuilder(String.format(Locale.ROOT, "| %-10s | %12.2f |", "os/sqlite",
                (records / (indexNanos.get("opensearch") / 1e9)) / (records / (indexNanos.get("sqlite") / 1e9))));
        for (String k : kinds.keySet()) {
            ratio.append(String.format(Locale.ROOT, " %16.2f | %16.2f |",
                    percentile(latency.get("opensearch").get(k), 50) / percentile(latency.get("sqlite").get(k), 50),
                    percentile(latency.get("opensearch").get(k), 99) / percentile(latency.get("sqlite").get(k), 99)));
        }
        System.out.println(ratio);
        System.out.println();
        hits.forEach((k, v) -> System.out.printf(Locale.ROOT, "%s: %.1f results per query on average%n", k, v));
        System.out.printf(Locale.ROOT, "answers that differ between the two catalogs: %d of %d%n", mismatches, queries * kinds.size());
        catalogs.values().forEach(Catalog::close);
        if (mismatches > 0) {
            System.exit(1);
        }
    }

    static double percentile(double[] values, double p) {
        double[] s = values.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }
}
