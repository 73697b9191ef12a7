package org.alos2ingest.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.MapProjection;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.sample.SwathMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer page of a rendered product, opened in headless Chromium from a local HTTP server that
 * logs every request: every tile it asks for exists, it asks nothing of any other host (it works
 * offline), and the screenshot shows the image where the generator drew the swath and the base map
 * where it drew none. The screenshot is kept in target/test-artifacts/.
 */
class ViewerChromiumTest {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 800;

    @Test
    void viewerShowsTheTilesOfflineWithNoFailedRequest(@TempDir Path dir) throws Exception {
        Path chromium = HeadlessChromium.executable().orElseThrow(() -> new AssertionError(
                "Chromium is not installed: the viewer test needs Debian's chromium package (.ci/install-deps installs it)"));
        SampleSpec spec = SampleSpec.preset("fbd").withWidth(1000).withDefects(3, 2);
        RenderedProduct product = RenderedProduct.make(spec, dir, new RenderSettings(true, 11, 2));
        Path products = product.folder.getParent();

        try (LoggingFileServer server = new LoggingFileServer(products);
             HeadlessChromium browser = new HeadlessChromium(chromium, dir.resolve("profile"), WIDTH, HEIGHT)) {
            String page = server.baseUrl() + product.scene.id() + "/index.html";
            browser.navigate(page);
            JsonNode state = waitForTiles(browser);
            byte[] png = browser.screenshot();
            Path artefact = Path.of("target", "test-artifacts", "viewer-" + product.scene.id() + ".png");
            Files.createDirectories(artefact.getParent());
            Files.write(artefact, png);

            // Tiles load: some were asked for, all arrived, none failed, and the server never said 404.
            assertTrue(state.path("requested").asInt() > 0, "tiles requested: " + state);
            assertEquals(0, state.path("failed").size(), "failed tiles: " + state.path("failed"));
            assertEquals(state.path("requested").asInt(), state.path("loaded").asInt(), state.toString());
            List<LoggingFileServer.Request> requests = server.requests();
            assertTrue(requests.stream().anyMatch(r -> r.path().contains("/tiles/HH/")), "tile requests: " + requests);
            for (LoggingFileServer.Request r : requests) {
                assertEquals(200, r.status(), "request " + r.path());
            }
            // Offline: everything the page loaded came from the product folder.
            for (JsonNode e : browser.events()) {
                String method = e.path("method").asText();
                if (method.equals("Network.requestWillBeSent")) {
                    String url = e.path("params").path("request").path("url").asText();
                    assertTrue(url.startsWith(server.baseUrl()) || url.startsWith("data:") || url.startsWith("about:"),
                            "the page reached outside the product folder: " + url);
                }
                assertTrue(!method.equals("Network.loadingFailed"), "network failure: " + e.path("params"));
            }

            // The screenshot shows grey image pixels inside the swath and the base map outside it.
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(WIDTH, shot.getWidth());
            List<double[]> inside = new ArrayList<>();
            List<double[]> outside = new ArrayList<>();
            samplePoints(spec, product, inside, outside);
            double insideGrey = greyShare(browser, shot, inside);
            double outsideGrey = greyShare(browser, shot, outside);
            System.out.printf("inside the swath %.3f grey, outside %.3f grey (%d and %d points)%n", insideGrey, outsideGrey,
                    inside.size(), outside.size());
            assertTrue(insideGrey >= 0.97, "swath pixels showing image: " + insideGrey);
            assertTrue(outsideGrey <= 0.03, "no-data pixels showing image: " + outsideGrey);
        }
    }

