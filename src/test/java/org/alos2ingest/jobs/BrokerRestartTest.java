package org.alos2ingest.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.alos2ingest.catalog.SearchQuery;
import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.identify.ProcessingLevel;
import org.alos2ingest.jobs.WorkerProcessesTest.Worker;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.Deliveries;
import org.alos2ingest.testing.RabbitMq;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RabbitMQ broker (a broker of this test's own, rabbitmq-server as a real process) stopped with
 * {@code rabbitmqctl stop} and started again while three {@code worker} processes run fifty ingest
 * jobs into one SQLite catalog and publish folder. Every worker notices, keeps its running jobs
 * going, reconnects by itself once the broker is back and carries on; no job is lost (the queue's
 * durable, its messages persistent, submitted with publisher confirms) and none is cataloged or
 * published twice (a job whose acknowledgement the outage swallowed comes back and finds its dataset
 * cataloged).
 */
class BrokerRestartTest {

    static final int DATASETS = 50;
    private static final Pattern DONE = Pattern.compile("job (\\S+): done");

    @TempDir
    Path tmp;

    @Test
    void fiftyJobsOverThreeWorkersSurviveABrokerRestartEachDatasetOnce() throws Throwable {
        List<SampleSpec> specs = new ArrayList<>();
        List<Path> zips = new ArrayList<>();
        for (int i = 0; i < DATASETS; i++) {
            SampleSpec s = SampleSpec.generic(ObservationMode.FBD, ProcessingLevel.L1_5, 'R', i % 2 == 0 ? OrbitDirection.ASCENDING
                    : OrbitDirection.DESCENDING, 'U', new LonLat(20 + i * 0.5, 10 + (i % 7)), LocalDateTime.of(2023, 5, 1 + i % 28, 5, 10),
                    30000 + i * 7, 500 + i * 10).withWidth(150);
            specs.add(s);
            zips.add(Deliveries.zip(tmp.resolve("in"), s));
        }
        Set<String> expected = specs.stream().map(s -> s.name().text()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(DATASETS, expected.size());
        Path home = tmp.resolve("home");
        String queue = "alos2-restart";

        RabbitMq.Broker broker = RabbitMq.startPrivate();
        List<Worker> workers = new ArrayList<>();
        try {
            Path passwordFile = tmp.resolve("broker.pw");
            Files.writeString(passwordFile, broker.password() + "\n");
            List<String> submit = new ArrayList<>(List.of("submit", "--broker", broker.uri(), "--broker-password-file", passwordFile.toString(),
                    "--queue", queue));
            zips.forEach(z -> submit.add(z.toString()));
            CliRun r = CliRun.run(home, submit.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            assertEquals(DATASETS, r.out().lines().filter(l -> l.startsWith("queued   ")).count(), r.out());

            for (int i = 0; i < 3; i++) {
                workers.add(new Worker(i, home, queue, broker));
            }
            // the broker goes away early, with most of the jobs still to do
            await(120, "the first jobs done", workers, () -> done(workers).size() >= 3);
            broker.stop();
            int doneBefore = done(workers).size();
            System.out.println("broker stopped after " + doneBefore + " jobs");
            for (Worker w : workers) {
                await(60, "worker " + w.index + " to notice", workers, () -> w.said("lost broker "));
            }
            broker.restart();
            for (Worker w : workers) {
                if (!w.process.waitFor(240, TimeUnit.SECONDS)) {
                    fail("worker " + w.index + " did not finish: " + workers);
                }
            }
            for (Worker w : workers) {
                w.reader.join(10_000);
                System.out.println(w);
                assertEquals(0, w.process.exitValue(), w.toString());
                assertTrue(w.said("reconnected to broker " + broker.uri()), w.toString());
                assertFalse(w.output().contains(broker.password()), "the broker password stays out of the logs");
            }
            // the restart happened mid-run: jobs were done after the workers came back
            assertTrue(doneBefore < DATASETS, "the broker stopped before every job was done");
            assertTrue(workers.stream().anyMatch(w -> DONE.matcher(w.output().substring(w.output().indexOf("reconnected to broker"))).find()),
                    workers.toString());
            // no job lost: each was done by some worker, and nothing is left on the queues
            assertEquals(DATASETS, done(workers).size(), workers.toString());
            try (Connection c = broker.connect()) {
                Channel ch = c.createChannel();
                assertEquals(0, ch.queueDeclarePassive(queue).getMessageCount());
                assertEquals(0, ch.queueDeclarePassive(queue + ".retry").getMessageCount());
                assertEquals(0, ch.queueDeclarePassive(queue + ".dead").getMessageCount(), "no job given up on");
            }
        } finally {
            workers.forEach(w -> {
                if (w.process.isAlive()) {
                    w.kill();
                }
            });
            broker.close();
        }

        // each dataset cataloged once and published once
        try (SqliteCatalog catalog = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
            assertEquals(DATASETS, catalog.count());
            List<ObjectNode> docs = catalog.search(SearchQuery.all().withLimit(1000));
            assertEquals(expected, docs.stream().map(d -> d.path("id").asText()).collect(Collectors.toCollection(TreeSet::new)));
        }
        List<Path> published;
        try (Stream<Path> s = Files.walk(home.resolve("published"))) {
            published = s.filter(p -> p.getFileName().toString().endsWith(".dataset.json")).toList();
        }
        assertEquals(DATASETS, published.size(), "no product folder twice, none left half-made: " + published);
    }

    /** The jobs the workers said were done, by name. */
    private static Set<String> done(List<Worker> workers) {
        Set<String> names = new TreeSet<>();
        for (Worker w : workers) {
            Matcher m = DONE.matcher(w.output());
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static void await(int seconds, String what, List<Worker> workers, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("no " + what + " within " + seconds + " s: " + workers);
            }
            Thread.sleep(50);
        }
    }
}
