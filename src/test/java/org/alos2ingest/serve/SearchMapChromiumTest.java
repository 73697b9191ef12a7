package org.alos2ingest.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.identify.ProcessingLevel;
import org.alos2ingest.render.HeadlessChromium;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.Deliveries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search map of {@code serve}, in headless Chromium, over three scenes ingested by the real
 * pipeline: two FBD scenes over Chile a month apart (Level 1.5 and 2.1) and a UBS scene over
 * Mauritius. A rectangle drawn with the mouse lists the two Chilean scenes; a date range keeps the
 * February one; selecting it shows its browse image and tiles with no failed request; the
 * permalink, opened afresh, reproduces the search and the selection. Facets (CQL2-JSON on POST and
 * CQL2-text on GET) and paging by `next` links are checked through URLs as a user would share them.
 * Screenshots go to target/test-artifacts/.
 */
class SearchMapChromiumTest {

    private static final int WIDTH = 1366;
    private static final int HEIGHT = 768;
    private static final String FEB = "ALOS2146686640-170209-FBDR1.5GUA";
    private static final String MAR = "ALOS2147106640-170309-FBDR2.1GUD";
    private static final String UBS = "ALOS2337294000-200821-UBSL1.5GUD";

    @TempDir
    Path tmp;

    @Test
    void drawnAreaAndDatesListTheScenesTheSelectedOneShowsItsTilesAndThePermalinkReproducesIt() throws Exception {
        Path chromium = HeadlessChromium.executable().orElseThrow(() -> new AssertionError(
                "Chromium is not installed: the search map test needs Debian's chromium package (.ci/install-deps installs it)"));
        Path home = tmp.resolve("home");
        Path in = tmp.resolve("in");
        Deliveries.zip(in, SampleSpec.preset("fbd").withWidth(400));
        Deliveries.zip(in, SampleSpec.preset("ubs").withWidth(400));
        Deliveries.zip(in, SampleSpec.generic(ObservationMode.FBD, ProcessingLevel.L2_1, 'R', OrbitDirection.DESCENDING, 'U',
                new LonLat(-70.2, -27.3), LocalDateTime.of(2017, 3, 9, 5, 11), 14710, 6640).withWidth(400));
        CliRun ingest = CliRun.run(home, "ingest", "--max-zoom", "10", in.toString());
        assertEquals(0, ingest.code(), ingest.err());

        try (Serve serve = new Serve(home); HeadlessChromium browser = new HeadlessChromium(chromium, tmp.resolve("profile"), WIDTH, HEIGHT)) {
            String map = serve.base + "map/";
            open(browser, map);

            // Draw a rectangle around Chile with the mouse: press at one corner, drag, release at the other.
            browser.evaluate("alos2Map.map.setView([-27, -70], 7, {animate: false}); document.getElementById('draw-rectangle').click(); 1");
            double[] nw = pagePoint(browser, -26.0, -71.0);
            double[] se = pagePoint(browser, -28.0, -69.0);
            mouse(browser, "mousePressed", nw, true);
            mouse(browser, "mouseMoved", new double[] {(nw[0] + se[0]) / 2, (nw[1] + se[1]) / 2}, true);
            mouse(browser, "mouseMoved", se, true);
            mouse(browser, "mouseReleased", se, true);
            waitForSearch(browser, 1);
            assertEquals(Set.of(FEB, MAR), ids(browser), "scenes in the drawn rectangle");
            String area = text(browser, "document.getElementById('area').value");
            double[] box = java.util.Arrays.stream(area.split(",")).mapToDouble(Double::parseDouble).toArray();
            assertEquals(-71.0, box[0], 0.05, area);
            assertEquals(-28.0, box[1], 0.05, area);
            assertEquals(-69.0, box[2], 0.05, area);
            assertEquals(-26.0, box[3], 0.05, area);
            save(browser, "map-drawn-area.png");

            // A date range keeps the February scene.
            browser.evaluate("document.getElementById('start').value = '2017-02-01'; document.getElementById('end').value = '2017-02-28';"
                    + " document.getElementById('run').click(); 1");
            waitForSearch(browser, 2);
            assertEquals(Set.of(FEB), ids(browser), "scenes in the area in February 2017");

            // Selecting it shows its browse image and tiles, with no failed request.
            browser.evaluate("document.querySelector('#results button[data-id=\"" + FEB + "\"]').click(); 1");
            JsonNode tiles = waitForTiles(browser);
            assertTrue(tiles.path("browse").path("loaded").asBoolean(), "browse image: " + tiles);
            assertTrue(text(browser, "document.getElementById('assets').textContent").contains("application/zip"), "download links");
            save(browser, "map-search.png");
            assertNoFailedRequest(browser, serve);

            // The permalink, opened afresh, reproduces the search and the selection.
            String permalink = text(browser, "document.getElementById('permalink').href");
            assertTrue(permalink.contains("selected=" + FEB), permalink);
            open(browser, "about:blank");
            open(browser, permalink);
            waitForSearch(browser, 1);
            assertEquals(Set.of(FEB), ids(browser), "scenes of the permalink " + permalink);
            assertEquals(area, text(browser, "document.getElementById('area').value"));
            assertEquals("2017-02-01", text(browser, "document.getElementById('start').value"));
            assertEquals(FEB, text(browser, "alos2Map.selected"));
            waitForTiles(browser);
            save(browser, "map-permalink.png");
            assertNoFailedRequest(browser, serve);

            // Facets as the STAC API filter: CQL2-JSON on POST, CQL2-text on GET.
            String chile = "bbox=-71,-28,-69,-26";
            open(browser, map + "?" + chile + "&level=" + level(serve, MAR));
            waitForSearch(browser, 1);
            assertEquals(Set.of(MAR), ids(browser), "Level 2.1 in Chile, POST");
            open(browser, map + "?method=GET&" + chile + "&path=32&orbit=ascending");
            waitForSearch(browser, 1);
            assertEquals(Set.of(FEB), ids(browser), "path 32 ascending, GET");
            open(browser, map + "?method=GET&pol=HH&frame=6640,2900-3000&mode=FBD,UBS");
            waitForSearch(browser, 1);
            assertEquals(Set.of(FEB, MAR), ids(browser), "frame 6640 or 2900-3000, GET");

            // Paging: one item a page, two pages by `next` links, each scene once; page 2 is in the URL.
            open(browser, map + "?" + chile + "&limit=1");
            waitForSearch(browser, 1);
            Set<String> first = ids(browser);
            browser.evaluate("document.getElementById('next').click(); 1");
            waitForSearch(browser, 2);
            Set<String> second = ids(browser);
            assertEquals(1, first.size());
            assertEquals(1, second.size());
            Set<String> both = new TreeSet<>(first);
            both.addAll(second);
            assertEquals(Set.of(FEB, MAR), both);
            String page2 = text(browser, "document.getElementById('permalink').href");
            assertTrue(page2.contains("page=2"), page2);
            open(browser, page2);
            waitForSearch(browser, 1);
            assertEquals(second, ids(browser), "page 2 from its link");

            // Exports: every matching item, and a curl line for each product zip.
            open(browser, map + "?" + chile);
            waitForSearch(browser, 1);
            JsonNode fc = Json.MAPPER.readTree(text(browser, "await alos2Map.exports.geojson()"));
            assertEquals(2, fc.path("features").size(), "exported GeoJSON");
            String script = text(browser, "await alos2Map.exports.script()");
            for (String id : List.of(FEB, MAR)) {
                String line = script.lines().filter(l -> l.startsWith("curl ") && l.contains(id + ".zip")).findFirst()
                        .orElseThrow(() -> new AssertionError("no curl line for " + id + ":\n" + script));
                String url = line.substring(line.lastIndexOf(" '") + 2, line.length() - 1);
                HttpResponse<Void> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.discarding());
                assertEquals(200, zip.statusCode(), url);
            }
            assertTrue(!script.contains(UBS), script);

            // A polygon clicked corner by corner, closed on its first corner, around Mauritius: the UBS scene.
            open(browser, map);
            browser.evaluate("alos2Map.map.setView([-20.5, 57.7], 8, {animate: false}); document.getElementById('draw-polygon').click(); 1");
            List<double[]> corners = List.of(pagePoint(browser, -19.9, 57.0), pagePoint(browser, -19.9, 58.4), pagePoint(browser, -21.2, 57.7));
            for (double[] c : corners) {
                mouse(browser, "mousePressed", c, true);
                mouse(browser, "mouseReleased", c, true);
            }
            mouse(browser, "mousePressed", corners.get(0), true);
            mouse(browser, "mouseReleased", corners.get(0), true);
            waitForSearch(browser, 1);
            assertEquals(Set.of(UBS), ids(browser), "scenes in the drawn polygon");
            assertTrue(text(browser, "location.search").contains("polygon="), text(browser, "location.search"));
            assertNoFailedRequest(browser, serve);
        }
    }

    private static void open(HeadlessChromium browser, String url) throws InterruptedException {
        browser.navigate(url);
        if (!url.startsWith("about:")) {
            assertTrue(browser.evaluate("!!document.getElementById('search')").asBoolean(),
                    "no search map at " + url + ": " + text(browser, "document.body ? document.body.textContent.slice(0, 300) : ''"));
            waitFor(browser, "window.alos2Map && alos2Map.ready && !alos2Map.searching", "the map to start");
        }
    }

    private static void waitForSearch(HeadlessChromium browser, int searches) throws InterruptedException {
        waitFor(browser, "alos2Map.searches >= " + searches + " && !alos2Map.searching || alos2Map.error", "search " + searches);
        String error = text(browser, "alos2Map.error || ''");
        assertEquals("", error, "the map reported an error");
    }

    private static JsonNode waitForTiles(HeadlessChromium browser) throws Exception {
        String done = "alos2Map.tiles && alos2Map.tiles.requested > 0 && alos2Map.tiles.ready >= alos2Map.tiles.layers"
                + " && !alos2Map.tilesLoading()"
                + " && alos2Map.browse && (alos2Map.browse.loaded || alos2Map.browse.failed)";
        waitFor(browser, done, "the selected scene's tiles");
        Thread.sleep(300); // Leaflet's 200 ms fade-in, for the screenshot
        JsonNode s = Json.MAPPER.readTree(text(browser, "JSON.stringify({tiles: alos2Map.tiles, browse: alos2Map.browse})"));
        assertEquals(0, s.path("tiles").path("failed").size(), "failed tiles: " + s);
        assertTrue(s.path("tiles").path("requested").asInt() > 0, s.toString());
        return s;
    }

    private static void waitFor(HeadlessChromium browser, String condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (browser.evaluate("!!(" + condition + ")").asBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited 60 s for " + what + "; status: " + text(browser, "document.getElementById('status') ? "
                + "document.getElementById('status').textContent : document.title") + "; state: "
                + text(browser, "window.alos2Map && JSON.stringify({ids: alos2Map.ids, tiles: alos2Map.tiles, browse: alos2Map.browse})"));
    }

    private static String text(HeadlessChromium browser, String expression) {
        return browser.evaluate("(async () => String(" + expression + "))()").asText();
    }

    private static Set<String> ids(HeadlessChromium browser) throws IOException {
        Set<String> out = new TreeSet<>();
        Json.MAPPER.readTree(text(browser, "JSON.stringify(alos2Map.ids)")).forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Page pixel coordinates of a place on the map. */
    private static double[] pagePoint(HeadlessChromium browser, double lat, double lon) throws IOException {
        JsonNode p = Json.MAPPER.readTree(text(browser, "JSON.stringify((() => { const r = alos2Map.map.getContainer().getBoundingClientRect();"
                + " const p = alos2Map.map.latLngToContainerPoint([" + lat + ", " + lon + "]); return [r.left + p.x, r.top + p.y]; })())"));
        return new double[] {p.get(0).asDouble(), p.get(1).asDouble()};
    }

    /** A mouse event with the left button held down from press to release. */
    private static void mouse(HeadlessChromium browser, String type, double[] at, boolean held) throws InterruptedException {
        boolean left = held || !type.equals("mouseMoved");
        browser.send("Input.dispatchMouseEvent", Json.object().put("type", type).put("x", at[0]).put("y", at[1])
                .put("button", left ? "left" : "none").put("buttons", held && !type.equals("mouseReleased") ? 1 : 0).put("clickCount", 1));
        Thread.sleep(50);
    }

    /** The level value the API gives a scene, as the map's facet would send it. */
    private static String level(Serve serve, String id) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(serve.base + "search?ids=" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(r.body()).path("features").get(0).path("properties").path("processing:level").asText();
    }

    private static void save(HeadlessChromium browser, String name) throws IOException, InterruptedException {
        mouse(browser, "mouseMoved", new double[] {WIDTH - 5, HEIGHT / 2.0}, false); // no hover highlight in the picture
        Thread.sleep(600); // and no zoom animation half done
        Path artefact = Path.of("target", "test-artifacts", name);
        Files.createDirectories(artefact.getParent());
        Files.write(artefact, browser.screenshot());
    }

    /** Every response the page had from the server was a success, and nothing failed to load or went elsewhere. */
    private static void assertNoFailedRequest(HeadlessChromium browser, Serve serve) {
        int seen = 0;
        for (JsonNode e : browser.events()) {
            String method = e.path("method").asText();
            if (method.equals("Network.responseReceived")) {
                JsonNode r = e.path("params").path("response");
                assertTrue(r.path("status").asInt() < 400, "request failed: " + r.path("status") + " " + r.path("url"));
                seen++;
            } else if (method.equals("Network.requestWillBeSent")) {
                String url = e.path("params").path("request").path("url").asText();
                assertTrue(url.startsWith(serve.base) || url.startsWith("data:") || url.startsWith("about:") || url.startsWith("blob:"),
                        "the page reached outside the server: " + url);
            }
            assertTrue(!method.equals("Network.loadingFailed") || e.path("params").path("canceled").asBoolean(),
                    "network failure: " + e.path("params"));
        }
        assertTrue(seen > 0, "no responses recorded");
    }

    /** {@code alos2-ingest serve} in its own JVM on a free port of 127.0.0.1, as a user starts it. */
    private static final class Serve implements AutoCloseable {
        final String base;
        final Process process;
        final List<String> output = Collections.synchronizedList(new ArrayList<>());

        Serve(Path home) throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            base = "http://127.0.0.1:" + port + "/";
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"), "org.alos2ingest.cli.Main",
                    "serve", "--home", home.toString(), "--bind", "127.0.0.1", "--port", String.valueOf(port))
                    .redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        output.add(l);
                    }
                } catch (IOException e) {
                    output.add("(output lost: " + e + ")");
                }
            }, "serve-output");
            reader.setDaemon(true);
            reader.start();
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                try {
                    if (client.send(HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    close();
                    throw new AssertionError("serve did not answer at " + base + ":\n" + String.join("\n", output));
                }
                Thread.sleep(200);
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