    private static JsonNode waitForTiles(HeadlessChromium browser) throws InterruptedException {
        String probe = "JSON.stringify({requested: alos2Viewer.requested, loaded: alos2Viewer.loaded, failed: alos2Viewer.failed,"
                + " ready: alos2Viewer.layersReady, zoom: alos2Viewer.map.getZoom()})";
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode s = null;
        while (System.nanoTime() < deadline) {
            try {
                s = org.alos2ingest.config.Json.MAPPER.readTree(browser.evaluate(probe).asText());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            int done = s.path("loaded").asInt() + s.path("failed").size();
            if (s.path("ready").asInt() >= 1 && done == s.path("requested").asInt() && s.path("requested").asInt() > 0) {
                Thread.sleep(300); // let the last tiles fade in (Leaflet's 200 ms opacity transition)
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("tiles did not finish loading within 60 s: " + s);
    }

    /** Points deep inside the valid data (a 9 x 9 pixel neighbourhood valid) and deep in the no-data corners. */
    private static void samplePoints(SampleSpec s, RenderedProduct p, List<double[]> inside, List<double[]> outside) {
        SwathMask m = p.sample.mask();
        MapProjection proj = MapProjection.epsg(s.epsg());
        SplittableRandom rnd = new SplittableRandom(3);
        int margin = 12;
        while (inside.size() < 300 || outside.size() < 150) {
            int x = margin + rnd.nextInt(s.width() - 2 * margin);
            int y = margin + rnd.nextInt(s.height() - 2 * margin);
            int valid = 0;
            for (int dy = -margin; dy <= margin; dy += 3) {
                for (int dx = -margin; dx <= margin; dx += 3) {
                    valid += m.valid(x + dx, y + dy) ? 1 : 0;
                }
            }
            LonLat ll = proj.inverse(s.originX() + (x + 0.5) * s.pixelSpacing(), s.originY() - (y + 0.5) * s.pixelSpacing());
            int n = (2 * margin / 3 + 1) * (2 * margin / 3 + 1);
            if (valid == n && inside.size() < 300) {
                inside.add(new double[] {ll.lat(), ll.lon()});
            } else if (valid == 0 && outside.size() < 150) {
                int[] span = new int[2];
                // outside the swath itself, not in a hole (holes are no data too, but keep the test plain)
                if (!m.span(y, span) || x < span[0] - margin || x >= span[1] + margin) {
                    outside.add(new double[] {ll.lat(), ll.lon()});
                }
            }
        }
    }

    private static boolean underControl(JsonNode rects, int x, int y) {
        for (JsonNode r : rects) {
            if (x >= r.path("left").asDouble() - 2 && x <= r.path("right").asDouble() + 2 && y >= r.path("top").asDouble() - 2
                    && y <= r.path("bottom").asDouble() + 2) {
                return true;
            }
        }
        return false;
    }

    /** Share of the points whose screenshot pixel is grey (an image pixel: red = green = blue). */
    private static double greyShare(HeadlessChromium browser, BufferedImage shot, List<double[]> points) {
        StringBuilder js = new StringBuilder("JSON.stringify([");
        for (int i = 0; i < points.size(); i++) {
            js.append(i > 0 ? "," : "").append("alos2Viewer.map.latLngToContainerPoint([").append(points.get(i)[0]).append(',')
                    .append(points.get(i)[1]).append("])");
        }
        js.append("])");
        JsonNode xy;
        JsonNode controls;
        try {
            xy = org.alos2ingest.config.Json.MAPPER.readTree(browser.evaluate(js.toString()).asText());
            // the map's own controls (zoom, layer switch, scale, attribution) cover parts of it
            controls = org.alos2ingest.config.Json.MAPPER.readTree(browser.evaluate("JSON.stringify(Array.from("
                    + "document.querySelectorAll('.leaflet-control')).map(e => e.getBoundingClientRect()))").asText());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int grey = 0;
        int counted = 0;
        for (JsonNode p : xy) {
            int x = (int) Math.round(p.path("x").asDouble());
            int y = (int) Math.round(p.path("y").asDouble());
            if (x < 0 || y < 0 || x >= shot.getWidth() - 330 || y >= shot.getHeight() || underControl(controls, x, y)) {
                continue;
            }
            int rgb = shot.getRGB(x, y);
            int r = (rgb >> 16) & 0xff;
            int g = (rgb >> 8) & 0xff;
            int b = rgb & 0xff;
            counted++;
            if (Math.abs(r - g) <= 2 && Math.abs(g - b) <= 2) {
                grey++;
            }
        }
        assertTrue(counted > points.size() / 2, "points on screen: " + counted + " of " + points.size());
        return grey / (double) counted;
    }
}
