package org.alos2ingest.stac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.format.geotiff.GeoTiffImage;
import org.alos2ingest.format.geotiff.GeoTransform;
import org.alos2ingest.identify.SceneId;
import org.alos2ingest.testing.CeosLevel15Product;
import org.junit.jupiter.api.Test;

/** Items of every product kind, made from real ingests: valid STAC, and the values they must hold. */
class StacItemsTest {

    private static final StacItems ITEMS = new StacItems();

    private static ObjectNode item(String id) {
        return ITEMS.item(IngestedHome.document(id), AssetHrefs.published());
    }

    @Test
    void everyKindOfProductIsAValidItemInItsOwnCollection() throws Exception {
        List<ObjectNode> docs = IngestedHome.documents();
        Map<String, String> collections = docs.stream().collect(Collectors.toMap(d -> d.path("id").asText(), StacCollections::idOf));
        assertEquals(Map.of(IngestedHome.FBD, "L1.5_geotiff", IngestedHome.L21.name().text(), "L2.1_geotiff",
                IngestedHome.ANTIMERIDIAN.name().text(), "L1.5_geotiff", IngestedHome.L11.name().text(), "alos2_slc",
                CeosLevel15Product.ID, "L1.5_ceos", IngestedHome.MD, "alos2_slc_md"), collections);
        for (ObjectNode doc : docs) {
            String id = doc.path("id").asText();
            ObjectNode api = StacItems.linkCollection(ITEMS.item(doc, AssetHrefs.published()), "https://stac.example.org/collections/x");
            StacSchemas.assertValid(api);
            assertEquals(collections.get(id), api.path("collection").asText());
            // the product folder's own item, published with it, is the same mapping with relative hrefs
            JsonNode own = Json.read(IngestedHome.folder(id).resolve(id + ".stac.json"));
            StacSchemas.assertValid(own);
            assertEquals(ITEMS.item(doc, AssetHrefs.relative()).path("assets"), own.path("assets"), id);
            assertEquals(((ObjectNode) api.path("properties").deepCopy()).without("updated"), ((ObjectNode) own.path("properties").deepCopy()).without("updated"), id);
        }
    }

    @Test
    void relativeHrefsOfTheProductFolderItemAreItsFiles() throws Exception {
        for (ObjectNode doc : IngestedHome.documents()) {
            String id = doc.path("id").asText();
            Path folder = IngestedHome.folder(id);
            JsonNode own = Json.read(folder.resolve(id + ".stac.json"));
            Set<String> roles = new TreeSet<>();
            for (JsonNode asset : own.path("assets")) {
                String href = asset.path("href").asText();
                assertTrue(href.startsWith("./"), href);
                assertTrue(Files.isRegularFile(folder.resolve(href.substring(2))), id + ": " + href + " is not a file of the product folder");
                asset.path("roles").forEach(r -> roles.add(r.asText()));
            }
            assertTrue(roles.containsAll(Set.of("metadata")), id + " " + roles);
            assertTrue(own.path("assets").has("kml") && own.path("assets").has("metadata"), id);
            if (!id.endsWith("-md")) {
                assertEquals(Stac.ZIP, own.path("assets").path("data").path("type").asText(), id);
                assertTrue(roles.contains("data"), id + " " + roles);
            }
            if (!doc.path("images").isEmpty()) {
                assertTrue(roles.containsAll(Set.of("thumbnail", "overview")), id + " " + roles);
            }
            for (JsonNode link : own.path("links")) {
                assertEquals("xyz", link.path("rel").asText());
                String tile = link.path("href").asText().replace("{z}", "0").replace("{x}", "0").replace("{y}", "0");
                assertTrue(tile.startsWith("./tiles/"), tile);
                Path dir = folder.resolve(tile.substring(2)).getParent().getParent().getParent();
                assertTrue(Files.isDirectory(dir.resolve("0")), id + ": no zoom 0 tiles under " + dir);
            }
        }
    }

