package org.alos2ingest.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.SearchQuery;
import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.LookSide;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.sample.ceos.CeosSampleProduct;
import org.alos2ingest.sample.ceos.CeosSampleSpec;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.util.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

/** An HPC archive of unzipped Level 1.1 products cataloged in place, group by group, resumably. */
class ArchiveScanTest {

    @TempDir
    Path tmp;

    private Path archive;
    private final List<CeosSampleProduct> products = new ArrayList<>();
    private final List<CeosSampleSpec> specs = new ArrayList<>();

    @BeforeEach
    void archive() throws IOException {
        archive = tmp.resolve("archive");
        specs.add(CeosSampleSpec.generic(ObservationMode.FBD, LookSide.RIGHT, OrbitDirection.ASCENDING, new LonLat(-70.2, -27.2),
                LocalDateTime.of(2017, 2, 9, 5, 11, 3), 14668, 6640));
        specs.add(CeosSampleSpec.generic(ObservationMode.FBD, LookSide.RIGHT, OrbitDirection.ASCENDING, new LonLat(-70.25, -27.2),
                LocalDateTime.of(2017, 3, 23, 5, 11, 5), 15289, 6640));
        specs.add(CeosSampleSpec.generic(ObservationMode.UBS, LookSide.LEFT, OrbitDirection.DESCENDING, new LonLat(57.7, -20.6),
                LocalDateTime.of(2020, 8, 21, 8, 10, 56), 33729, 4000));
        for (CeosSampleSpec s : specs) {
            CeosSampleSpec small = s.withWidth(160).withSparse(true);
            int path = small.name().scene().pathNumber();
            Path folder = archive.resolve(String.format("P%03d/F%04d", path, small.name().scene().frame()));
            CeosSampleProduct p = new CeosSampleProduct(small);
            p.write(folder, Progress.silent());
            // archives keep the CEOS files; summary.txt is not part of a group (its name has no frame-date)
            Files.deleteIfExists(folder.resolve("summary.txt"));
            products.add(p);
        }
    }

    private Path home() {
        return tmp.resolve("home");
    }

    private List<ObjectNode> catalog() {
        try (SqliteCatalog c = new SqliteCatalog(home().resolve("catalog.sqlite"))) {
            return c.search(SearchQuery.all());
        }
    }

    @Test
    void scansResumesAndDescribesEachGroupFromItsCeosFiles() throws IOException {
        String first = specs.get(0).name().text() + "-md";
        Path firstFolder = archive.resolve("P032/F6640");
        // what one PBS job does: a single group of one folder
        CliRun one = CliRun.run(home(), "scan", firstFolder.toString(), "--fdate", "6640-170209", "--tag", "gekko");
        assertEquals(0, one.code(), one.err());
        assertEquals(List.of(first), catalog().stream().map(d -> d.path("id").asText()).toList());

        // an interrupted scan re-run: only what is missing
        CliRun all = CliRun.run(home(), "scan", archive.toString(), "--tag", "gekko");
        assertEquals(0, all.code(), all.out() + all.err());
        assertTrue(all.out().contains("skipped  " + first + ": already in"), all.out());
        assertTrue(all.out().contains("2 ingested, 1 skipped, 0 failed"), all.out());
        List<ObjectNode> docs = catalog();
        assertEquals(3, docs.size());

        for (int i = 0; i < specs.size(); i++) {
            String id = specs.get(i).name().text() + "-md";
            ObjectNode doc = docs.stream().filter(d -> d.path("id").asText().equals(id)).findFirst().orElseThrow();
            assertEquals("alos2_slc_md", doc.path("dataset_type").asText());
            assertEquals("ALOS2-L1.1_MD", doc.path("dataset").asText());
            assertEquals("v0.1", doc.path("system_version").asText());
            JsonNode met = doc.path("metadata");
            assertEquals(id, met.path("prod_name").asText());
            assertEquals("L1.1", met.path("level").asText());
            assertEquals(List.of("gekko"), Json.MAPPER.convertValue(met.path("tags"), List.class));
            assertFalse(met.has("archive_filename"), "nothing is packaged");
            // every file of the folder whose name holds the frame-date, sorted, absolute
            String fdate = String.format("%04d-%s", specs.get(i).name().scene().frame(), specs.get(i).name().scene().text().substring(15));
            Path folder = Path.of(met.path("gekko_archive_files").get(0).asText()).getParent();
            List<String> expected;
            try (Stream<Path> s = Files.list(folder)) {
                expected = s.filter(p -> p.getFileName().toString().contains(fdate)).map(Path::toString).sorted().toList();
            }
            assertEquals(expected, Json.MAPPER.convertValue(met.path("gekko_archive_files"), List.class));
            assertTrue(expected.size() >= 5, "VOL, LED, TRL and an IMG per polarisation: " + expected);
            // the footprint from the CEOS files lies where the product was made
            Geometry footprint = org.alos2ingest.geo.Footprint.GeoJson.read(doc.path("location"));
            for (LonLat c : products.get(i).summaryCorners()) {
                double d = footprint.distance(new org.locationtech.jts.geom.GeometryFactory()
                        .createPoint(new org.locationtech.jts.geom.Coordinate(c.lon(), c.lat())));
                assertTrue(d < 0.01, id + " corner " + c + " is " + d + " degrees from the footprint");
            }
            assertTrue(doc.path("starttime").asText().startsWith(specs.get(i).name().scene().date().toString()));
        }
        // published as a product folder of its own type, with the two JSON files, the footprint KML and the STAC item only
        try (Stream<Path> s = Files.walk(home().resolve("published/datasets/alos2_slc_md/v0.1/2017/02/09/" + first))) {
            assertEquals(List.of(first + ".dataset.json", first + ".kml", first + ".met.json", first + ".stac.json"),
                    s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList());
        }

        CliRun again = CliRun.run(home(), "scan", archive.toString());
        assertTrue(again.out().contains("0 ingested, 3 skipped, 0 failed"), again.out());
        assertNoWorkLeft();
    }

