package org.alos2ingest.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.SearchQuery;
import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.config.Json;
import org.alos2ingest.sample.SampleDelivery;
import org.alos2ingest.sample.SampleProduct;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.Deliveries;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest flow end to end: what lands in the catalog and the publish folder, and re-runs. */
class IngestTest {

    @TempDir
    Path tmp;

    private Path home() {
        return tmp.resolve("home");
    }

    private List<ObjectNode> catalog() {
        try (SqliteCatalog c = new SqliteCatalog(home().resolve("catalog.sqlite"))) {
            return c.search(SearchQuery.all());
        }
    }

    private Path published(String id) throws IOException {
        try (Stream<Path> s = Files.walk(home().resolve("published/datasets"))) {
            return s.filter(p -> p.getFileName().toString().equals(id)).findFirst().orElseThrow();
        }
    }

    @Test
    void aDeliveryBecomesACatalogedPublishedDataset() throws IOException {
        Path zip = Deliveries.zip(tmp.resolve("in"), "fbd", 300);
        CliRun r = CliRun.run(home(), "ingest", zip.toString());
        assertEquals(0, r.code(), r.err());
        String id = "ALOS2146686640-170209-FBDR1.5GUA";
        assertTrue(r.out().contains("ingested " + id), r.out());
        Path folder = published(id);
        assertTrue(folder.toString().endsWith("published/datasets/L1.5_geotiff/v0.2.4/2017/02/09/" + id), folder.toString());
        assertTrue(Files.isRegularFile(folder.resolve(id + ".zip")));
        assertTrue(Files.isRegularFile(folder.resolve(id + ".met.json")));
        assertTrue(Files.isRegularFile(folder.resolve(id + ".dataset.json")));
        // the delivery held exactly this scene: its zip is reused as is, not rebuilt
        assertEquals(Files.size(zip), Files.size(folder.resolve(id + ".zip")));
        assertEquals(-1, Files.mismatch(zip, folder.resolve(id + ".zip")));
        assertTrue(Files.exists(zip), "the user's delivery is left in place");

        List<ObjectNode> docs = catalog();
        assertEquals(1, docs.size());
        JsonNode doc = docs.get(0);
        assertEquals(id, doc.path("id").asText());
        assertEquals(id, doc.path("objectid").asText());
        assertEquals("ALOS2_GeoTIFF", doc.path("dataset").asText());
        assertEquals("ariamh::data/ALOS2_GeoTIFF", doc.path("ipath").asText());
        assertEquals("v0.2.4", doc.path("system_version").asText());
        assertEquals("l1.5", doc.path("dataset_level").asText());
        assertEquals("L1.5_geotiff", doc.path("dataset_type").asText());
        assertEquals("polygon", doc.path("location").path("type").asText(), "GRQ lower-cases the type");
        assertEquals("point", doc.path("center").path("type").asText());
        assertEquals(-70.2, doc.path("center").path("coordinates").get(0).asDouble(), 0.05);
        assertEquals(0, doc.path("temporal_span").asInt(), "10 seconds");
        assertTrue(doc.path("@timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"));
        assertEquals("file://" + folder, doc.path("urls").get(0).asText(), "urls point at the published folder");
        assertEquals(Json.read(folder.resolve(id + ".met.json")).path("prod_name"), doc.path("metadata").path("prod_name"));
        assertTrue(doc.path("metadata").path("context").isObject());
        // work folder emptied
        try (Stream<Path> s = Files.walk(home().resolve("work"))) {
            assertEquals(List.of(), s.filter(Files::isRegularFile).toList());
        }
    }

