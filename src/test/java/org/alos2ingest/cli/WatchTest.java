package org.alos2ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.catalog.StateTable;
import org.alos2ingest.fetch.Samples;
import org.alos2ingest.fetch.servers.Auig2Server;
import org.alos2ingest.fetch.servers.FileServer;
import org.alos2ingest.fetch.servers.LocalServer;
import org.alos2ingest.fetch.servers.SentinelAsiaServer;
import org.alos2ingest.fetch.servers.SentinelAsiaServer.Eor;
import org.alos2ingest.fetch.servers.SentinelAsiaServer.SaFile;
import org.alos2ingest.jobs.JobSpec;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.RabbitMq;
import org.alos2ingest.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch --once} rounds against local servers that speak Sentinel Asia, AUIG2, WebDAV and a
 * plain HTML index, publishing new files between rounds: each new file is ingested once, files seen
 * before are not fetched again, a failed file is retried after its wait and given up on loudly, and
 * with a broker the jobs go onto the queue instead. No password appears in the output or the home.
 */
class WatchTest {

    static final String A = "ALOS2146686640-170209-FBDR1.5GUA";
    static final String B = "ALOS2146686650-170209-FBDR1.5GUA";
    static final String C = "ALOS2146686660-170209-FBDR1.5GUA";
    static final String D = "ALOS2146686670-170209-FBDR1.5GUA";
    static final String E = "ALOS2146686680-170209-FBDR1.5GUA";
    static final String F = "ALOS2146686690-170209-FBDR1.5GUA";
    static final String G = "ALOS2146686700-170209-FBDR1.5GUA";
    static final String H = "ALOS2146686710-170209-FBDR1.5GUA";
    static final String SA_PASSWORD = "SentAsia-Pw-W4tch!1";
    static final String AUIG2_PASSWORD = "Auig2-Pw-W4tch#2";
    static final String DAV_PASSWORD = "Dav-Pw-W4tch%3";
    static final String EOR = "ERAHAC000042";

