package org.alos2ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.catalog.StateTable;
import org.alos2ingest.fetch.Samples;
import org.alos2ingest.fetch.servers.Auig2Server;
import org.alos2ingest.fetch.servers.FileServer;
import org.alos2ingest.fetch.servers.LocalServer;
import org.alos2ingest.fetch.servers.SentinelAsiaServer;
import org.alos2ingest.fetch.servers.SentinelAsiaServer.Eor;
import org.alos2ingest.testing.ChildCli;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch} as a service, in a JVM of its own polling every second: killed with SIGKILL in the
 * middle of a job and started again, it repeats nothing and misses nothing (the interrupted job runs
 * again, the notifications owed are delivered); files published while it runs are ingested and
 * notified within seconds; a portal that is down is retried with a growing wait while the other
 * sources keep being polled; SIGTERM ends it cleanly.
 */
class WatchServiceTest {

    static final String A = "ALOS2146686640-170209-FBDR1.5GUA";
    static final String B = "ALOS2146686650-170209-FBDR1.5GUA";
    static final String C = "ALOS2146686660-170209-FBDR1.5GUA";
    static final String E = "ALOS2146686680-170209-FBDR1.5GUA";
    static final String G = "ALOS2146686700-170209-FBDR1.5GUA";
    static final String SA_PASSWORD = "SentAsia-Pw-Svc!7";
    static final String AUIG2_PASSWORD = "Auig2-Pw-Svc#8";
    static final String DAV_PASSWORD = "Dav-Pw-Svc%9";
    static final String SECRET = "whsec-service-6Tn2Bq9Xr4Kd";
    static final String EOR = "ERAHAC000077";