    @Test
    void rerunningSkipsWithoutUnpackingAndForceReingests() throws IOException {
        Path zip = Deliveries.zip(tmp.resolve("in"), "fbd", 200);
        assertEquals(0, CliRun.run(home(), "ingest", zip.toString()).code());
        String id = "ALOS2146686640-170209-FBDR1.5GUA";
        String firstIndexed = catalog().get(0).path("@timestamp").asText();

        CliRun again = CliRun.run(home(), "ingest", zip.toString(), "--keep-work");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("skipped  " + id + ": already in sqlite:"), again.out());
        try (Stream<Path> s = Files.walk(home().resolve("work"))) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().equals("unpacked")), "a cataloged delivery is not unpacked");
        }
        assertEquals(firstIndexed, catalog().get(0).path("@timestamp").asText());

        CliRun forced = CliRun.run(home(), "ingest", "--force", zip.toString());
        assertEquals(0, forced.code(), forced.err());
        assertTrue(forced.out().contains("ingested " + id));
        assertEquals(1, catalog().size(), "replaced, not duplicated");
        assertFalse(firstIndexed.equals(catalog().get(0).path("@timestamp").asText()));
        try (Stream<Path> s = Files.list(published(id).getParent())) {
            assertEquals(1, s.count(), "no hidden leftovers beside the dataset");
        }
    }

    @Test
    void twoScenesInOneZipAreBothIngestedAndEachGetsItsOwnEntries() throws IOException {
        SampleSpec fbd = SampleSpec.preset("fbd").withWidth(200);
        SampleSpec ubs = SampleSpec.preset("ubs").withWidth(150);
        Path staging = tmp.resolve("staging");
        List<Path> files = new ArrayList<>();
        // each product in its own sub-folder, as a multi-scene order is delivered
        files.addAll(new SampleProduct(fbd).write(staging.resolve("a")));
        files.addAll(new SampleProduct(ubs).write(staging.resolve("b")));
        Path zip = tmp.resolve("0000000042_001001_two-scenes.zip");
        SampleDelivery.zip(files, staging, zip, 6);

        CliRun r = CliRun.run(home(), "ingest", zip.toString());
        assertEquals(0, r.code(), r.err());
        List<ObjectNode> docs = catalog();
        assertEquals(2, docs.size());
        for (String id : List.of("ALOS2146686640-170209-FBDR1.5GUA", "ALOS2337294000-200821-UBSL1.5GUD")) {
            Path productZip = published(id).resolve(id + ".zip");
            try (ZipFile in = ZipFile.builder().setPath(zip).get(); ZipFile out = ZipFile.builder().setPath(productZip).get()) {
                List<ZipArchiveEntry> entries = Collections.list(out.getEntries());
                assertEquals(id.contains("FBD") ? 8 : 5, entries.size(), id);
                for (ZipArchiveEntry e : entries) {
                    assertTrue(e.getName().startsWith(id.contains("FBD") ? "a/" : "b/"), e.getName());
                    ZipArchiveEntry original = in.getEntry(e.getName());
                    // copied compressed: same CRC and the same compressed bytes, never re-deflated
                    assertEquals(original.getCrc(), e.getCrc());
                    assertEquals(original.getCompressedSize(), e.getCompressedSize());
                    try (var a = in.getRawInputStream(original); var b = out.getRawInputStream(e)) {
                        assertTrue(java.util.Arrays.equals(a.readAllBytes(), b.readAllBytes()), e.getName());
                    }
                }
            }
        }
    }

    @Test
    void nestedZipsAreUnpackedAndTheInnerZipIsTheProduct() throws IOException {
        Path inner = Deliveries.zip(tmp.resolve("inner"), "ubs", 150);
        Path outer = tmp.resolve("sentinel-asia-JPJXisis0001201908160001.zip");
        SampleDelivery.zip(List.of(inner), inner.getParent(), outer, 0);
        CliRun r = CliRun.run(home(), "ingest", outer.toString());
        assertEquals(0, r.code(), r.err());
        String id = "ALOS2337294000-200821-UBSL1.5GUD";
        assertEquals(-1, Files.mismatch(inner, published(id).resolve(id + ".zip")), "inner zip moved in as the product zip");
    }

    @Test
    void aFolderOfUnzippedProductsIsZippedOnce() throws IOException {
        SampleSpec spec = SampleSpec.preset("fbd").withWidth(200);
        Path folder = tmp.resolve("products/ALOS2146686640-170209");
        List<Path> files = new SampleProduct(spec).write(folder);
        CliRun r = CliRun.run(home(), "ingest", tmp.resolve("products").toString());
        assertEquals(0, r.code(), r.err());
        String id = spec.name().text();
        Map<String, Long> sizes = new TreeMap<>();
        try (ZipFile z = ZipFile.builder().setPath(published(id).resolve(id + ".zip")).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                sizes.put(e.getName(), e.getSize());
                try (var in = z.getInputStream(e)) {
                    assertEquals(-1, java.util.Arrays.mismatch(in.readAllBytes(), Files.readAllBytes(folder.resolve(e.getName()))));
                }
            }
        }
        assertEquals(files.size(), sizes.size());
        assertEquals(tmp.resolve("products").toAbsolutePath().toString(), Json.read(published(id).resolve(id + ".met.json"))
                .path("download_source").asText());
    }

    @Test
    void aGoodSceneIsIngestedEvenWhenAnotherDeliveryFails() throws IOException {
        Path in = tmp.resolve("in");
        Deliveries.zip(in, "fbd", 200);
        Files.writeString(in.resolve("broken.zip"), "not a zip");
        CliRun r = CliRun.run(home(), "ingest", in.toString());
        assertEquals(1, r.code());
        assertEquals(1, catalog().size());
        assertEquals(1, r.errorLines().size());
        assertTrue(r.errorLines().get(0).contains("broken.zip: not a zip file"), r.err());
        assertTrue(r.out().contains("1 ingested, 0 skipped, 1 failed"), r.out());
    }

    @Test
    void aSceneAcrossTheAntimeridianIsSplitAndFoundFromBothSides() throws IOException {
        SampleSpec spec = SampleSpec.generic(org.alos2ingest.identify.ObservationMode.WBD, org.alos2ingest.identify.ProcessingLevel.L1_5,
                'R', org.alos2ingest.geo.OrbitDirection.ASCENDING, 'U', new org.alos2ingest.geo.LonLat(179.9, -17),
                java.time.LocalDateTime.of(2023, 12, 1, 9, 30), 50000, 4000).withWidth(300);
        Path zip = Deliveries.zip(tmp.resolve("in"), spec);
        // a 350 km ScanSAR swath makes tens of thousands of zoom-14 tiles: the footprint is under test here
        assertEquals(0, CliRun.run(home(), "ingest", "--max-zoom", "6", zip.toString()).code());
        JsonNode met = Json.read(published(spec.name().text()).resolve(spec.name().text() + ".met.json"));
        assertEquals("MultiPolygon", met.path("location").path("type").asText());
        for (String bbox : List.of("178,-18,179,-16", "-179,-18,-178,-16")) {
            CliRun r = CliRun.run(home(), "search", "--format", "ids", "--bbox", bbox);
            assertEquals(spec.name().text(), r.out().strip(), bbox);
        }
    }

    @Test
    void level21FootprintIsTheValidDataNotTheSummaryFrame() throws IOException {
        SampleSpec spec = SampleSpec.generic(org.alos2ingest.identify.ObservationMode.UBS, org.alos2ingest.identify.ProcessingLevel.L2_1,
                'L', org.alos2ingest.geo.OrbitDirection.DESCENDING, 'U', new org.alos2ingest.geo.LonLat(139.7, 35.7),
                java.time.LocalDateTime.of(2024, 3, 1, 14, 0), 52000, 700).withWidth(250);
        Path zip = Deliveries.zip(tmp.resolve("in"), spec);
        CliRun r = CliRun.run(home(), "ingest", zip.toString());
        assertEquals(0, r.code(), r.err());
        ObjectNode doc = catalog().get(0);
        assertEquals("L2.1_geotiff", doc.path("dataset_type").asText());
        assertEquals("l2.1", doc.path("dataset_level").asText());
        assertTrue(published(spec.name().text()).toString().contains("/datasets/L2.1_geotiff/v0.2.4/2024/03/01/"));
        assertTrue(doc.path("metadata").path("footprint_method").asText().startsWith("valid-data outline"),
                doc.path("metadata").path("footprint_method").asText());
        // the swath the generator drew, not the summary's raster frame
        org.locationtech.jts.geom.Geometry footprint = org.alos2ingest.geo.Footprint.GeoJson.read(doc.path("location"));
        List<org.alos2ingest.geo.LonLat> frame = new SampleProduct(spec).frameCorners();
        double frameArea = org.alos2ingest.geo.Footprint.ofRing(frame, "frame").geometry().getArea();
        double swathArea = org.alos2ingest.geo.Footprint.ofRing(new SampleProduct(spec).imageCorners(), "swath").geometry().getArea();
        assertEquals(swathArea, footprint.getArea(), swathArea * 0.03, "footprint area is the swath's");
        assertTrue(footprint.getArea() < 0.8 * frameArea, "and not the frame's");
    }
}