    @TempDir
    Path tmp;
    Path home;
    final List<LocalServer> servers = new ArrayList<>();
    final List<String> outputs = new ArrayList<>();
    final List<String> secrets = new ArrayList<>(List.of(SA_PASSWORD, AUIG2_PASSWORD, DAV_PASSWORD));

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(tmp.resolve("sa.pw"), SA_PASSWORD + "\n");
        Files.writeString(tmp.resolve("auig2.pw"), AUIG2_PASSWORD + "\n");
        Files.writeString(tmp.resolve("netrc"), "machine localhost login dave password " + DAV_PASSWORD + "\n");
    }

    @AfterEach
    void tearDown() throws IOException {
        servers.forEach(LocalServer::close);
        boolean wroteFiles;
        try (java.util.stream.Stream<Path> s = Files.walk(home)) {
            wroteFiles = s.anyMatch(Files::isRegularFile);
        }
        SecretScan.assertAbsent(secrets, outputs, wroteFiles ? List.of(home) : List.of());
    }

    <T extends LocalServer> T started(T s) {
        servers.add(s);
        return s;
    }

    CliRun watch(String... args) {
        List<String> all = new ArrayList<>(List.of("watch", "--once", "--home", home.toString(), "--no-tiles", "--netrc", tmp.resolve("netrc").toString(),
                "--retries", "0", "--job-retry", "1s"));
        all.addAll(List.of(args));
        CliRun r = CliRun.run(all.toArray(String[]::new));
        outputs.add(r.out());
        outputs.add(r.err());
        return r;
    }

    static String today() {
        return LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("dd/MMM/yyyy", Locale.ENGLISH));
    }

    static SaFile alos2(String dataId, String product) {
        return new SaFile(dataId, "ALOS(Data)", "ALOS-2 " + product.substring(0, 14), Samples.deliveryName(product), Samples.delivery(product));
    }

    static long count(String out, String word) {
        return out.lines().filter(l -> l.matches("\\S+Z " + word + " .*")).count();
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

    long cataloged() {
        try (SqliteCatalog c = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
            return c.count();
        }
    }

    @Test
    void eachNewFileOfEverySourceIsIngestedOnceRoundAfterRound() throws Exception {
        SentinelAsiaServer sa = started(new SentinelAsiaServer().account("sam", SA_PASSWORD));
        SaFile map = new SaFile("JPJXmap00001", "Map(Image)", "flood extent map", "flood_map.png", "png".getBytes(StandardCharsets.UTF_8));
        sa.eor(new Eor(EOR, today(), "Flood", "Japan", List.of(alos2("JPJXdata0001", A), map)));
        // an EOR observed long ago is outside the window: not even listed
        sa.eor(new Eor("ERAHAC000001", "16/Aug/2019", "Flood", "Japan", List.of(alos2("JPJXold00001", H))));
        Auig2Server auig2 = started(new Auig2Server().account("alice", AUIG2_PASSWORD)
                .order("0000148073", Samples.deliveryName(B), Samples.delivery(B)).preparing("0000148074"));
        FileServer dav = started(new FileServer("localhost").requireLogin("dave", DAV_PASSWORD).folder("/dav/incoming/", FileServer.Listing.WEBDAV));
        dav.serve("/dav/incoming/" + Samples.deliveryName(C), Samples.delivery(C), "application/zip", null);
        dav.serve("/dav/incoming/readme.txt", "not a delivery".getBytes(StandardCharsets.UTF_8), "text/plain", null);
        dav.serve("/dav/incoming/2019/" + Samples.deliveryName(H), Samples.delivery(H), "application/zip", null);
        FileServer web = started(new FileServer("127.0.0.1").folder("/pub/alos2/", FileServer.Listing.HTML));
        web.serve("/pub/alos2/" + Samples.deliveryName(D), Samples.delivery(D), "application/zip", null);

        String[] sources = {"--sentinel-asia", "--sentinel-asia-url", sa.serviceUrl().toString(), "--sentinel-asia-user", "sam",
                "--sentinel-asia-password-file", tmp.resolve("sa.pw").toString(), "--sentinel-asia-days", "7",
                "--auig2-url", auig2.base().toString(), "--auig2-user", "alice", "--auig2-password-file", tmp.resolve("auig2.pw").toString(),
                "--listing", dav.uri("/dav/incoming").toString(), "--listing", web.uri("/pub/alos2/").toString()};

        // round 1: one file of each source
        CliRun r1 = watch(sources);
        assertEquals(0, r1.code(), r1.toString());
        assertEquals(4, count(r1.out(), "new     "), r1.out());
        assertEquals(1, count(r1.out(), "skipped "), "the map, once: " + r1.out());
        assertEquals(4, count(r1.out(), "queued  "), r1.out());
        assertEquals(4, count(r1.out(), "ingested"), r1.out());
        for (String id : List.of(A, B, C, D)) {
            assertTrue(r1.out().contains(" ingested " + id + " -> file://"), id + ": " + r1.out());
        }
        assertTrue(r1.out().contains(" new      JPJXdata0001 (ALOS-2 ALOS2146686640) of EOR " + EOR + " from Sentinel Asia "), r1.out());
        assertTrue(r1.out().contains(" new      AUIG2 order 0000148073 of 2024/05/01 from AUIG2 orders of alice at "), r1.out());
        assertFalse(r1.out().contains("0000148074"), "an order still being prepared is not a file yet");
        assertFalse(r1.out().contains(H.substring(0, 21)), "nothing from an old EOR nor from a sub-folder");
        assertEquals(4, cataloged());
        try (SqliteCatalog c = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
            JsonNode met = c.get(A).orElseThrow().path("metadata");
            assertEquals(EOR, met.path("eor_id").asText(), "the EOR travels with the job into met.json");
        }

        // round 2: each source publishes one more file
        sa.eor(new Eor(EOR, today(), "Flood", "Japan", List.of(alos2("JPJXdata0001", A), map, alos2("JPJXdata0002", E))));
        auig2.order("0000148074", Samples.deliveryName(F), Samples.delivery(F));
        dav.serve("/dav/incoming/" + Samples.deliveryName(G), Samples.delivery(G), "application/zip", null);
        String webH = "/pub/alos2/" + "0000148099_001001_" + H.substring(0, 21) + ".zip";
        web.serve(webH, Samples.delivery(H), "application/zip", null);
        CliRun r2 = watch(sources);
        assertEquals(0, r2.code(), r2.toString());
        assertEquals(4, count(r2.out(), "new     "), r2.out());
        assertEquals(0, count(r2.out(), "skipped "), "the map was reported once, in round 1: " + r2.out());
        for (String id : List.of(E, F, G, H)) {
            assertTrue(r2.out().contains(" ingested " + id + " -> file://"), id + ": " + r2.out());
        }
        for (String id : List.of(A, B, C, D)) {
            assertFalse(r2.out().contains(id), "nothing of round 1 again: " + r2.out());
        }
        assertEquals(8, cataloged());

        // round 3: nothing new, nothing fetched
        int saGets = sa.seen("GET", SentinelAsiaServer.DOWNLOAD).size();
        int davGets = dav.seen().stream().filter(s -> s.method().equals("GET") && s.path().endsWith(".zip")).toList().size();
        CliRun r3 = watch(sources);
        assertEquals(0, r3.code(), r3.toString());
        assertEquals(0, count(r3.out(), "new     ") + count(r3.out(), "queued  "), r3.out());
        assertEquals(saGets, sa.seen("GET", SentinelAsiaServer.DOWNLOAD).size());
        assertEquals(davGets, dav.seen().stream().filter(s -> s.method().equals("GET") && s.path().endsWith(".zip")).toList().size());

        // every file downloaded exactly once over the three rounds
        assertEquals(2, saGets);
        assertEquals(2, davGets);
        assertEquals(2, auig2.seen("GET", Auig2Server.DOWNLOAD).size());
        assertEquals(1, web.seen("GET", webH).size());
        assertTrue(dav.seen().stream().anyMatch(s -> s.method().equals("PROPFIND") && "1".equals(s.header("Depth"))), "WebDAV was asked with PROPFIND");
        Map<String, String> ledger = ledger();
        assertEquals(8, ledger.values().stream().filter("done"::equals).count(), ledger.toString());
        assertEquals("skipped", ledger.get("JPJXmap00001 (flood extent map) of EOR " + EOR), ledger.toString());
    }

    @Test
    void aFailedFileIsRetriedAfterItsWaitAndGivenUpOnLoudly() throws Exception {
        FileServer web = started(new FileServer("127.0.0.1").folder("/pub/", FileServer.Listing.HTML));
        String broken = "/pub/" + Samples.deliveryName(A);
        String hopeless = "/pub/" + Samples.deliveryName(B);
        byte[] zip = Samples.delivery(A);
        web.serve(broken, java.util.Arrays.copyOf(zip, zip.length / 2), "application/zip", null);
        web.serve(hopeless, "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1), "application/zip", null);
        String[] args = {"--listing", web.uri("/pub/").toString(), "--max-attempts", "2"};

        CliRun r1 = watch(args);
        assertEquals(1, r1.code(), "a failed job fails the round: " + r1);
        assertEquals(2, count(r1.out(), "failed  "), r1.out());
        assertTrue(r1.out().lines().anyMatch(l -> l.contains(" failed   ingest-url-" + Samples.deliveryName(A)) && l.endsWith("; attempt 2 in 1s")), r1.out());

        // the file is put right on the server; its retry is due after 1 s
        web.serve(broken, zip, "application/zip", null);
        Thread.sleep(1100);
        CliRun r2 = watch(args);
        assertEquals(1, r2.code(), "the hopeless one failed again: " + r2);
        assertTrue(r2.out().contains(" ingested " + A + " -> "), r2.out());
        assertTrue(r2.out().lines().anyMatch(l -> l.contains(" gave-up  ingest-url-" + Samples.deliveryName(B) + " after 2 attempt(s): ")), r2.out());
        assertTrue(r2.out().contains("(in this process, 2 at a time, attempt 2)"), r2.out());
        Map<String, String> ledger = ledger();
        assertEquals("done", ledger.get(Samples.deliveryName(A)));
        assertEquals("gave-up", ledger.get(Samples.deliveryName(B)), "kept, with its error, never dropped");

        Thread.sleep(1100);
        CliRun r3 = watch(args);
        assertEquals(0, r3.code(), r3.toString());
        assertEquals(0, count(r3.out(), "queued  "), "given up is given up: " + r3.out());
    }

    @Test
    @ExtendWith(RabbitMq.class)
    void withABrokerEachNewFileIsOneJobOnTheQueue(RabbitMq.Broker broker) throws Exception {
        secrets.add(broker.password());
        Files.writeString(tmp.resolve("broker.pw"), broker.password() + "\n");
        String queue = "watch-" + UUID.randomUUID();
        FileServer dav = started(new FileServer("localhost").requireLogin("dave", DAV_PASSWORD).folder("/dav/", FileServer.Listing.WEBDAV));
        dav.serve("/dav/" + Samples.deliveryName(A), Samples.delivery(A), "application/zip", null);
        dav.serve("/dav/" + Samples.deliveryName(B), Samples.delivery(B), "application/zip", null);
        String[] args = {"--listing", dav.uri("/dav/").toString(), "--broker", broker.uri(), "--broker-password-file", tmp.resolve("broker.pw").toString(),
                "--queue", queue};

        CliRun r1 = watch(args);
        assertEquals(0, r1.code(), r1.toString());
        assertEquals(2, count(r1.out(), "queued  "), r1.out());
        assertTrue(r1.out().contains("(on queue " + queue + " at " + broker.uri() + ")"), r1.out());
        assertEquals(0, cataloged(), "workers ingest, not the watch");
        assertEquals(0, dav.seen().stream().filter(s -> s.method().equals("GET")).count(), "nothing downloaded here");
        // a worker takes them; what it catalogs is notified as any ingest is
        try (WebhookReceiver receiver = new WebhookReceiver("whsec-worker-4Rt8Yu2Io6Pa")) {
            Files.writeString(tmp.resolve("hook.secret"), "whsec-worker-4Rt8Yu2Io6Pa\n");
            assertEquals(0, CliRun.run("subscribe", "add", "--home", home.toString(), "--name", "all", "--bbox", "-180,-90,180,90",
                    "--webhook", receiver.url("/w").toString(), "--secret-file", tmp.resolve("hook.secret").toString()).code());
            CliRun worker = CliRun.run("worker", "--home", home.toString(), "--queue", queue, "--broker", broker.uri(), "--broker-password-file",
                    tmp.resolve("broker.pw").toString(), "--netrc", tmp.resolve("netrc").toString(), "--no-tiles", "--max-jobs", "2",
                    "--exit-when-idle", "10");
            outputs.add(worker.out());
            outputs.add(worker.err());
            assertEquals(0, worker.code(), worker.toString());
            assertEquals(2, cataloged());
            assertTrue(WebhookReceiver.await(5, () -> receiver.received().size() == 2), receiver.received().toString());
            assertEquals(List.of(A, B), receiver.received().stream().map(d -> d.item().path("id").asText()).sorted().toList());
        }

        dav.serve("/dav/" + Samples.deliveryName(C), Samples.delivery(C), "application/zip", null);
        CliRun r2 = watch(args);
        assertEquals(1, count(r2.out(), "queued  "), r2.out());

        List<JobSpec> jobs = new ArrayList<>();
        try (Connection c = broker.connect(); Channel ch = c.createChannel()) {
            for (GetResponse g; (g = ch.basicGet(queue, true)) != null; ) {
                String body = new String(g.getBody(), StandardCharsets.UTF_8);
                assertFalse(body.contains(DAV_PASSWORD) || body.contains("dave:"), body);
                jobs.add(JobSpec.fromJson(body));
            }
        }
        assertEquals(List.of("url"), jobs.stream().map(JobSpec::type).toList());
        assertEquals(List.of(dav.uri("/dav/" + Samples.deliveryName(C)).toString()), jobs.stream().map(j -> j.params().get("url")).toList());
        assertEquals(3, ledger().values().stream().filter("queued"::equals).count(), ledger().toString());
    }

    @Test
    void usageMistakesAreOneLineAndExitCode2() {
        String[][] cases = {
                {},
                {"--listing", "ftp://example.org/x/"},
                {"--listing", "http://dave:pw@example.org/x/"},
                {"--listing", "http://example.org/x/", "--every", "5x"},
                {"--listing", "http://example.org/x/", "--every", "0s"},
                {"--sentinel-asia-days", "3"},
                {"--sentinel-asia", "--sentinel-asia-days", "many"},
                {"--listing", "http://example.org/x/", "--parallel", "0"},
        };
        String[] named = {"nothing to watch", "--listing", "--listing", "--every", "--every", "--sentinel-asia-days", "--sentinel-asia-days", "--parallel"};
        for (int i = 0; i < cases.length; i++) {
            CliRun r = watch(cases[i]);
            assertEquals(2, r.code(), r.toString());
            String first = r.err().lines().findFirst().orElse("");
            assertTrue(first.contains(named[i]), "case " + i + ": " + r.err());
        }
        assertTrue(watch().err().contains("--sentinel-asia, --auig2-user USER, --listing URL"));
        assertFalse(String.join("", outputs).contains(":pw@"), "a URL's login is never echoed");
    }
}