    @Test
    void acquisitionValuesOfAGeoTiffProduct() throws Exception {
        ObjectNode doc = IngestedHome.document(IngestedHome.FBD);
        JsonNode p = item(IngestedHome.FBD).path("properties");
        SceneId scene = SceneId.parse("ALOS2146686640-170209");
        assertEquals(14668, p.path("sat:absolute_orbit").asInt());
        assertEquals(scene.pathNumber(), p.path("sat:relative_orbit").asInt());
        assertEquals((14 * 14668 + 24) % 207, p.path("sat:relative_orbit").asInt(), "JAXA's path");
        assertEquals("ascending", p.path("sat:orbit_state").asText());
        assertEquals("2014-029A", p.path("sat:platform_international_designator").asText());
        assertEquals(6640, p.path("alos2:frame").asInt());
        assertEquals("ALOS2146686640-170209", p.path("alos2:scene_id").asText());
        assertEquals("FBD", p.path("sar:instrument_mode").asText());
        assertEquals("L", p.path("sar:frequency_band").asText());
        assertEquals(SarFields.JAXA_CENTRE_FREQUENCY_GHZ, p.path("sar:center_frequency").asDouble(), 0, "no leader: JAXA's value");
        assertEquals(List.of("HH", "HV"), Json.MAPPER.convertValue(p.path("sar:polarizations"), List.class));
        assertEquals("right", p.path("sar:observation_direction").asText());
        assertEquals("L1.5", p.path("processing:level").asText());
        assertEquals("alos-2", p.path("platform").asText());
        assertEquals("alos", p.path("constellation").asText());
        assertEquals("palsar-2", p.path("instruments").get(0).asText());
        assertEquals(doc.path("starttime").asText(), p.path("start_datetime").asText());
        assertEquals(doc.path("endtime").asText(), p.path("end_datetime").asText());
        String centre = p.path("datetime").asText();
        assertTrue(centre.compareTo(p.path("start_datetime").asText()) > 0 && centre.compareTo(p.path("end_datetime").asText()) < 0, centre);
        assertTrue(p.path("sar:pixel_spacing_range").asDouble() > 0);
    }

