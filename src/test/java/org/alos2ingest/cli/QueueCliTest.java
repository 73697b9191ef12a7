package org.alos2ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.fetch.Samples;
import org.alos2ingest.fetch.servers.SentinelAsiaServer;
import org.alos2ingest.fetch.servers.SentinelAsiaServer.Eor;
import org.alos2ingest.fetch.servers.SentinelAsiaServer.SaFile;
import org.alos2ingest.jobs.JobSpec;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.RabbitMq;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue from the command line: a Sentinel Asia EOR fanned out onto the broker by {@code ingest}
 * (the submitter waits for nothing), then run by {@code worker}; what {@code submit} puts on the
 * queue and what it refuses; and no password (portal or broker) anywhere in the output or files.
 */
@ExtendWith(RabbitMq.class)
class QueueCliTest {

    static final String A = "ALOS2146686640-170209-FBDR1.5GUA";
    static final String B = "ALOS2146686650-170209-FBDR1.5GUA";
    static final String SA_PASSWORD = "SentAsia-Pw-5t%Q!x";

    @TempDir
    Path tmp;
    Path home;
    final List<String> outputs = new ArrayList<>();
    RabbitMq.Broker broker;
    String queue;

    @BeforeEach
    void setUp(RabbitMq.Broker b) throws IOException {
        broker = b;
        home = tmp.resolve("home");
        queue = "cli-" + UUID.randomUUID();
        Files.writeString(tmp.resolve("sa.pw"), SA_PASSWORD + "\n");
        Files.writeString(tmp.resolve("broker.pw"), b.password() + "\n");
        // the worker finds the broker login in .netrc instead of a password file
        Files.writeString(tmp.resolve("netrc"), "machine localhost login " + RabbitMq.Broker.USER + " password " + b.password() + "\n");
    }

    @AfterEach
    void noSecrets() throws IOException {
        boolean wroteFiles;
        try (java.util.stream.Stream<Path> s = Files.walk(home)) {
            wroteFiles = s.anyMatch(Files::isRegularFile);
        }
        // submit writes no file; the worker test leaves a catalog, product folders and work files to scan
        SecretScan.assertAbsent(List.of(SA_PASSWORD, broker.password()), outputs, wroteFiles ? List.of(home) : List.of());
    }

    CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args[0], "--home", home.toString()));
        all.addAll(List.of(args).subList(1, args.length));
        CliRun r = CliRun.run(all.toArray(String[]::new));
        outputs.add(r.out());
        outputs.add(r.err());
        return r;
    }

    static SaFile zipFile(String dataId, String product) {
        return new SaFile(dataId, "ALOS(Data)", "ALOS-2 " + product, Samples.deliveryName(product), Samples.delivery(product));
    }

    @Test
    void anEorFansOutOntoTheBrokerAndAWorkerIngestsEachFile() throws Exception {
        try (SentinelAsiaServer sa = new SentinelAsiaServer().account("bob", SA_PASSWORD)
                .eor(new Eor("ERAHAC000007", "16/Aug/2019", "Flood", "Japan", List.of(
                        zipFile("JPJXisis0001201908160001", A),
                        zipFile("JPJXisis0001201908160002", B),
                        new SaFile("JPJXisis0001201908160004", "Map(Image)", "flood extent map", "flood_map.png", "png".getBytes()))))) {
            String[] login = {"--sentinel-asia-url", sa.serviceUrl().toString(), "--sentinel-asia-user", "bob",
                    "--sentinel-asia-password-file", tmp.resolve("sa.pw").toString()};
            List<String> args = new ArrayList<>(List.of("ingest", "--sentinel-asia", "--eor-id", "ERAHAC000007", "--queue", queue,
                    "--broker", broker.uri(), "--broker-password-file", tmp.resolve("broker.pw").toString()));
            args.addAll(List.of(login));
            CliRun r = run(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().contains("queued   ingest-sentinel-asia-JPJXisis0001201908160001: on queue " + queue + " at " + broker.uri()), r.out());
            assertTrue(r.out().contains("queued   ingest-sentinel-asia-JPJXisis0001201908160002: on queue "), r.out());
            assertTrue(r.out().contains("skipped  JPJXisis0001201908160004 (flood extent map): "), r.out());
            assertTrue(r.out().contains("0 ingested, 1 skipped, 0 failed, 2 queued"), r.out());
            try (SqliteCatalog c = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
                assertEquals(0, c.count(), "the submitter runs nothing itself");
            }
            assertEquals(0, sa.seen("GET", SentinelAsiaServer.DOWNLOAD).size());

            args = new ArrayList<>(List.of("worker", "--queue", queue, "--broker", broker.uri(), "--netrc", tmp.resolve("netrc").toString(),
                    "--max-jobs", "2", "--exit-when-idle", "20", "--sentinel-asia-user", "bob",
                    "--sentinel-asia-password-file", tmp.resolve("sa.pw").toString()));
            CliRun w = run(args.toArray(String[]::new));
            assertEquals(0, w.code(), w.toString());
            assertTrue(w.out().contains("job ingest-sentinel-asia-JPJXisis0001201908160001: ingested " + A + " -> file://"), w.out());
            assertTrue(w.out().contains("stopped: 2 done, 0 retried, 0 dead-lettered, 0 put back"), w.out());
            try (SqliteCatalog c = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
                assertEquals(2, c.count());
                JsonNode met = c.get(B).orElseThrow().path("metadata");
                assertEquals("ERAHAC000007", met.path("eor_id").asText(), "the EOR's fields travel with the job");
                assertEquals("Flood", met.path("eor_type").asText());
                assertEquals("JPJXisis0001201908160002", met.path("data_id").asText());
            }
        }
    }

    @Test
    void submitQueuesPlainJobsAndRefusesWhatWouldFailOrLeakAPassword() throws Exception {
        Path zip = Files.createDirectories(tmp.resolve("in")).resolve("0000148073_001001_ALOS2146686640-170209.zip");
        Files.write(zip, Samples.delivery(A));
        String[] broker = {"--broker", this.broker.uri(), "--broker-password-file", tmp.resolve("broker.pw").toString(), "--queue", queue};
        CliRun r = run(cat(new String[] {"submit", "https://dav.example.org/alos2/x.zip", zip.toString()}, broker));
        assertEquals(0, r.code(), r.toString());
        r = run(cat(new String[] {"submit", "--auig2-order", "0000148073", "--auig2-user", "alice"}, broker));
        assertEquals(0, r.code(), r.toString());
        r = run(cat(new String[] {"submit", "--sentinel-asia", "--data-id", "JPJXisis0001201908160001"}, broker));
        assertEquals(0, r.code(), r.toString());
        r = run(cat(new String[] {"submit", "--type", "path", "--param", "path=" + zip}, broker));
        assertEquals(0, r.code(), r.toString());
        List<String> jobs = new ArrayList<>();
        try (Connection c = this.broker.connect()) {
            Channel ch = c.createChannel();
            for (GetResponse g; (g = ch.basicGet(queue, true)) != null; ) {
                jobs.add(new String(g.getBody(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of(
                new JobSpec("url", "ingest-url-x.zip", java.util.Map.of("url", "https://dav.example.org/alos2/x.zip")).toJson(),
                new JobSpec("path", "ingest-path-" + zip.getFileName(), java.util.Map.of("path", zip.toString())).toJson(),
                "{\"type\":\"auig2\",\"name\":\"ingest-auig2-0000148073\",\"params\":{\"auig2_orderid\":\"0000148073\",\"auig2_username\":\"alice\","
                        + "\"base_url\":\"https://auig2.jaxa.jp\"}}",
                "{\"type\":\"sentinel-asia\",\"name\":\"ingest-sentinel-asia-JPJXisis0001201908160001\",\"params\":{\"base_url\":"
                        + "\"https://sentinel.tksc.jaxa.jp/sentinel2\",\"data_id\":\"JPJXisis0001201908160001\"}}",
                new JobSpec("path", JobSpec.nameOf("path", zip.toString()), java.util.Map.of("path", zip.toString())).toJson()), jobs);

        CliRun bad = run(cat(new String[] {"submit", "https://dave:Dav-Pw-1@dav.example.org/x.zip"}, broker));
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("a queued job never carries credentials"), bad.err());
        outputs.remove(outputs.size() - 1);
        outputs.remove(outputs.size() - 1);
        assertTrue(!bad.out().contains("Dav-Pw-1") && !bad.err().contains("Dav-Pw-1"), bad.toString());
        bad = run(cat(new String[] {"submit", "--type", "archive-grup", "--param", "dir=/x"}, broker));
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--type: archive-grup is not a job type; one of archive-group, auig2, path, sentinel-asia, url"), bad.err());
        bad = run(cat(new String[] {"submit", tmp.resolve("missing.zip").toString()}, broker));
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("missing.zip does not exist"), bad.err());
        bad = run("submit", "--queue", queue, zip.toString());
        assertEquals(2, bad.code(), "no broker configured in this test's environment");
        assertTrue(bad.err().contains("no broker: give --broker"), bad.err());
        bad = run(cat(new String[] {"submit", "--sentinel-asia", "--data-id", "x'; DROP"}, broker));
        assertEquals(2, bad.code(), bad.toString());
        bad = run("submit", "--broker", "amqp://alos2test:" + this.broker.password() + "@localhost:" + this.broker.port() + "/", zip.toString());
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("a broker URI must not hold a password"), bad.err());

        try (Connection c = this.broker.connect()) {
            assertEquals(0, c.createChannel().queueDeclarePassive(queue).getMessageCount(), "nothing refused was queued");
        }
    }

    static String[] cat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
