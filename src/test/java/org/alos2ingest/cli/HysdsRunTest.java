package org.alos2ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.alos2ingest.config.Json;
import org.alos2ingest.fetch.Samples;
import org.alos2ingest.fetch.servers.Auig2Server;
import org.alos2ingest.fetch.servers.FileServer;
import org.alos2ingest.fetch.servers.LocalServer;
import org.alos2ingest.fetch.servers.SentinelAsiaServer.Eor;
import org.alos2ingest.fetch.servers.SentinelAsiaServer.SaFile;
import org.alos2ingest.fetch.servers.SentinelAsiaServer;
import org.alos2ingest.jobs.JobSpec;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.RabbitMq;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hysds-run} as HySDS runs it: in a job's work folder holding {@code _context.json}, against
 * local servers speaking AUIG2, Sentinel Asia, a WebDAV-like file server and Mozart's job
 * submission API. A job leaves its product folders and nothing else (no catalog, no publish, no
 * work files); a failed job leaves {@code _alt_error.txt} and {@code _alt_traceback.txt} and exits 1;
 * an EOR fans out through Mozart, RabbitMQ, or this job itself.
 */
@ExtendWith(RabbitMq.class)
class HysdsRunTest {

    static final String A = "ALOS2146686640-170209-FBDR1.5GUA";
    static final String B = "ALOS2146686650-170209-FBDR1.5GUA";
    static final String AUIG2_PASSWORD = "Auig2-Pw-3q!Zx";
    static final String SA_PASSWORD = "SentAsia-Pw-8w&Lp";
    static final String URL_PASSWORD = "Dav-Pw-6n%Tr";
    static final String MOZART_PASSWORD = "Mozart-Pw-2c#Vb";

