package org.alos2ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.config.Json;
import org.alos2ingest.config.Settings;
import org.alos2ingest.fetch.Samples;
import org.alos2ingest.notify.Signature;
import org.alos2ingest.notify.Subscriptions;
import org.alos2ingest.serve.Backends;
import org.alos2ingest.serve.StacServer;
import org.alos2ingest.serve.SubscriptionsApi;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.WebhookReceiver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscriptions end to end: added with the command line or the API, notified by real ingests, to a
 * real HTTP receiver that checks the signature with its own HMAC; and everything a user gets wrong
 * answered with one line (exit 2) or a 4xx JSON body. No secret is ever printed.
 */
class SubscriptionsTest {

    static final String A = "ALOS2146686640-170209-FBDR1.5GUA";
    static final String B = "ALOS2146686650-170209-FBDR1.5GUA";
    static final String SECRET = "whsec-7Jq2x9Lk4Vb8Rt1Z";
    static final String OTHER_SECRET = "other-secret-Pq8Wm3Zt6Hv";
    static final String TOKEN = "serve-token-Xc4Nb7Qe2Lr9";
    /** Around the FBD sample in northern Chile. */
    static final String CHILE = "-71,-28,-69,-26";

    @TempDir
    Path tmp;
    Path home;
    Path secretFile;
    final List<String> outputs = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        secretFile = tmp.resolve("webhook.secret");
        Files.writeString(secretFile, SECRET + "\n");
        Files.writeString(home.resolve("settings.json"), "{\"NOTIFY_RETRY_FIRST\": \"1s\", \"NOTIFY_RETRY_MAX\": \"2s\", \"NOTIFY_POLL\": \"1s\","
                + " \"NOTIFY_TIMEOUT\": \"5s\", \"NOTIFY_FLUSH\": \"10s\"}");
    }

    CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        // subscribe's options are its subcommands': --home goes after "subscribe add"
        all.add(args[0].equals("subscribe") ? 2 : 1, "--home");
        all.add(args[0].equals("subscribe") ? 3 : 2, home.toString());
        CliRun r = CliRun.run(all.toArray(String[]::new));
        outputs.add(r.out());
        outputs.add(r.err());
        return r;
    }

    Path delivery(String id) throws IOException {
        Path zip = tmp.resolve("deliveries").resolve(Samples.deliveryName(id));
        Files.createDirectories(zip.getParent());
        Files.write(zip, Samples.delivery(id));
        return zip;
    }

    @Test
    void aMatchingDatasetIsPostedOnceSignedAndNonMatchingSubscriptionsHearNothing() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            assertEquals(0, run("subscribe", "add", "--name", "chile", "--bbox", CHILE, "--mode", "FBD", "--level", "1.5",
                    "--webhook", receiver.url("/hooks/chile").toString(), "--secret-file", secretFile.toString()).code());
            CliRun japan = run("subscribe", "add", "--name", "japan", "--intersects",
                    "{\"type\": \"Polygon\", \"coordinates\": [[[139, 35], [141, 35], [141, 37], [139, 37], [139, 35]]]}",
                    "--webhook", receiver.url("/hooks/japan").toString(), "--secret-file", secretFile.toString());
            assertEquals(0, japan.code(), japan.toString());
            // the sample is an ascending FBD Level 1.5 scene: each of these filters alone excludes it
            assertEquals(0, run("subscribe", "add", "--name", "chile-descending", "--bbox", CHILE, "--direction", "descending",
                    "--webhook", receiver.url("/hooks/descending").toString(), "--secret-file", secretFile.toString()).code());
            assertEquals(0, run("subscribe", "add", "--name", "chile-ubs", "--bbox", CHILE, "--mode", "UBS",
                    "--webhook", receiver.url("/hooks/ubs").toString(), "--secret-file", secretFile.toString()).code());
            assertEquals(0, run("subscribe", "add", "--name", "chile-l21", "--bbox", CHILE, "--level", "2.1",
                    "--webhook", receiver.url("/hooks/l21").toString(), "--secret-file", secretFile.toString()).code());

            long t0 = System.nanoTime();
            CliRun ingest = run("ingest", "--no-tiles", delivery(A).toString());
            assertEquals(0, ingest.code(), ingest.toString());
            // ingest returns once the first attempt was made: the receiver has it already
            assertTrue(WebhookReceiver.await(5, () -> receiver.received().size() >= 1), "delivered: " + receiver.received());
            System.out.printf("ingest + notification: %.2f s%n", (System.nanoTime() - t0) / 1e9);

            List<WebhookReceiver.Delivery> got = receiver.receivedAt("/hooks/chile");
            assertEquals(1, got.size(), "exactly one POST to the matching subscription");
            WebhookReceiver.Delivery d = got.get(0);
            assertTrue(d.signatureValid(), "the receiver's own HMAC agrees: " + d.signature());
            assertTrue(Signature.verify(d.body(), SECRET, d.signature()));
            assertFalse(Signature.verify(d.body(), OTHER_SECRET, d.signature()), "another secret does not verify");
            assertEquals("chile", d.subscription());
            assertEquals("application/geo+json", d.contentType());
            JsonNode item = d.item();
            assertEquals(A, item.path("id").asText());
            assertEquals("Feature", item.path("type").asText());
            assertEquals("FBD", item.path("properties").path("sar:instrument_mode").asText());
            assertTrue(item.path("assets").path("data").path("href").asText().endsWith(A + "/" + A + ".zip"), item.path("assets").toString());
            assertEquals(List.of("/hooks/chile"), receiver.received().stream().map(WebhookReceiver.Delivery::path).toList(),
                    "no other subscription was told");

            // cataloged again (--force): the sender remembers the item and does not send it twice
            assertEquals(0, run("ingest", "--no-tiles", "--force", delivery(A).toString()).code());
            Thread.sleep(500);
            assertEquals(1, receiver.received().size(), "de-duplicated by item id: " + receiver.received());

            CliRun list = run("subscribe", "list");
            assertEquals(0, list.code());
            assertTrue(list.out().contains("chile ") && list.out().contains("japan") && list.out().contains("http://127.0.0.1:"), list.out());
            JsonNode json = Json.MAPPER.readTree(run("subscribe", "list", "--format", "json").out());
            JsonNode chile = null;
            for (JsonNode s : json) {
                assertFalse(s.has("secret"), s.toString());
                chile = s.path("name").asText().equals("chile") ? s : chile;
            }
            assertEquals(1, chile.path("deliveries").path("delivered").asInt(), chile.toString());
            assertEquals("http://127.0.0.1:" + receiver.url("/").getPort() + "/...", chile.path("webhook").asText(), "the URL's path may be a token");

            assertEquals(0, run("subscribe", "remove", "japan").code());
            CliRun again = run("subscribe", "remove", "japan");
            assertEquals(1, again.code());
            assertEquals(List.of("error: no subscription named 'japan' (see subscribe list)"), again.errorLines());
        }
        SecretScan.assertAbsent(List.of(SECRET), outputs, List.of(home.resolve("published"), home.resolve("work")));
    }

    @Test
    void aCommandSubscriptionGetsTheItemOnItsStandardInput() throws Exception {
        Path out = tmp.resolve("hook-out.json");
        CliRun add = run("subscribe", "add", "--name", "local-script", "--bbox", CHILE, "--command", "cat > '" + out + "'; echo \"$ALOS2_ITEM_ID\" > '"
                + out + ".id'");
        assertEquals(0, add.code(), add.toString());
        assertEquals(0, run("ingest", "--no-tiles", delivery(A).toString()).code());
        assertTrue(WebhookReceiver.await(5, () -> Files.exists(Path.of(out + ".id"))), "the command ran");
        assertEquals(A, Json.read(out).path("id").asText());
        assertEquals(A, Files.readString(Path.of(out + ".id")).strip());
    }

    @Test
    void badInputIsOneLineNamingTheOptionAndExitCode2() throws IOException {
        Path shortSecret = Files.writeString(tmp.resolve("short.secret"), "abc\n");
        String url = "http://127.0.0.1:9/hook";
        String[][] cases = {
                {"--bbox", "1,2,3", "--webhook", url, "--secret-file", secretFile.toString()},
                {"--bbox", CHILE, "--mode", "XYZ", "--webhook", url, "--secret-file", secretFile.toString()},
                {"--bbox", CHILE, "--level", "3", "--webhook", url, "--secret-file", secretFile.toString()},
                {"--bbox", CHILE, "--direction", "sideways", "--webhook", url, "--secret-file", secretFile.toString()},
                {"--intersects", "{\"type\": \"Polygon\"}", "--webhook", url, "--secret-file", secretFile.toString()},
                {"--bbox", CHILE, "--webhook", "ftp://example.org/x", "--secret-file", secretFile.toString()},
                {"--bbox", CHILE, "--webhook", "https://user:pw@example.org/x", "--secret-file", secretFile.toString()},
                {"--bbox", CHILE, "--webhook", url, "--secret-file", shortSecret.toString()},
                {"--bbox", CHILE},
                {"--webhook", url, "--secret-file", secretFile.toString()},
        };
        String[] expected = {"--bbox", "--mode", "--level", "--direction", "--intersects", "--webhook", "--webhook", "--secret-file",
                "--webhook URL or --command", "--intersects"};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new ArrayList<>(List.of("subscribe", "add", "--name", "s" + i));
            args.addAll(List.of(cases[i]));
            CliRun r = run(args.toArray(String[]::new));
            assertEquals(2, r.code(), r.toString());
            String err = r.err().strip();
            assertEquals(1, err.lines().filter(l -> l.startsWith("error") || l.contains(":")).limit(1).count(), r.toString());
            assertTrue(err.lines().findFirst().orElse("").contains(expected[i]), "case " + i + " names " + expected[i] + ": " + err);
        }
        CliRun badName = run("subscribe", "add", "--name", "../escape", "--bbox", CHILE, "--webhook", url);
        assertEquals(2, badName.code());
        assertTrue(badName.err().contains("--name"), badName.err());
        assertFalse(Files.exists(home.resolve("escape.secret")) || Files.exists(home.resolve("subscriptions").resolve("../escape.secret")));

        assertEquals(0, run("subscribe", "add", "--name", "dup", "--bbox", CHILE, "--webhook", url).code());
        CliRun dup = run("subscribe", "add", "--name", "dup", "--bbox", CHILE, "--webhook", url);
        assertEquals(2, dup.code());
        assertTrue(dup.err().contains("exists already"), dup.err());
        Path generated = home.resolve("subscriptions").resolve("dup.secret");
        assertTrue(Files.readString(generated).strip().length() >= 32, "a random secret was written for the subscriber");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(generated)));
        String generatedSecret = Files.readString(generated).strip();
        SecretScan.assertAbsent(List.of(SECRET, generatedSecret), outputs, List.of());
    }

    @Test
    void theApiAddsListsAndRemovesWebhooksForTokenHoldersOnlyAndAnswersMistakesWithJson() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET);
             Catalog catalog = new SqliteCatalog(home.resolve("catalog.sqlite"));
             StacServer off = new StacServer(Backends.of(catalog, null, Settings.of(java.util.Map.of())), options(), null).start();
             StacServer server = new StacServer(Backends.of(catalog, null, Settings.of(java.util.Map.of())), options(),
                     new SubscriptionsApi(Subscriptions.of(catalog), TOKEN), null).start()) {
            URI base = URI.create("http://127.0.0.1:" + server.address().getPort());
            String body = "{\"name\": \"api-chile\", \"bbox\": [-71, -28, -69, -26], \"mode\": [\"FBD\"], \"webhook\": \""
                    + receiver.url("/api") + "\", \"secret\": \"" + SECRET + "\"}";

            HttpResponse<String> r = http.send(post(base, body, null), HttpResponse.BodyHandlers.ofString());
            assertError(r, 401, "Unauthorized");
            r = http.send(post(base, body, "not-the-token-at-all"), HttpResponse.BodyHandlers.ofString());
            assertError(r, 401, "Unauthorized");
            r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + off.address().getPort() + "/subscriptions"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertError(r, 404, "NotFound");

            r = http.send(post(base, body, TOKEN), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, r.statusCode(), r.body());
            assertEquals("/subscriptions/api-chile", r.headers().firstValue("Location").orElse(""));
            assertFalse(r.body().contains(SECRET), r.body());
            assertEquals("api-chile", Json.MAPPER.readTree(r.body()).path("name").asText());
            assertError(http.send(post(base, body, TOKEN), HttpResponse.BodyHandlers.ofString()), 409, "Conflict");

            String[][] bad = {
                    {"{\"name\": \"x\", \"bbox\": [1, 2, 3], \"webhook\": \"http://h/x\", \"secret\": \"" + SECRET + "\"}", "bbox"},
                    {"{\"name\": \"x\", \"bbox\": [-71, -28, -69, -26], \"mode\": \"XYZ\", \"webhook\": \"http://h/x\", \"secret\": \"" + SECRET + "\"}", "mode"},
                    {"{\"name\": \"x\", \"bbox\": [-71, -28, -69, -26], \"webhook\": \"http://h/x\", \"secret\": \"short\"}", "secret"},
                    {"{\"name\": \"x\", \"bbox\": [-71, -28, -69, -26], \"command\": \"rm -rf /\"}", "command"},
                    {"{\"name\": \"x\", \"bbox\": [-71, -28, -69, -26], \"webhook\": \"http://h/x\", \"secret\": \"" + SECRET + "\", \"colour\": 1}", "colour"},
                    {"{\"name\": \"x y\", \"bbox\": [-71, -28, -69, -26], \"webhook\": \"http://h/x\", \"secret\": \"" + SECRET + "\"}", "name"},
                    {"[1, 2]", "body"},
                    {"{not json", "body"},
            };
            for (String[] b : bad) {
                HttpResponse<String> x = http.send(post(base, b[0], TOKEN), HttpResponse.BodyHandlers.ofString());
                assertError(x, 400, "InvalidParameterValue");
                assertTrue(Json.MAPPER.readTree(x.body()).path("description").asText().startsWith(b[1] + ":"), b[1] + ": " + x.body());
                assertFalse(x.body().contains(SECRET));
            }

            HttpResponse<String> list = http.send(HttpRequest.newBuilder(base.resolve("/subscriptions")).header("Authorization", "Bearer " + TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, list.statusCode());
            assertEquals(1, Json.MAPPER.readTree(list.body()).path("subscriptions").size(), list.body());
            assertFalse(list.body().contains(SECRET) || list.body().contains("secret"), list.body());

            // a subscription made through the API is notified like any other
            assertEquals(0, run("ingest", "--no-tiles", delivery(A).toString()).code());
            assertTrue(WebhookReceiver.await(5, () -> receiver.receivedAt("/api").size() == 1));
            assertTrue(receiver.receivedAt("/api").get(0).signatureValid());

            HttpRequest delete = HttpRequest.newBuilder(base.resolve("/subscriptions/api-chile")).header("Authorization", "Bearer " + TOKEN).DELETE().build();
            assertEquals(204, http.send(delete, HttpResponse.BodyHandlers.ofString()).statusCode());
            assertError(http.send(delete, HttpResponse.BodyHandlers.ofString()), 404, "NotFound");
            assertEquals(0, run("ingest", "--no-tiles", delivery(B).toString()).code());
            Thread.sleep(300);
            assertEquals(1, receiver.received().size(), "a removed subscription hears nothing more");
        }
    }

    @Test
    void scanAndHysdsRunNotifyAsIngestDoes() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET);
             org.alos2ingest.fetch.servers.FileServer files = new org.alos2ingest.fetch.servers.FileServer("127.0.0.1")) {
            assertEquals(0, run("subscribe", "add", "--name", "l11", "--bbox", CHILE, "--level", "1.1",
                    "--webhook", receiver.url("/l11").toString(), "--secret-file", secretFile.toString()).code());
            assertEquals(0, run("subscribe", "add", "--name", "l15", "--bbox", CHILE, "--level", "1.5",
                    "--webhook", receiver.url("/l15").toString(), "--secret-file", secretFile.toString()).code());

            // scan: an archive folder of Level 1.1 files, cataloged in place
            var spec = org.alos2ingest.sample.ceos.CeosSampleSpec.generic(org.alos2ingest.identify.ObservationMode.FBD,
                    org.alos2ingest.geo.LookSide.RIGHT, org.alos2ingest.geo.OrbitDirection.ASCENDING, new org.alos2ingest.geo.LonLat(-70.2, -27.2),
                    java.time.LocalDateTime.of(2017, 2, 9, 5, 11, 3), 14668, 6640).withWidth(160).withSparse(true);
            Path folder = tmp.resolve("archive").resolve("P032").resolve("F6640");
            new org.alos2ingest.sample.ceos.CeosSampleProduct(spec).write(folder, org.alos2ingest.util.Progress.silent());
            CliRun scan = run("scan", tmp.resolve("archive").toString());
            assertEquals(0, scan.code(), scan.toString());
            assertTrue(WebhookReceiver.await(5, () -> receiver.receivedAt("/l11").size() == 1), receiver.received().toString());
            assertEquals(spec.name().text() + "-md", receiver.receivedAt("/l11").get(0).item().path("id").asText());

            // hysds-run: the job's products are notified through the home's subscriptions
            files.serve("/x/" + Samples.deliveryName(A), Samples.delivery(A), "application/zip", null);
            Path job = Files.createDirectories(tmp.resolve("job"));
            Files.writeString(job.resolve("_context.json"), "{\"download_url\": \"" + files.base() + "/x/" + Samples.deliveryName(A) + "\"}");
            CliRun pge = run("hysds-run", "ingest_alos2_downloadurl", "--work-dir", job.toString(), "--no-tiles");
            assertEquals(0, pge.code(), pge.toString());
            assertTrue(WebhookReceiver.await(5, () -> receiver.receivedAt("/l15").size() == 1), receiver.received().toString());
            assertEquals(A, receiver.receivedAt("/l15").get(0).item().path("id").asText());
            assertEquals(2, receiver.received().size(), "each to its own subscription only");
            assertTrue(receiver.received().stream().allMatch(WebhookReceiver.Delivery::signatureValid));
        }
    }

    private static StacServer.Options options() {
        return new StacServer.Options("127.0.0.1", 0, null, List.of(), null, Duration.ofSeconds(1));
    }

    private static HttpRequest post(URI base, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/subscriptions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private static void assertError(HttpResponse<String> r, int status, String code) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        assertEquals(code, Json.MAPPER.readTree(r.body()).path("code").asText(), r.body());
    }
}