    /** The groups' folders are reused while a scan runs and removed when it ends. */
    private void assertNoWorkLeft() throws IOException {
        Path work = home().resolve("work");
        if (Files.isDirectory(work)) {
            try (Stream<Path> s = Files.list(work)) {
                assertEquals(List.of(), s.map(p -> p.getFileName().toString()).toList());
            }
        }
    }

    @Test
    void aBrokenGroupIsReportedAndTheOthersAreCataloged() throws IOException {
        Path led = archive.resolve("P032/F6640/LED-" + specs.get(0).name().text());
        Files.write(led, new byte[100]);
        CliRun r = CliRun.run(home(), "scan", archive.toString());
        assertEquals(1, r.code());
        assertEquals(2, catalog().size());
        assertEquals(1, r.errorLines().size(), r.err());
        assertTrue(r.errorLines().get(0).contains(led.getFileName().toString()), r.err());
        assertNoWorkLeft();
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.alos2ingest.testing.RabbitMq.class)
    void groupsGoThroughRabbitMqToAWorker(org.alos2ingest.testing.RabbitMq.Broker broker) throws IOException {
        Path password = Files.writeString(tmp.resolve("broker-password"), broker.password() + "\n");
        String queue = "scan-" + java.util.UUID.randomUUID();
        CliRun submitted = CliRun.run(home(), "scan", archive.toString(), "--queue", queue, "--broker", broker.uri(),
                "--broker-password-file", password.toString(), "--tag", "via-queue");
        assertEquals(0, submitted.code(), submitted.out() + submitted.err());
        assertEquals(0, catalog().size(), "queued, not cataloged by the scan itself");
        CliRun worker = CliRun.run(home(), "worker", "--queue", queue, "--broker", broker.uri(), "--broker-password-file", password.toString(),
                "--exit-when-idle", "3");
        assertEquals(0, worker.code(), worker.out() + worker.err());
        List<ObjectNode> docs = catalog();
        assertEquals(3, docs.size(), worker.out());
        for (ObjectNode d : docs) {
            assertTrue(d.path("id").asText().endsWith("-md"));
            assertEquals(List.of("via-queue"), Json.MAPPER.convertValue(d.path("metadata").path("tags"), List.class));
        }
        CliRun again = CliRun.run(home(), "scan", archive.toString(), "--queue", queue, "--broker", broker.uri(),
                "--broker-password-file", password.toString());
        assertTrue(again.out().contains("0 ingested, 3 skipped"), again.out());
    }
}
