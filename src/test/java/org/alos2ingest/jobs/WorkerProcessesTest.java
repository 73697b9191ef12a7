package org.alos2ingest.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.alos2ingest.catalog.SearchQuery;
import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.fetch.UrlSource;
import org.alos2ingest.fetch.servers.FileServer;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.identify.ProcessingLevel;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.Deliveries;
import org.alos2ingest.testing.RabbitMq;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue as it is meant to be used: jobs submitted with {@code submit}, run by three
 * {@code worker} processes (real JVMs) that share one SQLite catalog and one publish folder. One
 * worker is killed with SIGKILL in the middle of a download; its jobs come back from the broker and
 * finish on the others. Every dataset ends up cataloged exactly once and completely published, and
 * a job whose URL does not exist is dead-lettered after its retries with the error readable there.
 */
@ExtendWith(RabbitMq.class)
class WorkerProcessesTest {

    static final int DATASETS = 50;

    @TempDir
    Path tmp;

    @Test
    void fiftyJobsOverThreeWorkersOneKilledMidJobEachDatasetCatalogedOnceAndThePoisonJobDeadLettered(RabbitMq.Broker broker) throws Exception {
        Path in = tmp.resolve("in");
        List<SampleSpec> specs = new ArrayList<>();
        for (int i = 0; i < DATASETS; i++) {
            specs.add(SampleSpec.generic(ObservationMode.FBD, ProcessingLevel.L1_5, 'R', i % 2 == 0 ? OrbitDirection.ASCENDING : OrbitDirection.DESCENDING,
                    'U', new LonLat(-70 + i * 0.5, -30 + (i % 7)), LocalDateTime.of(2024, 1, 1 + i % 28, 5, 10), 40000 + i * 7, 600 + i * 10)
                    .withWidth(150));
        }
        List<Path> zips = new ArrayList<>();
        for (SampleSpec s : specs) {
            zips.add(Deliveries.zip(in, s));
        }
        Set<String> expected = specs.stream().map(s -> s.name().text()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(DATASETS, expected.size());

        // the first job is a download that stalls half-way: the worker that takes it is killed then
        SampleSpec slowSpec = specs.get(0);
        byte[] slowZip = Files.readAllBytes(zips.get(0));
        String slowPath = "/dav/" + slowSpec.deliveryName();
        Path home = tmp.resolve("home");
        Path passwordFile = tmp.resolve("broker.pw");
        Files.writeString(passwordFile, broker.password() + "\n");
        String queue = "alos2-procs";
        try (FileServer server = new FileServer("127.0.0.1")) {
            server.serve(slowPath, slowZip, "application/zip", null).fault(slowPath, new FileServer.Fault.Stall(slowZip.length / 2, 20_000));
            String slowUrl = server.base() + slowPath;
            String poisonUrl = server.base() + "/dav/0000000001_001001_ALOS2999999999-240101.zip";

            List<String> submit = new ArrayList<>(List.of("submit", "--broker", broker.uri(), "--broker-password-file", passwordFile.toString(), "--queue", queue, slowUrl));
            zips.subList(1, zips.size()).forEach(z -> submit.add(z.toString()));
            CliRun r = CliRun.run(home, submit.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            assertEquals(DATASETS, r.out().lines().filter(l -> l.startsWith("queued   ")).count(), r.out());
            assertTrue(r.out().contains("queued   ingest-url-" + slowSpec.deliveryName() + ": on queue " + queue + " at " + broker.uri()), r.out());
            r = CliRun.run(home, "submit", "--broker", broker.uri(), "--broker-password-file", passwordFile.toString(), "--queue", queue, poisonUrl);
            assertEquals(0, r.code(), r.err());

            List<Worker> workers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                workers.add(new Worker(i, home, queue, broker));
            }
            // kill whoever started the slow job once the server is sending it (SIGKILL: no shutdown hook, no goodbye)
            Worker victim = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (victim == null && System.nanoTime() < deadline) {
                for (Worker w : workers) {
                    if (w.said("job ingest-url-" + slowSpec.deliveryName() + ": started") && !server.seen("GET", slowPath).isEmpty()) {
                        victim = w;
                        break;
                    }
                }
                Thread.sleep(20);
            }
            if (victim == null) {
                workers.forEach(Worker::kill);
                fail("no worker started the slow job: " + workers);
            }
            victim.kill();
            Worker killed = victim;
            for (Worker w : workers) {
                if (!w.process.waitFor(150, TimeUnit.SECONDS)) {
                    workers.forEach(Worker::kill);
                    fail("worker " + w.index + " did not finish: " + w);
                }
            }
            for (Worker w : workers) {
                w.reader.join(10_000);
                // kept in the test's report file, for whoever reads a failure
                System.out.println(w);
                if (w != victim) {
                    assertEquals(0, w.process.exitValue(), w.toString());
                }
                assertFalse(w.output().contains(broker.password()), "the broker password stays out of the logs");
            }
            assertEquals(137, victim.process.exitValue(), "SIGKILL");
            assertFalse(victim.said("job ingest-url-" + slowSpec.deliveryName() + ": done"), victim.toString());

            // the slow job came back to another worker as its second attempt, and was ingested there once
            List<Worker> survivors = workers.stream().filter(w -> w != killed).toList();
            String all = survivors.stream().map(Worker::output).collect(Collectors.joining("\n"));
            assertTrue(all.contains("job ingest-url-" + slowSpec.deliveryName() + ": its worker stopped (killed, or lost the broker) while running it"),
                    all);
            assertTrue(all.contains("job ingest-url-" + slowSpec.deliveryName() + ": started (url, attempt 2 of 3)"), all);
            assertEquals(1, count(all, "job ingest-url-" + slowSpec.deliveryName() + ": ingested " + slowSpec.name().text() + " -> "), all);
            assertTrue(server.seen("GET", slowPath).size() >= 2, "downloaded again by the second worker");

            // no job failed but the poison one (a failure hidden by a successful retry would show here)
            String poisonName = "job ingest-url-0000000001_001001_ALOS2999999999-240101.zip: failed";
            assertEquals(List.of(), all.lines().filter(l -> l.contains(": failed") && !l.contains(poisonName)).toList());

            // the poison job: three attempts, then its error is in the dead-letter queue
            assertEquals(3, count(all + victim.output(), "job ingest-url-0000000001_001001_ALOS2999999999-240101.zip: started"), all);
            try (Connection c = broker.connect()) {
                Channel ch = c.createChannel();
                assertEquals(0, ch.queueDeclarePassive(queue).getMessageCount(), "nothing left to do");
                assertEquals(0, ch.queueDeclarePassive(queue + ".retry").getMessageCount());
                assertEquals(1, ch.queueDeclarePassive(queue + ".dead").getMessageCount());
                GetResponse dead = ch.basicGet(queue + ".dead", true);
                String error = dead.getProps().getHeaders().get(QueueTopology.ERROR).toString();
                assertTrue(error.contains(poisonUrl) && error.contains("404"), error);
                assertEquals(3, ((Number) dead.getProps().getHeaders().get(QueueTopology.ATTEMPTS)).intValue());
                assertEquals(JobSpec.fromJson(new String(dead.getBody(), StandardCharsets.UTF_8)).params().get("url"), poisonUrl);
            }
        }

        // exactly the fifty datasets, once each, each completely published where its document says
        try (SqliteCatalog catalog = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
            assertEquals(DATASETS, catalog.count());
            List<ObjectNode> docs = catalog.search(SearchQuery.all().withLimit(1000));
            assertEquals(expected, docs.stream().map(d -> d.path("id").asText()).collect(Collectors.toCollection(TreeSet::new)));
            for (ObjectNode d : docs) {
                String id = d.path("id").asText();
                Path folder = Path.of(java.net.URI.create(d.path("urls").path(0).asText()));
                for (String f : List.of(id + ".zip", id + ".met.json", id + ".dataset.json")) {
                    assertTrue(Files.isRegularFile(folder.resolve(f)), folder.resolve(f).toString());
                }
                try (ZipFile z = new ZipFile(folder.resolve(id + ".zip").toFile())) {
                    assertTrue(z.stream().anyMatch(e -> e.getName().endsWith(".tif") && e.getName().contains("IMG-HH-" + id.substring(0, 14))), id);
                }
            }
        }
        List<Path> published;
        try (Stream<Path> s = Files.walk(home.resolve("published"))) {
            published = s.filter(p -> p.getFileName().toString().endsWith(".dataset.json")).toList();
        }
        assertEquals(DATASETS, published.size(), "no product folder twice, none left half-made: " + published);
        try (Stream<Path> s = Files.walk(home)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(broker.password()), p.toString());
            }
        }
    }

    @Test
    void sigtermPutsTheRunningJobBackOnTheQueueAsItWas(RabbitMq.Broker broker) throws Exception {
        SampleSpec spec = SampleSpec.preset("fbd").withWidth(150);
        byte[] zip = Files.readAllBytes(Deliveries.zip(tmp.resolve("in"), spec));
        Path home = tmp.resolve("home");
        String queue = "alos2-sigterm";
        try (FileServer server = new FileServer("127.0.0.1")) {
            String path = "/dav/" + spec.deliveryName();
            server.serve(path, zip, "application/zip", null).fault(path, new FileServer.Fault.Stall(zip.length / 2, 20_000));
            Path pw = tmp.resolve("broker.pw");
            Files.writeString(pw, broker.password());
            CliRun r = CliRun.run(home, "submit", "--broker", broker.uri(), "--broker-password-file", pw.toString(), "--queue", queue,
                    server.base() + path);
            assertEquals(0, r.code(), r.err());
            Worker w = new Worker(0, home, queue, broker, "--shutdown-grace", "0.5");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (server.seen("GET", path).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(w.said("job ingest-url-" + spec.deliveryName() + ": started"), w.toString());
            // through the handle: Process.destroy() would also close the pipe we read the log from
            w.process.toHandle().destroy();
            assertTrue(w.process.waitFor(30, TimeUnit.SECONDS), w.toString());
            w.reader.join(10_000);
            assertEquals(143, w.process.exitValue(), "ended by SIGTERM: " + w);
            assertTrue(w.said("job ingest-url-" + spec.deliveryName() + ": still running at shutdown, put back on " + queue), w.toString());
            assertTrue(w.said("stopped: 0 done, 0 retried, 0 dead-lettered, 1 put back"), w.toString());
        }
        try (Connection c = broker.connect()) {
            Channel ch = c.createChannel();
            GetResponse back = ch.basicGet(queue, true);
            assertFalse(back.getEnvelope().isRedeliver(), "put back by the worker, not taken back by the broker");
            assertEquals(1, ((Number) back.getProps().getHeaders().get(QueueTopology.ATTEMPT)).intValue(), "a stop is not a failed attempt");
            assertEquals(UrlSource.TYPE.name(), JobSpec.fromJson(new String(back.getBody(), StandardCharsets.UTF_8)).type());
        }
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** One {@code alos2-ingest worker} JVM, its output collected line by line. */
    static final class Worker {
        final int index;
        final Process process;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final Thread reader;

        Worker(int index, Path home, String queue, RabbitMq.Broker broker, String... extra) throws IOException {
            this.index = index;
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classpath = System.getProperty("java.class.path");
            assertTrue(classpath.contains("target" + java.io.File.separator + "classes"), classpath);
            ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx384m", "-cp", classpath, "org.alos2ingest.cli.Main", "worker", "--no-tiles", "--home", home.toString(),
                    "--queue", queue, "--concurrency", "2", "--max-retries", "2", "--retry-delay", "0.3", "--exit-when-idle", "6",
                    "--retry-wait", "0.05", "--retries", "1");
            pb.command().addAll(List.of(extra));
            pb.environment().putAll(broker.env());
            pb.redirectErrorStream(true);
            process = pb.start();
            reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        lines.add(l);
                    }
                } catch (IOException e) {
                    lines.add("(output lost: " + e + ")");
                }
            }, "worker-" + index + "-output");
            reader.setDaemon(true);
            reader.start();
        }

        boolean said(String text) {
            synchronized (lines) {
                return lines.stream().anyMatch(l -> l.contains(text));
            }
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        void kill() {
            process.toHandle().destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public String toString() {
            return "worker " + index + (process.isAlive() ? " (running)" : " (exit " + process.exitValue() + ")") + ":\n" + output();
        }
    }
}
