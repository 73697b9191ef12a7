package org.alos2ingest.inspect;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Json;
import org.alos2ingest.config.Settings;
import org.alos2ingest.format.ceos.ReadCounter;

/**
 * Steady-state cost of inspecting one product inside a running process (what cataloging an archive
 * of thousands of scenes pays per scene, once the JVM is warm). Run by bench/inspect-l11.sh:
 * {@code InspectBenchmark <product folder> <runs>}.
 */
public final class InspectBenchmark {

    private InspectBenchmark() {
    }

    public static void main(String[] args) {
        Path product = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        Settings settings = Settings.load(null, Map.of("ALOS2_INGEST_HOME", System.getProperty("java.io.tmpdir")));
        DatasetDefinitions definitions = DatasetDefinitions.load(null);
        double[] ms = new double[runs];
        long bytes = 0;
        for (int i = -Math.min(20, runs); i < runs; i++) {
            ReadCounter c = new ReadCounter();
            long t0 = System.nanoTime();
            String json = Json.compact(new Inspector(settings, definitions, c).inspect(product));
            long t1 = System.nanoTime();
            if (json.isEmpty()) {
                throw new IllegalStateException();
            }
            if (i >= 0) {
                ms[i] = (t1 - t0) / 1e6;
                bytes = c.bytes();
            }
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "in a warm JVM: median %.2f ms, p90 %.2f ms, min %.2f ms per inspect (%d runs), %d bytes read each%n",
                ms[runs / 2], ms[(int) (runs * 0.9)], ms[0], runs, bytes);
    }
}