    @TempDir
    Path tmp;
    Path home;
    Path job;
    Path secrets;
    final List<LocalServer> servers = new ArrayList<>();
    final List<String> outputs = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        home = tmp.resolve("home");
        job = Files.createDirectories(tmp.resolve("job"));
        secrets = Files.createDirectories(tmp.resolve("secrets"));
        Files.writeString(secrets.resolve("auig2.pw"), AUIG2_PASSWORD + "\n");
        Files.writeString(secrets.resolve("sa.pw"), SA_PASSWORD + "\n");
        Files.writeString(secrets.resolve("netrc"), "machine 127.0.0.1 login dave password " + URL_PASSWORD + "\n"
                + "machine localhost login mozart-ops password " + MOZART_PASSWORD + "\n");
    }

    @AfterEach
    void tearDown() throws IOException {
        servers.forEach(LocalServer::close);
        SecretScan.assertAbsent(List.of(AUIG2_PASSWORD, SA_PASSWORD, URL_PASSWORD, MOZART_PASSWORD), outputs, List.of(job));
    }

    <T extends LocalServer> T started(T s) {
        servers.add(s);
        return s;
    }

    void context(String json) throws IOException {
        Files.writeString(job.resolve("_context.json"), json);
    }

    CliRun hysdsRun(String jobName, String... args) {
        List<String> all = new ArrayList<>(List.of("hysds-run", jobName, "--work-dir", job.toString(), "--home", home.toString(),
                "--netrc", secrets.resolve("netrc").toString(), "--retry-wait", "0.02"));
        all.addAll(List.of(args));
        CliRun r = CliRun.run(all.toArray(String[]::new));
        outputs.add(r.out());
        outputs.add(r.err());
        return r;
    }

    /** What the job left in its folder, besides the context HySDS put there. */
    Set<String> left() throws IOException {
        try (Stream<Path> s = Files.list(job)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("_context.json")).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    void assertProductFolder(String id) throws IOException {
        Path p = job.resolve(id);
        Set<String> files;
        try (Stream<Path> s = Files.list(p)) {
            files = s.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertTrue(files.containsAll(List.of(id + ".met.json", id + ".dataset.json", id + ".zip", "pge_metrics.json")), files.toString());
        JsonNode dataset = Json.read(p.resolve(id + ".dataset.json"));
        assertEquals(id, dataset.path("label").asText());
        assertEquals("v0.2.4", dataset.path("version").asText());
        assertEquals("Polygon", dataset.path("location").path("type").asText());
        assertEquals(Samples.delivery(id).length, Files.size(p.resolve(id + ".zip")), "the delivery zip of exactly this scene, moved as it was");
        assertFalse(Files.exists(home.resolve("catalog.sqlite")), "HySDS catalogs, not the PGE");
        assertFalse(Files.exists(home.resolve("published")), "HySDS publishes, not the PGE");
    }

    static SaFile zipFile(String dataId, String product) {
        return new SaFile(dataId, "ALOS(Data)", "ALOS-2 " + product, Samples.deliveryName(product), Samples.delivery(product));
    }

    SentinelAsiaServer sentinelAsia() throws IOException {
        return started(new SentinelAsiaServer().account("bob", SA_PASSWORD)
                .eor(new Eor("ERAHAC000007", "16/Aug/2019", "Flood", "Japan", List.of(
                        zipFile("JPJXisis0001201908160001", A),
                        zipFile("JPJXisis0001201908160002", B),
                        new SaFile("JPJXisis0001201908160004", "Map(Image)", "flood extent map", "flood_map.png", "png".getBytes())))));
    }

    String[] saLogin(SentinelAsiaServer s) {
        return new String[] {"--sentinel-asia-url", s.serviceUrl().toString(), "--sentinel-asia-user", "bob",
                "--sentinel-asia-password-file", secrets.resolve("sa.pw").toString()};
    }

    // ---------------------------------------------------------------- the three jobs

    @Test
    void auig2JobLeavesTheProductFolderForHysdsWithTheUserFromTheContext() throws IOException {
        Auig2Server s = started(new Auig2Server().account("alice", AUIG2_PASSWORD).order("0000148073", Samples.deliveryName(A), Samples.delivery(A)));
        context("{\"auig2_orderid\": \"0000148073\", \"auig2_username\": \"alice\", \"job_specification\": {\"job-version\": \"v1.0\"}}");

        CliRun r = hysdsRun("ingest_alos2_auig2", "--auig2-url", s.base().toString(), "--auig2-password-file", secrets.resolve("auig2.pw").toString());

        assertEquals(0, r.code(), r.toString());
        assertEquals(Set.of(A), left(), "the product folder, and nothing else: no work files, no _alt_error.txt");
        assertProductFolder(A);
        JsonNode met = Json.read(job.resolve(A).resolve(A + ".met.json"));
        String download = s.base() + "/pp/service/download?downloadurl=/start/download/file&itemname=0000148073&itemtype=1";
        assertEquals(download, met.path("download_source").asText());
        assertEquals(download, Json.read(job.resolve(A).resolve("pge_metrics.json")).path("download").path(0).path("url").asText());
        assertEquals("alice", LocalServer.form(s.seen("POST", Auig2Server.LOGIN).get(1).body()).get("IDToken1"));
    }

    @Test
    void downloadUrlJobUsesTheWorkersNetrc() throws IOException {
        FileServer f = started(new FileServer("127.0.0.1").requireLogin("dave", URL_PASSWORD));
        f.serve("/dav/" + Samples.deliveryName(A), Samples.delivery(A), "application/zip", null);
        context("{\"download_url\": \"" + f.base() + "/dav/" + Samples.deliveryName(A) + "\"}");

        CliRun r = hysdsRun("ingest_alos2_downloadurl");

        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("ingested " + A + " -> "), r.out());
        assertEquals(Set.of(A), left());
        assertProductFolder(A);
    }

    @Test
    void sentinelAsiaDataIdJobIngestsTheFileAndKeepsItsEor() throws IOException {
        SentinelAsiaServer s = sentinelAsia();
        context("{\"data_id\": \"JPJXisis0001201908160002\", \"eor_id\": \"ERAHAC000007\", \"start_date\": \"\", \"queue\": \"\"}");

        CliRun r = hysdsRun("ingest_alos2_sentinelasia", saLogin(s));

        assertEquals(0, r.code(), r.toString());
        assertEquals(Set.of(B), left());
        assertProductFolder(B);
        JsonNode met = Json.read(job.resolve(B).resolve(B + ".met.json"));
        assertEquals("JPJXisis0001201908160002", met.path("data_id").asText());
        assertEquals("ERAHAC000007", met.path("eor_id").asText());
    }

    // ---------------------------------------------------------------- fan-out

    @Test
    void anEorFansOutThroughMozartAsOneHysdsJobPerAlos2File() throws IOException {
        SentinelAsiaServer s = sentinelAsia();
        LocalServer mozart = started(new LocalServer("localhost"));
        List<Map<String, String>> submitted = Collections.synchronizedList(new ArrayList<>());
        mozart.route("/mozart/api/v0.1/job/submit", (x, seen) -> {
            boolean shaped = seen.method().equals("POST") && seen.header("Content-Type").startsWith("application/x-www-form-urlencoded")
                    && ("Basic " + java.util.Base64.getEncoder().encodeToString(("mozart-ops:" + MOZART_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .equals(seen.header("Authorization"));
            if (!shaped) {
                LocalServer.text(x, 400, "application/json", "{\"success\": false, \"message\": \"bad request\"}");
                return;
            }
            submitted.add(LocalServer.form(seen.body()));
            LocalServer.text(x, 200, "application/json", "{\"success\": true, \"message\": \"\", \"result\": \"" + UUID.randomUUID() + "\"}");
        });
        context("{\"data_id\": \"\", \"eor_id\": \"ERAHAC000007\", \"start_date\": \"\", \"queue\": \"aria-job_worker-small\","
                + " \"job_specification\": {\"job-version\": \"v2.1\"}}");

        CliRun r = hysdsRun("ingest_alos2_sentinelasia", cat(saLogin(s), "--mozart-url", mozart.base() + "/mozart/api/v0.1"));

        assertEquals(0, r.code(), r.toString());
        assertEquals(Set.of(), left(), "the files are ingested by their own jobs");
        assertEquals(2, submitted.size(), "two ALOS-2 zips; the map is not a job");
        Map<String, String> f = submitted.get(0);
        assertEquals(Set.of("type", "queue", "priority", "tags", "name", "params", "enable_dedup"), f.keySet());
        assertEquals("job-ingest_alos2_sentinelasia:v2.1", f.get("type"));
        assertEquals("aria-job_worker-small", f.get("queue"));
        assertEquals("5", f.get("priority"));
        assertEquals("true", f.get("enable_dedup"));
        assertEquals("[\"ingest_alos2_sentinelasia\",\"JPJXisis0001201908160001\"]", f.get("tags"));
        assertEquals("job-ingest_alos2_sentinelasia-v2.1-JPJXisis0001201908160001", f.get("name"));
        assertEquals("{\"job\":\"ingest_alos2_sentinelasia\",\"data_id\":\"JPJXisis0001201908160001\",\"eor_id\":\"ERAHAC000007\","
                + "\"start_date\":\"\",\"queue\":\"\"}", f.get("params"));
        // the params are exactly the job-spec's: a job Mozart can resolve
        Set<String> specParams = new TreeSet<>();
        Json.read(Path.of("docker/job-spec.json.ingest_alos2_sentinelasia")).path("params").forEach(p -> specParams.add(p.path("name").asText()));
        Set<String> sent = new TreeSet<>();
        Json.MAPPER.readTree(f.get("params")).fieldNames().forEachRemaining(sent::add);
        assertEquals(specParams, sent);
        assertTrue(r.out().contains("queued   ingest-sentinel-asia-JPJXisis0001201908160002: HySDS job "), r.out());
        assertTrue(r.out().contains("skipped  JPJXisis0001201908160004 (flood extent map): "), r.out());
    }

    @Test
    void aMozartThatRefusesTheJobFailsTheFanOutWithItsMessage() throws IOException {
        SentinelAsiaServer s = sentinelAsia();
        LocalServer mozart = started(new LocalServer("localhost"));
        mozart.route("/api/v0.1/job/submit", (x, seen) -> LocalServer.text(x, 500, "application/json",
                "{\"success\": false, \"message\": \"Failed to submit job. queue aria-job_worker-smal does not exist\"}"));
        context("{\"eor_id\": \"ERAHAC000007\", \"queue\": \"aria-job_worker-smal\", \"job_specification\": {\"job-version\": \"v2.1\"}}");

        CliRun r = hysdsRun("ingest_alos2_sentinelasia", cat(saLogin(s), "--mozart-url", mozart.base() + "/api/v0.1"));

        assertEquals(1, r.code(), r.toString());
        String error = Files.readString(job.resolve("_alt_error.txt"));
        assertEquals("Mozart " + mozart.base() + "/api/v0.1 did not take job job-ingest_alos2_sentinelasia-v2.1-JPJXisis0001201908160001: HTTP 500: "
                + "Failed to submit job. queue aria-job_worker-smal does not exist\n", error);
        assertTrue(Files.readString(job.resolve("_alt_traceback.txt")).contains("at org.alos2ingest.hysds.MozartClient.submit"));
    }

    @Test
    void anEorFansOutOnTheBrokerWhenThereIsNoMozart(RabbitMq.Broker broker) throws Exception {
        SentinelAsiaServer s = sentinelAsia();
        String queue = "hysds-" + UUID.randomUUID();
        Files.writeString(secrets.resolve("broker.pw"), broker.password());
        context("{\"eor_id\": \"ERAHAC000007\", \"queue\": \"" + queue + "\"}");

        CliRun r = hysdsRun("ingest_alos2_sentinelasia", cat(saLogin(s), "--broker", broker.uri(), "--broker-password-file",
                secrets.resolve("broker.pw").toString()));

        assertEquals(0, r.code(), r.toString());
        assertEquals(Set.of(), left());
        List<JobSpec> jobs = new ArrayList<>();
        try (Connection c = broker.connect()) {
            Channel ch = c.createChannel();
            for (GetResponse g; (g = ch.basicGet(queue, true)) != null; ) {
                jobs.add(JobSpec.fromJson(new String(g.getBody(), StandardCharsets.UTF_8)));
            }
        }
        assertEquals(List.of("JPJXisis0001201908160001", "JPJXisis0001201908160002"), jobs.stream().map(j -> j.params().get("data_id")).toList());
        assertEquals("ERAHAC000007", jobs.get(0).params().get("eor_id"));
        assertEquals(s.serviceUrl().toString(), jobs.get(0).params().get("base_url"), "workers reach the same service");
        assertFalse(outputs.stream().anyMatch(o -> o.contains(broker.password())));
    }

    @Test
    void withoutAQueueServiceTheJobIngestsEveryFileOfTheEorItself() throws IOException {
        SentinelAsiaServer s = sentinelAsia();
        context("{\"eor_id\": \"ERAHAC000007\", \"queue\": \"aria-job_worker-small\"}");

        CliRun r = hysdsRun("ingest_alos2_sentinelasia", saLogin(s));

        assertEquals(0, r.code(), r.toString());
        assertEquals(Set.of(A, B), left());
        assertProductFolder(A);
        assertProductFolder(B);
        assertEquals("Flood", Json.read(job.resolve(A).resolve(A + ".met.json")).path("eor_type").asText());
    }

    // ---------------------------------------------------------------- failures

    @Test
    void aFailedDownloadLeavesTheErrorAndTraceForHysdsAndExitsOne() throws IOException {
        FileServer f = started(new FileServer("127.0.0.1").requireLogin("dave", URL_PASSWORD));
        String url = f.base() + "/dav/0000148073_001001_ALOS2146686640-170209.zip";
        context("{\"download_url\": \"" + url + "\"}");

        CliRun r = hysdsRun("ingest_alos2_downloadurl");

        assertEquals(1, r.code(), r.toString());
        assertEquals(Set.of("_alt_error.txt", "_alt_traceback.txt"), left(), "no product folder, no work files");
        List<String> error = Files.readAllLines(job.resolve("_alt_error.txt"));
        assertEquals(1, error.size());
        assertTrue(error.get(0).startsWith(url + ": not found (HTTP 404)"), error.get(0));
        assertTrue(r.err().contains("error: " + error.get(0)), r.err());
        String trace = Files.readString(job.resolve("_alt_traceback.txt"));
        assertTrue(trace.startsWith("alos2-ingest reported 1 failure(s):\n  " + url), trace);
    }

    @Test
    void aMissingOrIncompleteContextIsAFailureWithAStackTrace() throws IOException {
        CliRun r = hysdsRun("ingest_alos2_auig2");
        assertEquals(1, r.code(), r.toString());
        assertEquals(job.resolve("_context.json") + ": not found: run this in the HySDS job's work folder (or give --work-dir)\n",
                Files.readString(job.resolve("_alt_error.txt")));
        String trace = Files.readString(job.resolve("_alt_traceback.txt"));
        assertTrue(trace.startsWith("org.alos2ingest.hysds.HysdsException: "), trace);
        assertTrue(trace.contains("\tat org.alos2ingest.hysds.JobContext.read("), trace);

        context("{\"auig2_orderid\": \"0000148073\",");
        r = hysdsRun("ingest_alos2_auig2");
        assertEquals(1, r.code());
        assertTrue(Files.readString(job.resolve("_alt_error.txt")).startsWith(job.resolve("_context.json") + ": is not valid JSON: "));

        context("{\"auig2_orderid\": \"\", \"auig2_username\": \"alice\"}");
        r = hysdsRun("ingest_alos2_auig2");
        assertEquals(1, r.code());
        assertEquals(job.resolve("_context.json") + ": has no auig2_orderid (the AUIG2 order to ingest)\n", Files.readString(job.resolve("_alt_error.txt")));

        context("{\"eor_id\": \"ERAHAC000007\", \"start_date\": \"20190816\"}");
        r = hysdsRun("ingest_alos2_sentinelasia");
        assertEquals(1, r.code());
        assertTrue(Files.readString(job.resolve("_alt_error.txt")).endsWith("has both eor_id and start_date: give one of them\n"));

        context("{\"download_url\": \"ftp://example.org/x.zip\"}");
        r = hysdsRun("ingest_alos2_downloadurl");
        assertEquals(1, r.code());
        assertTrue(Files.readString(job.resolve("_alt_error.txt")).endsWith("download_url must be an http or https URL\n"));

        context("{\"auig2_orderid\": \"0000148073\"}");
        r = hysdsRun("ingest_alos2_bogus");
        assertEquals(2, r.code());
        assertEquals("unknown HySDS job 'ingest_alos2_bogus' (ingest_alos2_auig2, ingest_alos2_sentinelasia, ingest_alos2_downloadurl)\n",
                Files.readString(job.resolve("_alt_error.txt")));
    }

    @Test
    void aSentinelAsiaFileThatIsNotAZipFailsTheJobAsTheOldSystemDid() throws IOException {
        SentinelAsiaServer s = started(new SentinelAsiaServer().account("bob", SA_PASSWORD)
                .eor(new Eor("ERAHAC000007", "16/Aug/2019", "Flood", "Japan", List.of(
                        new SaFile("JPJXisis0001201908160003", "ALOS(Data)", "quick look", "ALOS2146686640-170209.kmz", "kmz".getBytes())))));
        context("{\"data_id\": \"JPJXisis0001201908160003\"}");

        CliRun r = hysdsRun("ingest_alos2_sentinelasia", saLogin(s));

        assertEquals(1, r.code(), r.toString());
        String error = Files.readString(job.resolve("_alt_error.txt"));
        assertTrue(error.startsWith("Sentinel Asia data id JPJXisis0001201908160003: ") && error.contains("zip"), error);
    }

    static String[] cat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
