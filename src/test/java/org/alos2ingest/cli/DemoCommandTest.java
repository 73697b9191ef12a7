package org.alos2ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.alos2ingest.catalog.SearchQuery;
import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first set-up command: the demo ingests its four samples, and a second run skips them. */
class DemoCommandTest {

    @TempDir
    Path tmp;

    @Test
    void ingestsEveryLevelThenSkipsOnTheSecondRun() {
        Path home = tmp.resolve("home");
        CliRun first = CliRun.run(home, "demo", "--width", "300", "--max-zoom", "6");
        assertEquals(0, first.code(), first.out() + first.err());
        assertTrue(first.out().contains("4 ingested, 0 skipped, 0 failed"), first.out());
        try (SqliteCatalog c = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
            List<String> types = c.search(SearchQuery.all()).stream().map(d -> d.path("dataset_type").asText()).sorted().toList();
            assertEquals(List.of("L1.5_geotiff", "L1.5_geotiff", "L2.1_geotiff", "alos2_slc"), types);
        }
        assertTrue(first.out().contains("ALOS2146686640-170209-FBDR1.5GUA  2017-02-09T05:10:58.457Z"), "the Chile search finds the FBD scene");
        CliRun second = CliRun.run(home, "demo", "--width", "300", "--max-zoom", "6");
        assertTrue(second.out().contains("0 ingested, 4 skipped, 0 failed"), second.out());
    }
}