    /** proj:transform and proj:shape are the GeoTIFF's own grid; the WKT2 names its CRS for GDAL 3.6. */
    @Test
    void projectionIsTheGeoTiffsGrid() throws Exception {
        for (String id : List.of(IngestedHome.FBD, IngestedHome.L21.name().text())) {
            JsonNode p = item(id).path("properties");
            assertFalse(p.has("proj:epsg"), "projection v2.0.0 has no proj:epsg");
            Path tif = IngestedHome.home().resolve("check-" + id);
            Files.createDirectories(tif);
            Path zip = IngestedHome.folder(id).resolve(id + ".zip");
            String image = IngestedHome.document(id).path("metadata").path("projection").path("image").asText();
            try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(zip)) {
                Path entry = Files.walk(fs.getPath("/")).filter(e -> e.getFileName() != null && e.getFileName().toString().equals(image))
                        .findFirst().orElseThrow();
                Files.copy(entry, tif.resolve(image));
            }
            try (GeoTiffImage g = GeoTiffImage.open(tif.resolve(image))) {
                GeoTransform t = g.transform();
                assertEquals("EPSG:" + g.epsg(), p.path("proj:code").asText());
                assertEquals(List.of(g.height(), g.width()), Json.MAPPER.convertValue(p.path("proj:shape"), List.class));
                double[] want = {t.xPerColumn(), t.xPerRow(), t.x0(), t.yPerColumn(), t.yPerRow(), t.y0()};
                for (int i = 0; i < 6; i++) {
                    assertEquals(want[i], p.path("proj:transform").get(i).asDouble(), 1e-9, id + " proj:transform[" + i + "]");
                }
                // the far corner through proj:transform is the far corner through the GeoTIFF's georeferencing
                JsonNode a = p.path("proj:transform");
                assertEquals(t.x(g.width(), g.height()), a.get(0).asDouble() * g.width() + a.get(1).asDouble() * g.height() + a.get(2).asDouble(), 1e-6);
                assertEquals(t.y(g.width(), g.height()), a.get(3).asDouble() * g.width() + a.get(4).asDouble() * g.height() + a.get(5).asDouble(), 1e-6);
                String wkt = p.path("proj:wkt2").asText();
                assertTrue(wkt.startsWith("PROJCRS[\"WGS 84 / UTM zone ") && wkt.endsWith("ID[\"EPSG\"," + g.epsg() + "]]"), wkt);
            }
        }
        assertFalse(item(IngestedHome.L11.name().text()).path("properties").has("proj:code"), "a radar-geometry product has no map grid");
    }

    /**
     * Each polarisation's COGs are data assets with their kind as a role, the COG media type, raster:bands
     * and the image grid; GDAL reads through the asset's href (relative to the item) the file it names.
     */
    @Test
    void cloudOptimizedGeoTiffAssets() throws Exception {
        for (String id : List.of(IngestedHome.FBD, IngestedHome.L21.name().text())) {
            JsonNode item = item(id);
            assertTrue(Json.MAPPER.convertValue(item.path("stac_extensions"), List.class).contains(Stac.RASTER), id);
            JsonNode props = item.path("properties");
            List<String> pols = Json.MAPPER.convertValue(props.path("sar:polarizations"), new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { });
            assertFalse(pols.isEmpty());
            for (String pol : pols) {
                for (String kind : List.of("amplitude", "sigma0")) {
                    JsonNode a = item.path("assets").path(kind + "-" + pol.toLowerCase(java.util.Locale.ROOT));
                    assertEquals("image/tiff; application=geotiff; profile=cloud-optimized", a.path("type").asText(), id + " " + kind + " " + pol);
                    assertEquals(List.of("data", kind), Json.MAPPER.convertValue(a.path("roles"), List.class));
                    assertEquals(List.of(pol), Json.MAPPER.convertValue(a.path("sar:polarizations"), List.class));
                    JsonNode band = a.path("raster:bands").get(0);
                    boolean sigma0 = kind.equals("sigma0");
                    assertEquals(sigma0 ? "float32" : "uint16", band.path("data_type").asText());
                    assertEquals(sigma0 ? "\"nan\"" : "0", band.path("nodata").toString());
                    assertEquals(sigma0 ? "dB" : "DN", band.path("unit").asText());
                    assertEquals(props.path("proj:shape"), a.path("proj:shape"));
                    assertEquals(props.path("proj:transform"), a.path("proj:transform"));
                    assertEquals(props.path("proj:code"), a.path("proj:code"));
                    String href = a.path("href").asText();
                    String file = href.substring(href.lastIndexOf('/') + 1);
                    assertTrue(file.endsWith(sigma0 ? ".sigma0.cog.tif" : ".cog.tif") && file.startsWith("IMG-" + pol + "-"), href);
                    assertTrue(href.startsWith("file:///") && Path.of(java.net.URI.create(href)).equals(IngestedHome.folder(id).resolve(file)), href);
                    JsonNode info = org.alos2ingest.testing.Gdal.info(IngestedHome.folder(id).resolve(file));
                    assertEquals(List.of(props.path("proj:shape").get(1).asInt(), props.path("proj:shape").get(0).asInt()),
                            Json.MAPPER.convertValue(info.path("size"), List.class), href);
                    assertEquals(sigma0 ? "Float32" : "UInt16", info.path("bands").get(0).path("type").asText(), href);
                }
            }
            if (id.equals(IngestedHome.FBD)) {
                assertTrue(item.path("assets").path("sigma0-hh").path("description").asText().contains("CF = -83.00 dB"));
                assertEquals(-83.0, IngestedHome.document(id).path("metadata").path("sigma0_calibration").path("factor_db").asDouble());
            }
        }
        assertFalse(item(IngestedHome.L11.name().text()).path("assets").has("amplitude-hh"), "Level 1.1 CEOS has no COG");
    }

    @Test
    void aSceneAcrossTheAntimeridianIsAMultiPolygonWithAWrappingBox() {
        JsonNode item = item(IngestedHome.ANTIMERIDIAN.name().text());
        assertEquals("MultiPolygon", item.path("geometry").path("type").asText());
        assertEquals(2, item.path("geometry").path("coordinates").size());
        JsonNode bbox = item.path("bbox");
        assertTrue(bbox.get(0).asDouble() > 170 && bbox.get(2).asDouble() < -170, "west > east across the antimeridian: " + bbox);
        assertTrue(bbox.get(1).asDouble() < -17 && bbox.get(3).asDouble() > -17, bbox.toString());
        JsonNode chile = item(IngestedHome.FBD).path("bbox");
        assertTrue(chile.get(0).asDouble() < chile.get(2).asDouble(), chile.toString());
    }

    @Test
    void level11TakesItsFrequencyAndAnglesFromTheLeader() {
        ObjectNode doc = IngestedHome.document(IngestedHome.L11.name().text());
        JsonNode md = doc.path("metadata").path("alos2md");
        JsonNode p = item(IngestedHome.L11.name().text()).path("properties");
        double wavelength = md.path("wavelength_m").asDouble();
        assertTrue(wavelength > 0.2, "the sample leader holds a wavelength: " + md);
        assertEquals(299_792_458 / wavelength / 1e9, p.path("sar:center_frequency").asDouble(), 1e-4);
        assertEquals(md.path("incidence_angle").asDouble(), p.path("view:incidence_angle").asDouble(), 0);
        assertEquals(md.path("off_nadir_angle").asDouble(), p.path("view:off_nadir").asDouble(), 0);
        assertEquals(md.path("scene_center_time").asText(), p.path("alos2:scene_center_time").asText());
        // datetime is the middle of the acquisition, what the API filters and sorts by; the leader's centre is within 5 s of it
        assertEquals(0, Duration.between(Instant.parse(p.path("datetime").asText()), Instant.parse(md.path("scene_center_time").asText())).toSeconds() / 5);
        assertEquals("L1.1", p.path("processing:level").asText());
        assertEquals(md.path("range_pixel_spacing_m").asDouble(), p.path("sar:pixel_spacing_range").asDouble(), 0);
        assertTrue(Json.MAPPER.convertValue(item(IngestedHome.L11.name().text()).path("stac_extensions"), List.class).contains(Stac.VIEW));
    }

    @Test
    void anArchiveDatasetListsItsFilesAndHasNoArchiveAsset() {
        JsonNode item = item(IngestedHome.MD);
        List<String> files = new ArrayList<>();
        item.path("properties").path("alos2:archive_files").forEach(f -> files.add(f.asText()));
        assertTrue(files.size() >= 4 && files.stream().allMatch(f -> f.startsWith("/")), files.toString());
        assertEquals(List.of("gekko"), Json.MAPPER.convertValue(item.path("properties").path("alos2:tags"), List.class));
        assertFalse(item.path("assets").has("data"));
    }

    @Test
    void sentinelAsiaRequestFieldsAndOlderDocumentsWithoutAFileList() {
        ObjectNode doc = org.alos2ingest.catalog.GrqDocuments.of(IngestedHome.FBD, "2017-02-09T05:10:58.457Z", "2017-02-09T05:11:08.457Z",
                -70.663, -26.935, -69.947, -26.776, -69.781, -27.384, -70.501, -27.543);
        ObjectNode met = (ObjectNode) doc.path("metadata");
        met.put("eor_id", "ERAHAC000007").put("eor_date", "2019-08-16").put("eor_type", "Flood").put("eor_country", "Japan")
                .put("data_id", "JPJXisis0001201908160001");
        ObjectNode item = ITEMS.item(doc, AssetHrefs.under(d -> "https://data.example.org/" + d.path("id").asText()));
        StacSchemas.assertValid(item);
        JsonNode p = item.path("properties");
        assertEquals("ERAHAC000007", p.path("alos2:eor_id").asText());
        assertEquals("Flood", p.path("alos2:eor_type").asText());
        assertEquals("JPJXisis0001201908160001", p.path("alos2:data_id").asText());
        // no "files" in the document: what every ingest has always published
        assertEquals("https://data.example.org/" + IngestedHome.FBD + "/" + IngestedHome.FBD + ".zip", item.path("assets").path("data").path("href").asText());
        assertFalse(item.path("assets").has("kml"));
    }

    @Test
    void hrefStrategies() {
        ObjectNode doc = Json.object();
        doc.put("id", "X");
        doc.putArray("urls").add("http://bucket.s3-website.example.org/datasets/X").add("s3://s3.example.org:80/bucket/datasets/X");
        assertEquals("./X.zip", AssetHrefs.relative().href(doc, "X.zip"));
        assertEquals("http://bucket.s3-website.example.org/datasets/X/X.zip", AssetHrefs.published().href(doc, "X.zip"));
        assertEquals("s3://s3.example.org:80/bucket/datasets/X/X.zip", AssetHrefs.s3().href(doc, "X.zip"));
        ObjectNode local = Json.object();
        local.putArray("urls").add("file:///home/a/published/datasets/L1.5_geotiff/v0.2.4/X");
        assertEquals("http://127.0.0.1:8080/assets/datasets/L1.5_geotiff/v0.2.4/X/tiles/HH/{z}/{x}/{y}.png",
                AssetHrefs.rebased("file:///home/a/published/", "http://127.0.0.1:8080/assets").href(local, "tiles/HH/{z}/{x}/{y}.png"));
    }

    /** The validation is not vacuous: what the core and extension schemas forbid is caught, offline. */
    @Test
    void theSchemasCatchBrokenItems() {
        ObjectNode good = item(IngestedHome.FBD);
        ObjectNode badBand = good.deepCopy();
        ((ObjectNode) badBand.path("properties")).put("sar:frequency_band", "Q");
        assertTrue(StacSchemas.violations(badBand).stream().anyMatch(v -> v.startsWith("sar-v1.3.0")), StacSchemas.violations(badBand).toString());
        ObjectNode noTime = good.deepCopy();
        ((ObjectNode) noTime.path("properties")).remove("datetime");
        assertTrue(StacSchemas.violations(noTime).stream().anyMatch(v -> v.startsWith("core")), StacSchemas.violations(noTime).toString());
        ObjectNode badOrbit = good.deepCopy();
        ((ObjectNode) badOrbit.path("properties")).put("sat:orbit_state", "sideways");
        assertFalse(StacSchemas.violations(badOrbit).isEmpty());
        ObjectNode badGeometry = good.deepCopy();
        ((ObjectNode) badGeometry.path("geometry")).put("type", "Polygonal");
        assertFalse(StacSchemas.violations(badGeometry).isEmpty());
        ObjectNode orphan = good.deepCopy();
        orphan.put("collection", "L1.5_geotiff");
        assertFalse(StacSchemas.violations(orphan).isEmpty(), "a collection field needs its link");
    }
}
