package org.alos2ingest.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Settings;
import org.alos2ingest.describe.Describer;
import org.alos2ingest.describe.Description;
import org.alos2ingest.describe.Provenance;
import org.alos2ingest.identify.Scene;
import org.alos2ingest.identify.SceneFinder;
import org.alos2ingest.render.GeoTiffRenderer;
import org.alos2ingest.render.RenderSettings;
import org.alos2ingest.sample.SampleProduct;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.testing.Gdal;
import org.alos2ingest.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A window of a COG's overview read by GDAL straight from {@code serve}'s /assets/, over HTTP
 * (/vsicurl/), as QGIS or rio-tiler read it: counted in serve's access log, it takes a handful of
 * range requests and a small part of the file, and gives the pixels of the file itself.
 */
class CogOverHttpTest {

    private static final Pattern LOG_LINE = Pattern.compile("\"GET (\\S+) HTTP/1\\.1\" (\\d{3}) (\\d+|-)");

    @TempDir
    Path tmp;

    @Test
    void anOverviewWindowTakesAFewRangeRequests() throws Exception {
        Path publish = tmp.resolve("published");
        SampleSpec spec = SampleSpec.preset("fbd").withWidth(3000);
        Path in = tmp.resolve("in").resolve(spec.name().text());
        new SampleProduct(spec).write(in);
        Scene scene = new SceneFinder(w -> { }).find(in).get(0);
        Settings settings = Settings.load(null, Map.of("ALOS2_INGEST_HOME", tmp.toString()));
        Description d = new Describer(settings, DatasetDefinitions.load(null), w -> { }).describe(scene, Provenance.local(in));
        Path folder = Files.createDirectories(publish.resolve("datasets/L1.5_geotiff/v0.2.4/2017/02/09").resolve(scene.id()));
        new GeoTiffRenderer(new RenderSettings(false, 6, 2)).render(scene, d, folder, Progress.silent());
        String name = "IMG-HH-" + scene.id() + ".cog.tif";
        Path cog = folder.resolve(name);
        long size = Files.size(cog);

        Path log = tmp.resolve("access.log");
        try (StacServer server = new StacServer(new StubBackend(), new StacServer.Options("127.0.0.1", 0, null, List.of(), publish,
                Duration.ofSeconds(2)), null).accessLog(log).start()) {
            String url = "http://127.0.0.1:" + server.address().getPort() + "/assets/datasets/L1.5_geotiff/v0.2.4/2017/02/09/"
                    + scene.id() + "/" + name;
            String script = String.join("\n",
                    "import sys, hashlib",
                    "from osgeo import gdal",
                    "gdal.UseExceptions()",
                    "gdal.SetConfigOption('GDAL_DISABLE_READDIR_ON_OPEN', 'EMPTY_DIR')",
                    "ds = gdal.Open(sys.argv[1])",
                    "b = ds.GetRasterBand(1).GetOverview(0)",
                    "print(b.XSize, b.YSize, hashlib.sha256(b.ReadRaster(300, 200, 256, 256)).hexdigest())");
            String remote = Gdal.python(script, "/vsicurl/" + url).strip();
            String local = Gdal.python(script, cog.toString()).strip();
            assertEquals(local, remote, "the same pixels over HTTP as from the file");
            assertTrue(remote.startsWith("1500 "), remote);
        }
        int requests = 0;
        long bytes = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher m = LOG_LINE.matcher(line);
            if (m.find() && m.group(1).endsWith(name)) {
                requests++;
                assertEquals("206", m.group(2), "a range request: " + line);
                bytes += m.group(3).equals("-") ? 0 : Long.parseLong(m.group(3));
            }
        }
        System.out.printf("a 256 x 256 window of overview 1 over HTTP: %d range requests, %d bytes of the %d-byte COG%n", requests, bytes, size);
        assertTrue(requests >= 1 && requests <= 4, requests + " requests");
        assertTrue(bytes < size / 10, bytes + " bytes of " + size);
    }
}
