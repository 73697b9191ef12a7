package org.alos2ingest.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;


/**
 * Rough per-query times of the STAC item search on the embedded catalog: N generated datasets, then
 * small-area + time pages, CQL2 filters, and deep paging by tokens; and the rate of small-area
 * queries from two threads with a catalog each.
 *
 * <pre>ItemSearchBenchmark SQLITE_FILE [records] [queries]</pre>
 */
public final class ItemSearchBenchmark {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        boolean reuse = Files.exists(file);
        try (Catalog c = Catalogs.open("sqlite:" + file)) {
            if (!reuse) {
                long t = System.nanoTime();
                Random r = new Random(7);
                for (int done = 0; done < records; done += 5000) {
                    c.indexAll(SyntheticCatalog.documents(new Random(r.nextLong()), Math.min(5000, records - done)));
                }
                System.out.printf(Locale.ROOT, "indexed %d in %.1f s%n", c.count(), (System.nanoTime() - t) / 1e9);
            }
            Random r = new Random(11);
            time("small area (2 deg) + 1 year, limit 10", queries, c, i -> {
                double w = -170 + 340 * r.nextDouble();
                double s = -70 + 140 * r.nextDouble();
                int y = 2015 + r.nextInt(10);
                return ItemSearch.all().withArea(ItemSearch.bbox(w + "," + s + "," + (w + 2) + "," + (s + 2)))
                        .withDatetime(y + "-01-01T00:00:00Z/" + (y + 1) + "-01-01T00:00:00Z");
            });
            time("CQL2 text: path = P AND mode IN (FBD, WBD), limit 10", queries, c, i -> ItemSearch.all()
                    .withFilter(ItemSearch.filterText("sat:relative_orbit = " + r.nextInt(207) + " AND sar:instrument_mode IN ('FBD','WBD')")));
            time("CQL2 text: S_INTERSECTS 5-deg POLYGON AND level = L1.1, limit 10", queries, c, i -> {
                double w = -170 + 340 * r.nextDouble();
                double s = -70 + 140 * r.nextDouble();
                String poly = String.format(Locale.ROOT, "POLYGON((%f %f, %f %f, %f %f, %f %f))", w, s, w + 5, s, w + 2.5, s + 5, w, s);
                return ItemSearch.all().withFilter(ItemSearch.filterText("S_INTERSECTS(geometry, " + poly + ") AND processing:level = 'L1.1'"));
            });
            time("CQL2: alos2:frame BETWEEN F AND F+20 OR sat:absolute_orbit = O, limit 10", queries, c, i -> {
                int f = r.nextInt(700) * 10;
                return ItemSearch.all().withFilter(ItemSearch.filterText("alos2:frame BETWEEN " + f + " AND " + (f + 20)
                        + " OR sat:absolute_orbit = " + r.nextInt(65000)));
            });
            // large area, pages of 100, the 5th page reached by tokens (time per page)
            List<Double> pageMs = new ArrayList<>();
            for (int q = 0; q < queries / 10; q++) {
                double w = -170 + 300 * r.nextDouble();
                double s = -60 + 80 * r.nextDouble();
                ItemSearch search = ItemSearch.all().withArea(ItemSearch.bbox(w + "," + s + "," + (w + 40) + "," + (s + 40))).withLimit(100);
                String token = null;
                for (int p = 0; p < 5; p++) {
                    long t = System.nanoTime();
                    ItemPage page = c.searchItems(search.withAfter(token));
                    pageMs.add((System.nanoTime() - t) / 1e6);
                    token = page.next().orElse(null);
                    if (token == null) {
                        break;
                    }
                }
            }
            report("large area (40 deg), pages of 100 by token", pageMs);
            List<Double> deep = new ArrayList<>();
            String token = null;
            for (int p = 0; p < 200; p++) {
                long t = System.nanoTime();
                ItemPage page = c.searchItems(ItemSearch.all().withLimit(100).withAfter(token));
                deep.add((System.nanoTime() - t) / 1e6);
                token = page.next().orElse(null);
            }
            report("whole catalog, datetime desc, 200 pages of 100 by token", deep);
        }
        // two threads, a catalog each (the embedded catalog serialises the calls on one connection)
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + 10_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            long seed = k;
            Thread th = new Thread(() -> {
                Random r = new Random(seed);
                try (Catalog c = Catalogs.open("sqlite:" + file)) {
                    while (System.nanoTime() < end) {
                        double w = -170 + 340 * r.nextDouble();
                        double s = -70 + 140 * r.nextDouble();
                        c.searchItems(ItemSearch.all().withArea(ItemSearch.bbox(w + "," + s + "," + (w + 2) + "," + (s + 2)))
                                .withDatetime("2016-01-01T00:00:00Z/2022-01-01T00:00:00Z"));
                        done.incrementAndGet();
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        System.out.printf(Locale.ROOT, "2 threads, small area + time: %.0f queries/s%n", done.get() / 10.0);
    }

    private static void time(String name, int n, Catalog c, Function<Integer, ItemSearch> make) {
        List<Double> ms = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        long items = 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            long tc = mx.getCurrentThreadCpuTime();
            ItemSearch s = make.apply(i);
            ItemPage p = c.searchItems(s);
            cpu.add((mx.getCurrentThreadCpuTime() - tc) / 1e6);
            ms.add((System.nanoTime() - t) / 1e6);
            items += p.items().size();
        }
        report(name + String.format(Locale.ROOT, " [%.1f items/query]", (double) items / n), ms);
        // the machine is shared: CPU time per query says what it costs, wall time what it waited
        double mean = cpu.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        report("  cpu time of the above (mean " + String.format(Locale.ROOT, "%.2f ms: %.0f queries/s on 2 free cores)", mean, 2000 / mean), cpu);
    }

    private static void report(String name, List<Double> ms) {
        double[] a = ms.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        System.out.printf(Locale.ROOT, "%-80s n=%d p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%n", name, a.length,
                a[a.length / 2], a[(int) (a.length * 0.9)], a[(int) (a.length * 0.99)], a[a.length - 1]);
    }

}
