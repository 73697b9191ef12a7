package org.alos2ingest.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.Catalogs;
import org.alos2ingest.catalog.GrqDocuments;
import org.alos2ingest.config.Settings;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.identify.ProcessingLevel;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.Deliveries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} answering while an ingest writes into the same SQLite home: no request fails, and
 * an item is never visible before every one of its local assets can be fetched (a dataset is
 * published before it is cataloged, so its files are there before its document is).
 */
class IngestWhileServingTest {

    @TempDir
    Path tmp;

    @Test
    void itemsAppearOnlyWithAllTheirAssetsAndNoRequestFails() throws Exception {
        Path home = tmp.resolve("home");
        List<Path> zips = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SampleSpec spec = SampleSpec.generic(ObservationMode.FBD, ProcessingLevel.L1_5, 'R', OrbitDirection.ASCENDING, 'U',
                    new LonLat(-70 + i, -30), LocalDateTime.of(2024, 3, 1 + i, 5, 10), 60000 + i, 6000).withWidth(200);
            zips.add(Deliveries.zip(tmp.resolve("in"), spec));
            ids.add(spec.name().text());
        }
        // the catalog exists (and is empty) before the server opens it
        assertEquals(0, CliRun.run(home, "search", "--format", "ids").code());
        Settings settings = Settings.load(null, Map.of("ALOS2_INGEST_HOME", home.toString()));
        try (Catalog catalog = Catalogs.open("sqlite:" + home.resolve("catalog.sqlite"), GrqDocuments.DEFINITIONS);
             StacServer server = new StacServer(Backends.of(catalog, GrqDocuments.DEFINITIONS, settings),
                     new StacServer.Options("127.0.0.1", 0, null, List.of(), home.resolve("published"), Duration.ofSeconds(2)), null).start()) {
            Http http = new Http(URI.create("http://127.0.0.1:" + server.address().getPort() + "/"));
            Set<String> seen = Collections.synchronizedSet(new LinkedHashSet<>());
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger searches = new AtomicInteger();
            AtomicInteger assetsFetched = new AtomicInteger();
            AtomicBoolean ingesting = new AtomicBoolean(true);
            Thread reader = new Thread(() -> {
                // one more round after the ingest ends, so that the last dataset is checked too
                boolean last = false;
                while (!last) {
                    last = !ingesting.get();
                    Http.Answer page = http.get("/search?limit=100");
                    searches.incrementAndGet();
                    if (page.status() != 200) {
                        failures.add("/search answered " + page.status() + ": " + page.text());
                        continue;
                    }
                    for (JsonNode item : page.json().path("features")) {
                        String id = item.path("id").asText();
                        if (seen.contains(id)) {
                            continue;
                        }
                        item.path("assets").forEach(asset -> {
                            String href = asset.path("href").asText();
                            if (href.contains("/assets/")) {
                                int status = http.method("HEAD", href).status();
                                assetsFetched.incrementAndGet();
                                if (status != 200) {
                                    failures.add(id + ": asset " + href + " answered " + status + " while the item was listed");
                                }
                            }
                        });
                        seen.add(id);
                    }
                }
            }, "serve-reader");
            reader.start();
            for (Path zip : zips) {
                CliRun r = CliRun.run(home, "ingest", "--no-tiles", zip.toString());
                assertEquals(0, r.code(), r.err());
            }
            ingesting.set(false);
            reader.join(60_000);
            assertTrue(failures.isEmpty(), String.join("\n", failures));
            assertEquals(new LinkedHashSet<>(ids), new LinkedHashSet<>(seen), "every ingested dataset listed once it was cataloged");
            assertTrue(searches.get() > zips.size(), "the searches ran during the ingest: " + searches.get());
            assertTrue(assetsFetched.get() >= 4 * ids.size(), "each item's zip, met.json, browse images were fetched: " + assetsFetched.get());
        }
    }
}