    @TempDir
    Path tmp;
    Path home;
    final List<LocalServer> servers = new ArrayList<>();
    final List<ChildCli> children = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(tmp.resolve("sa.pw"), SA_PASSWORD + "\n");
        Files.writeString(tmp.resolve("auig2.pw"), AUIG2_PASSWORD + "\n");
        Files.writeString(tmp.resolve("secret"), SECRET + "\n");
        Files.writeString(tmp.resolve("netrc"), "machine localhost login dave password " + DAV_PASSWORD + "\n");
        Files.writeString(home.resolve("settings.json"), "{\"NOTIFY_RETRY_FIRST\": \"1s\", \"NOTIFY_RETRY_MAX\": \"2s\", \"NOTIFY_POLL\": \"1s\","
                + " \"NOTIFY_TIMEOUT\": \"3s\", \"NOTIFY_FLUSH\": \"2s\"}");
    }

    @AfterEach
    void tearDown() throws IOException, InterruptedException {
        for (ChildCli c : children) {
            if (c.process().isAlive()) {
                c.kill();
            }
        }
        servers.forEach(LocalServer::close);
        List<String> logs = children.stream().map(ChildCli::output).toList();
        SecretScan.assertAbsent(List.of(SA_PASSWORD, AUIG2_PASSWORD, DAV_PASSWORD, SECRET), logs, List.of(home.resolve("published")));
        // the catalog keeps the webhook's secret (it signs with it), and no password
        SecretScan.assertAbsent(List.of(SA_PASSWORD, AUIG2_PASSWORD, DAV_PASSWORD), List.of(), List.of(home.resolve("catalog.sqlite")));
    }

    <T extends LocalServer> T started(T s) {
        servers.add(s);
        return s;
    }

    ChildCli watch(String name, String... sources) throws IOException {
        List<String> args = new ArrayList<>(List.of("watch", "--every", "1s", "--home", home.toString(), "--no-tiles", "--netrc",
                tmp.resolve("netrc").toString(), "--retries", "0", "--job-retry", "1s", "--shutdown-grace", "5s"));
        args.addAll(List.of(sources));
        ChildCli c = ChildCli.start(tmp.resolve(name + ".log"), Map.of(), args.toArray(String[]::new));
        children.add(c);
        return c;
    }

    String[] saArgs(SentinelAsiaServer sa) {
        return new String[] {"--sentinel-asia", "--sentinel-asia-url", sa.serviceUrl().toString(), "--sentinel-asia-user", "sam",
                "--sentinel-asia-password-file", tmp.resolve("sa.pw").toString()};
    }

    static String[] concat(String[] a, String... b) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(b));
        return l.toArray(String[]::new);
    }

    static long lines(List<ChildCli> runs, String word, String text) {
        return runs.stream().flatMap(c -> c.lines().stream()).filter(l -> l.matches("\\S+Z " + word + " +.*") && l.contains(text)).count();
    }

    Map<String, String> ledger() {
        try (SqliteCatalog c = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
            Map<String, String> m = new TreeMap<>();
            for (StateTable.Row r : c.state("watch").list(null)) {
                m.put(r.value().path("subject").asText(), r.state());
            }
            return m;
        }
    }

    @Test
    void killedInTheMiddleOfAJobAndRestartedItRepeatsNothingAndMissesNothing() throws Exception {
        SentinelAsiaServer sa = started(new SentinelAsiaServer().account("sam", SA_PASSWORD));
        sa.eor(new Eor(EOR, WatchTest.today(), "Earthquake", "Chile", List.of(WatchTest.alos2("JPJXsvc00001", A))));
        FileServer dav = started(new FileServer("localhost").requireLogin("dave", DAV_PASSWORD).folder("/dav/", FileServer.Listing.WEBDAV));
        String cPath = "/dav/" + Samples.deliveryName(C);
        // the first download of C stops after 8 KiB for a minute: the job is still running when the watch is killed
        dav.serve(cPath, Samples.delivery(C), "application/zip", null).fault(cPath, new FileServer.Fault.Stall(8192, 60_000));
        String[] sources = concat(saArgs(sa), "--listing", dav.uri("/dav/").toString());
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            assertEquals(0, CliRun.run("subscribe", "add", "--home", home.toString(), "--name", "chile", "--bbox", "-71,-28,-69,-26",
                    "--webhook", receiver.url("/hook").toString(), "--secret-file", tmp.resolve("secret").toString()).code());
            receiver.stop();

            ChildCli first = watch("first", sources);
            first.awaitLine(60, "A ingested", l -> l.contains(" ingested " + A));
            first.awaitLine(30, "C's job under way", l -> l.contains(" queued   ingest-url-" + Samples.deliveryName(C)));
            assertTrue(WebhookReceiver.await(20, () -> dav.seen("GET", cPath).size() == 1), "C's download began");
            assertEquals(137, first.kill(), "SIGKILL between the poll and the job's end");
            assertEquals("running", ledger().get(Samples.deliveryName(C)), "the ledger says C's job never ended: " + ledger());
            try (SqliteCatalog c = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
                assertTrue(c.contains(A));
                assertFalse(c.contains(C));
            }
            assertEquals(0, receiver.received().size());

            receiver.restart();
            ChildCli second = watch("second", sources);
            second.awaitLine(30, "C resumed", l -> l.contains(" resumed  ingest-url-" + Samples.deliveryName(C)));
            second.awaitLine(60, "C ingested", l -> l.contains(" ingested " + C));
            // A's notification was owed when the first watch died, perhaps in the middle of an attempt whose
            // lease (connect + timeout + 15 s, 28 s here) must run out first: the second watch then delivers it
            assertTrue(WebhookReceiver.await(60, () -> receiver.received().size() == 2), "A and C notified: " + receiver.received());

            // files published while it runs: measured from publication to the catalog and to the webhook
            Instant published = Instant.now();
            sa.eor(new Eor(EOR, WatchTest.today(), "Earthquake", "Chile", List.of(WatchTest.alos2("JPJXsvc00001", A), WatchTest.alos2("JPJXsvc00002", E))));
            dav.serve("/dav/" + Samples.deliveryName(G), Samples.delivery(G), "application/zip", null);
            second.awaitLine(60, "E ingested", l -> l.contains(" ingested " + E));
            second.awaitLine(60, "G ingested", l -> l.contains(" ingested " + G));
            assertTrue(WebhookReceiver.await(20, () -> receiver.received().size() == 4), receiver.received().toString());
            Instant lastIngested = Instant.now();
            for (String id : List.of(E, G)) {
                Instant at = receiver.received().stream().filter(d -> d.item().path("id").asText().equals(id)).findFirst().orElseThrow().at();
                System.out.printf("%s: published -> notified in %.2f s%n", id, Duration.between(published, at).toMillis() / 1000.0);
                assertTrue(Duration.between(published, at).toSeconds() < 20, id + " within seconds of its publication");
            }
            System.out.printf("published -> both ingested (seen in the log) within %.2f s%n", Duration.between(published, lastIngested).toMillis() / 1000.0);

            assertTrue(List.of(143, 0).contains(second.terminate(30)), "SIGTERM ends it");
            assertTrue(second.lines().get(second.lines().size() - 1).contains(" stopped "), second.output());

            List<ChildCli> both = List.of(first, second);
            for (String id : List.of(A, C, E, G)) {
                assertEquals(1, lines(both, "ingested", id), id + " ingested once over both runs");
            }
            assertEquals(1, lines(both, "new", "JPJXsvc00001"), "A seen as new once");
            assertEquals(1, lines(both, "new", Samples.deliveryName(C)), "C seen as new once");
            assertEquals(0, lines(List.of(second), "new", "JPJXsvc00001"));
            assertEquals(1, sa.seen("GET", SentinelAsiaServer.DOWNLOAD).stream().filter(s -> s.pathAndQuery().endsWith("JPJXsvc00001")).count(),
                    "A downloaded once");
            assertEquals(4, receiver.received().size(), "each dataset notified once");
            assertTrue(receiver.received().stream().allMatch(WebhookReceiver.Delivery::signatureValid));
            assertEquals(List.of(A, C, E, G), receiver.received().stream().map(d -> d.item().path("id").asText()).sorted().toList());
            try (SqliteCatalog c = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
                assertEquals(4, c.count());
            }
            assertTrue(ledger().values().stream().allMatch("done"::equals), ledger().toString());
        }
    }

    @Test
    void aPortalDownForTwoPollsIsRetriedWithAGrowingWaitWhileTheOthersGoOn() throws Exception {
        SentinelAsiaServer sa = started(new SentinelAsiaServer().account("sam", SA_PASSWORD));
        sa.eor(new Eor(EOR, WatchTest.today(), "Flood", "Chile", List.of(WatchTest.alos2("JPJXsvc00011", A))));
        sa.unavailable(true);
        Auig2Server auig2 = started(new Auig2Server().account("alice", AUIG2_PASSWORD).order("0000148073", Samples.deliveryName(B), Samples.delivery(B)));
        FileServer dav = started(new FileServer("localhost").requireLogin("dave", DAV_PASSWORD).folder("/dav/", FileServer.Listing.WEBDAV));
        dav.serve("/dav/" + Samples.deliveryName(C), Samples.delivery(C), "application/zip", null);
        ChildCli w = watch("outage", concat(saArgs(sa), "--auig2-url", auig2.base().toString(), "--auig2-user", "alice",
                "--auig2-password-file", tmp.resolve("auig2.pw").toString(), "--listing", dav.uri("/dav/").toString()));

        w.awaitLine(60, "the first failed poll", l -> l.contains(" failed   poll of Sentinel Asia ") && l.endsWith("polled again in 1s"));
        w.awaitLine(30, "the second failed poll", l -> l.contains(" failed   poll of Sentinel Asia ") && l.endsWith("polled again in 2s (2 failures in a row)"));
        int auig2Polls = auig2.seen("GET", Auig2Server.ORDER_LIST).size();
        w.awaitLine(60, "B ingested while Sentinel Asia is down", l -> l.contains(" ingested " + B));
        w.awaitLine(60, "C ingested while Sentinel Asia is down", l -> l.contains(" ingested " + C));
        // a new file on another source during the outage is not held up either
        dav.serve("/dav/" + Samples.deliveryName(G), Samples.delivery(G), "application/zip", null);
        w.awaitLine(30, "G ingested while Sentinel Asia is down", l -> l.contains(" ingested " + G));
        assertTrue(w.output().contains("HTTP 503"), "the failure says what the portal answered: " + w.output());

        sa.unavailable(false);
        Instant back = Instant.now();
        w.awaitLine(30, "Sentinel Asia polled again", l -> l.contains(" polled   Sentinel Asia ") && l.contains(" again after "));
        w.awaitLine(60, "A ingested once the portal is back", l -> l.contains(" ingested " + A));
        System.out.printf("portal back -> its file ingested in %.2f s%n", Duration.between(back, Instant.now()).toMillis() / 1000.0);
        assertTrue(auig2.seen("GET", Auig2Server.ORDER_LIST).size() > auig2Polls, "AUIG2 kept being polled during the outage");
        long failedPolls = w.lines().stream().filter(l -> l.contains(" failed   poll of Sentinel Asia ")).count();
        assertTrue(failedPolls >= 2, w.output());
        assertFalse(w.lines().stream().anyMatch(l -> l.contains(" failed   poll of AUIG2") || l.contains(" failed   poll of folder")), w.output());
        assertTrue(List.of(143, 0).contains(w.terminate(30)));
        for (String id : List.of(A, B, C, G)) {
            assertEquals(1, lines(List.of(w), "ingested", id), id);
        }
    }
}
