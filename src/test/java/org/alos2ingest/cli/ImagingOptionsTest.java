package org.alos2ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.sample.SampleDelivery;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.testing.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ingest} and {@code render} with --max-zoom, --no-tiles, --no-cog and --sigma0, end to end through the command line. */
class ImagingOptionsTest {

    @TempDir
    static Path dir;
    static Path zip;
    static SampleSpec spec = SampleSpec.preset("ubs").withWidth(400);

    @BeforeAll
    static void delivery() throws IOException {
        zip = SampleDelivery.write(List.of(spec), dir.resolve(spec.deliveryName()), 1);
    }

    @Test
    void ingestTilesToTheZoomAsked() throws IOException {
        Path home = dir.resolve("home9");
        assertEquals(Main.OK, CliRun.run("ingest", "-q", "--home", home.toString(), "--max-zoom", "9", zip.toString()).code());
        Path product = publishedFolder(home);
        assertTrue(Files.isDirectory(product.resolve("tiles/HH/9")));
        assertFalse(Files.exists(product.resolve("tiles/HH/10")));
        assertTrue(Files.isRegularFile(product.resolve("index.html")));
        JsonNode met = Json.read(product.resolve(spec.name().text() + ".met.json"));
        assertEquals("[9]", met.path("tile_max_zoom").toString());
        assertEquals("[\"HH\"]", met.path("tile_layers").toString());
    }

    @Test
    void ingestWithoutTiles() throws IOException {
        Path home = dir.resolve("none");
        assertEquals(Main.OK, CliRun.run("ingest", "-q", "--home", home.toString(), "--no-tiles", zip.toString()).code());
        Path product = publishedFolder(home);
        assertFalse(Files.exists(product.resolve("tiles")));
        assertTrue(Files.isRegularFile(product.resolve("IMG-HH-" + spec.name().text() + ".browse.png")));
        assertFalse(Json.read(product.resolve(spec.name().text() + ".met.json")).path("tiles").asBoolean());
    }

    @Test
    void cogsByDefaultSigma0OnAskingNoneWithNoCog() throws IOException {
        String id = spec.name().text();
        Path home = dir.resolve("cogs");
        assertEquals(Main.OK, CliRun.run("ingest", "-q", "--home", home.toString(), "--no-tiles", zip.toString()).code());
        Path product = publishedFolder(home);
        assertTrue(Files.isRegularFile(product.resolve("IMG-HH-" + id + ".cog.tif")));
        assertFalse(Files.exists(product.resolve("IMG-HH-" + id + ".sigma0.cog.tif")));
        assertFalse(Json.read(product.resolve(id + ".met.json")).has("sigma0_calibration"));
        try (Stream<Path> s = Files.list(product)) {
            assertEquals(List.of(), s.filter(f -> f.getFileName().toString().startsWith(".")).toList(), "no spool left");
        }

        Path settings = dir.resolve("cf.json");
        Files.writeString(settings, "{\"SIGMA0_CALIBRATION_FACTOR_DB\": \"-80.5\"}");
        Path out = dir.resolve("sigma0");
        assertEquals(Main.OK, CliRun.run("render", "-q", "--home", dir.resolve("rs").toString(), "--settings", settings.toString(),
                "--no-tiles", "--no-cog", "--sigma0", "-o", out.toString(), zip.toString()).code());
        Path rendered = out.resolve(id);
        assertFalse(Files.exists(rendered.resolve("IMG-HH-" + id + ".cog.tif")));
        assertTrue(Files.isRegularFile(rendered.resolve("IMG-HH-" + id + ".sigma0.cog.tif")));
        JsonNode met = Json.read(rendered.resolve(id + ".met.json"));
        assertEquals(-80.5, met.path("sigma0_calibration").path("factor_db").asDouble());
        assertEquals(List.of("sigma0"), met.path("cog_files").findValuesAsText("kind"));
        assertEquals("-80.5000", org.alos2ingest.testing.Gdal.info(rendered.resolve("IMG-HH-" + id + ".sigma0.cog.tif"))
                .path("metadata").path("").path("CALIBRATION_FACTOR_DB").asText());

        Path none = dir.resolve("nocog");
        assertEquals(Main.OK, CliRun.run("render", "-q", "--home", dir.resolve("rn").toString(), "--no-tiles", "--no-cog", "-o", none.toString(),
                zip.toString()).code());
        try (Stream<Path> s = Files.list(none.resolve(id))) {
            assertEquals(List.of(), s.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tif")).toList());
        }
        assertFalse(Json.read(none.resolve(id).resolve(id + ".met.json")).has("cog_files"));
    }

    @Test
    void aCalibrationFactorThatIsNoNumberIsOneLineNamingTheSetting() throws IOException {
        Path settings = dir.resolve("badcf.json");
        Files.writeString(settings, "{\"SIGMA0_CALIBRATION_FACTOR_DB\": \"minus 83\"}");
        CliRun r = CliRun.run("render", "--home", dir.resolve("rb").toString(), "--settings", settings.toString(), "--sigma0",
                "-o", dir.resolve("badout").toString(), zip.toString());
        assertEquals(Main.FAILED, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("SIGMA0_CALIBRATION_FACTOR_DB") && r.err().contains("minus 83"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aZoomOutOfRangeIsAUsageError() {
        assertEquals(Main.USAGE, CliRun.run("ingest", "--home", dir.resolve("bad").toString(), "--max-zoom", "25", zip.toString()).code());
        assertEquals(Main.USAGE, CliRun.run("render", "--max-zoom", "-1", zip.toString()).code());
    }

    @Test
    void renderMakesTheProductFolderWithoutACatalog() throws IOException {
        Path out = dir.resolve("rendered");
        assertEquals(Main.OK, CliRun.run("render", "-q", "--home", dir.resolve("rh").toString(), "--max-zoom", "8", "-o", out.toString(),
                zip.toString()).code());
        Path product = out.resolve(spec.name().text());
        assertTrue(Files.isRegularFile(product.resolve("index.html")));
        assertTrue(Files.isDirectory(product.resolve("tiles/HH/8")));
        assertTrue(Files.isRegularFile(product.resolve(spec.name().text() + ".met.json")));
        assertFalse(Files.exists(dir.resolve("rh/catalog.sqlite")));
        assertEquals(Main.FAILED, CliRun.run("render", "-q", "--home", dir.resolve("rh").toString(), "-o", out.toString(),
                dir.resolve("missing.zip").toString()).code());
    }

    private static Path publishedFolder(Path home) throws IOException {
        try (Stream<Path> s = Files.walk(home.resolve("published/datasets"))) {
            return s.filter(p -> p.getFileName().toString().equals(spec.name().text()) && Files.isDirectory(p)).findFirst().orElseThrow();
        }
    }
}
