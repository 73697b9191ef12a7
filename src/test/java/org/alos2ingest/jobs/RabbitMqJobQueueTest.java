package org.alos2ingest.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Settings;
import org.alos2ingest.fetch.CredentialLookup;
import org.alos2ingest.fetch.FetchConfig;
import org.alos2ingest.ingest.IngestJob;
import org.alos2ingest.ingest.IngestOptions;
import org.alos2ingest.ingest.IngestReport;
import org.alos2ingest.publish.Publishers;
import org.alos2ingest.testing.RabbitMq;
import org.alos2ingest.unpack.UnpackLimits;
import org.alos2ingest.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RabbitMQ queue and worker against a real broker: what a submitted job looks like on the
 * queue, how many jobs a worker runs at once, retries and dead-lettering, a job whose worker died,
 * and a worker stopped mid-job. The runners here stand in for ingests where only the queue's
 * behaviour is under test; real ingests over worker processes are in {@link WorkerProcessesTest}.
 */
@ExtendWith(RabbitMq.class)
class RabbitMqJobQueueTest {

    @TempDir
    Path tmp;

    static String freshQueue() {
        return "test-" + UUID.randomUUID();
    }

    static Broker broker(RabbitMq.Broker b) {
        return Broker.of(BrokerAddress.parse(b.uri()), new CredentialLookup(Map.of(BrokerAddress.PASSWORD_ENV, b.password()), null), Optional.empty());
    }

    static JobSpec job(int i) {
        return new JobSpec("path", "job-" + i, Map.of("path", "/data/delivery-" + i + ".zip"));
    }

    static IngestReport ingested(String id) {
        IngestReport r = new IngestReport();
        r.add(new IngestReport.Outcome(IngestReport.Status.INGESTED, id, id, "file:///published/" + id, 0.1));
        return r;
    }

    static QueueWorker.Settings settings(int concurrency, int maxRetries, long maxJobs, double idleSeconds) {
        return new QueueWorker.Settings(concurrency, maxRetries, Duration.ofMillis(100), maxJobs, Duration.ofMillis(Math.round(idleSeconds * 1000)),
                Duration.ofMillis(200));
    }

    @Test
    void aSubmittedJobIsAPersistentJsonMessageOnADurableQueueWithItsRetryAndDeadLetterQueues(RabbitMq.Broker b) throws Exception {
        String q = freshQueue();
        try (RabbitMqJobQueue queue = RabbitMqJobQueue.open(broker(b), q); Connection c = b.connect()) {
            queue.submit(job(1));
            queue.submit(job(2));
            List<JobResult> results = queue.awaitAll();
            assertEquals(2, results.size());
            assertEquals(IngestReport.Status.QUEUED, results.get(0).outcomes().get(0).status());
            assertEquals("on queue " + q + " at amqp://alos2test@localhost:" + b.port() + "/", results.get(0).outcomes().get(0).detail());
            assertTrue(queue.awaitAll().isEmpty(), "each job is reported once");
            assertEquals(2, queue.waiting());

            Channel ch = c.createChannel();
            GetResponse r = ch.basicGet(q, false);
            assertEquals(job(1).toJson(), new String(r.getBody(), StandardCharsets.UTF_8));
            AMQP.BasicProperties p = r.getProps();
            assertEquals(2, p.getDeliveryMode(), "persistent");
            assertEquals("application/json", p.getContentType());
            assertEquals("path", p.getType());
            assertEquals(1, ((Number) p.getHeaders().get(QueueTopology.ATTEMPT)).intValue());
            assertNotNull(p.getMessageId());
            ch.basicNack(r.getEnvelope().getDeliveryTag(), false, true);
            assertEquals(0, ch.queueDeclarePassive(QueueTopology.retryQueue(q)).getMessageCount());
            assertEquals(0, ch.queueDeclarePassive(QueueTopology.deadQueue(q)).getMessageCount());
            // a durable queue: declaring it transient is refused by the broker
            IOException e = assertThrows(IOException.class, () -> ch.queueDeclare(q, false, false, false, null));
            assertTrue(String.valueOf(e.getCause()).contains("PRECONDITION_FAILED"), String.valueOf(e.getCause()));
        }
    }

    @Test
    void aWorkerRunsAtMostConcurrencyJobsAtOnceAndAcknowledgesEach(RabbitMq.Broker b) throws Exception {
        String q = freshQueue();
        try (RabbitMqJobQueue queue = RabbitMqJobQueue.open(broker(b), q)) {
            for (int i = 0; i < 7; i++) {
                queue.submit(job(i));
            }
        }
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        JobRunner runner = job -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            now.decrementAndGet();
            ran.add(job.name());
            return ingested(job.name());
        };
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        QueueWorker.Summary s = new QueueWorker(broker(b), q, runner, settings(3, 1, 0, 1.0), new PrintStream(log, true, StandardCharsets.UTF_8)).run();
        assertEquals(7, s.succeeded());
        assertEquals(7, ran.size());
        assertEquals(7, ran.stream().distinct().count());
        assertEquals(3, most.get(), "prefetch and pool bound the jobs in flight to --concurrency");
        try (Connection c = b.connect()) {
            assertEquals(0, c.createChannel().queueDeclarePassive(q).getMessageCount(), "every job acknowledged");
        }
        String out = log.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("job job-3: started (path, attempt 1 of 2)"), out);
        assertTrue(out.contains("job job-3: ingested job-3 -> file:///published/job-3"), out);
        assertTrue(out.contains("stopped: 7 done, 0 retried, 0 dead-lettered, 0 put back"), out);
    }

    @Test
    void aFailingJobIsRetriedThenDeadLetteredWithItsErrorAndAttemptCount(RabbitMq.Broker b) throws Exception {
        String q = freshQueue();
        try (RabbitMqJobQueue queue = RabbitMqJobQueue.open(broker(b), q)) {
            queue.submit(job(1));
            queue.submit(job(2));
        }
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        JobRunner runner = job -> {
            calls.add(job.name());
            if (job.name().equals("job-2")) {
                return ingested("ok");
            }
            IngestReport r = new IngestReport();
            r.add(new IngestReport.Outcome(IngestReport.Status.FAILED, null, "x", "https://example.org/x.zip: HTTP 503 after 5 retries", 0));
            return r;
        };
        QueueWorker.Summary s = new QueueWorker(broker(b), q, runner, settings(2, 2, 0, 1.5), new PrintStream(new ByteArrayOutputStream())).run();
        assertEquals(3, calls.stream().filter("job-1"::equals).count(), "one attempt and two retries");
        assertEquals(1, s.succeeded());
        assertEquals(2, s.retried());
        assertEquals(1, s.deadLettered());
        try (Connection c = b.connect()) {
            Channel ch = c.createChannel();
            assertEquals(0, ch.queueDeclarePassive(q).getMessageCount());
            assertEquals(0, ch.queueDeclarePassive(QueueTopology.retryQueue(q)).getMessageCount());
            GetResponse dead = ch.basicGet(QueueTopology.deadQueue(q), true);
            assertEquals(job(1).toJson(), new String(dead.getBody(), StandardCharsets.UTF_8));
            Map<String, Object> h = dead.getProps().getHeaders();
            assertEquals("https://example.org/x.zip: HTTP 503 after 5 retries", h.get(QueueTopology.ERROR).toString());
            assertEquals(3, ((Number) h.get(QueueTopology.ATTEMPTS)).intValue());
            assertTrue(h.get(QueueTopology.FAILED_AT).toString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"));
            assertEquals(2, dead.getProps().getDeliveryMode());
            assertNull(ch.basicGet(QueueTopology.deadQueue(q), true));
        }
    }

    @Test
    void aJobThatCanNeverRunIsDeadLetteredAtOnce(RabbitMq.Broker b) throws Exception {
        String q = freshQueue();
        try (RabbitMqJobQueue queue = RabbitMqJobQueue.open(broker(b), q); Connection c = b.connect()) {
            queue.submit(new JobSpec("archive-grup", "misspelt", Map.of("dir", "/archive/P123")));
            queue.submit(new JobSpec("url", "no-url", Map.of()));
            c.createChannel().basicPublish("", q, QueueTopology.jobProperties("junk", 1, Map.of(), null), "{not json".getBytes(StandardCharsets.UTF_8));
        }
        try (SqliteCatalog catalog = new SqliteCatalog(tmp.resolve("catalog.sqlite"))) {
            IngestOptions options = new IngestOptions(tmp.resolve("work"), Settings.load(null, Map.of("ALOS2_INGEST_HOME", tmp.toString())),
                    DatasetDefinitions.load(null), UnpackLimits.defaults(), false, false, Progress.silent(), null);
            IngestJob ingest = new IngestJob(options, catalog, Publishers.local(), List.of());
            JobRunner runner = JobTypes.runner(new JobTypes.Context(ingest, options, catalog, FetchConfig.defaults()));
            QueueWorker.Summary s = new QueueWorker(broker(b), q, runner, settings(1, 5, 0, 1.0), new PrintStream(new ByteArrayOutputStream())).run();
            assertEquals(3, s.deadLettered());
            assertEquals(0, s.retried(), "retrying cannot help these");
        }
        List<String> errors = new ArrayList<>();
        try (Connection c = b.connect()) {
            Channel ch = c.createChannel();
            for (GetResponse r; (r = ch.basicGet(QueueTopology.deadQueue(q), true)) != null; ) {
                errors.add(r.getProps().getHeaders().get(QueueTopology.ERROR) + " / attempts " + r.getProps().getHeaders().get(QueueTopology.ATTEMPTS));
            }
        }
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("unknown job type 'archive-grup' (this worker runs archive-group, auig2, path, sentinel-asia, url) / attempts 1"), errors.toString());
        assertEquals("a url job needs the parameter url / attempts 1", errors.get(1));
        assertTrue(errors.get(2).startsWith("not a job description: ") && errors.get(2).endsWith("/ attempts 1"), errors.toString());
    }

    @Test
    void aJobWhoseWorkerDiedComesBackAndCountsAsAnAttempt(RabbitMq.Broker b) throws Exception {
        String q = freshQueue();
        try (RabbitMqJobQueue queue = RabbitMqJobQueue.open(broker(b), q)) {
            queue.submit(job(1));
            queue.submit(job(2));
        }
        // a worker takes both jobs and dies without acknowledging them: the broker redelivers them
        try (Connection dying = b.connect()) {
            Channel ch = dying.createChannel();
            assertNotNull(ch.basicGet(q, false));
            assertNotNull(ch.basicGet(q, false));
        }
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        JobRunner runner = job -> {
            ran.add(job.name());
            return ingested(job.name());
        };
        // one retry allowed: each died once, so each runs again, as attempt 2
        QueueWorker.Summary s = new QueueWorker(broker(b), q, runner, settings(1, 1, 0, 1.0), new PrintStream(log, true, StandardCharsets.UTF_8)).run();
        assertEquals(List.of("job-1", "job-2"), ran.stream().sorted().toList());
        assertEquals(2, s.succeeded());
        String out = log.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("job job-1: its worker stopped (killed, or lost the broker) while running it (attempt 1 of 2); queued again"), out);
        assertTrue(out.contains("job job-1: started (path, attempt 2 of 2)"), out);

        // with no retry allowed, a job whose worker died is dead-lettered instead of going round again
        try (RabbitMqJobQueue queue = RabbitMqJobQueue.open(broker(b), q)) {
            queue.submit(job(3));
        }
        try (Connection dying = b.connect()) {
            assertNotNull(dying.createChannel().basicGet(q, false));
        }
        s = new QueueWorker(broker(b), q, runner, settings(1, 0, 0, 1.0), new PrintStream(new ByteArrayOutputStream())).run();
        assertEquals(1, s.deadLettered());
        assertFalse(ran.contains("job-3"));
        try (Connection c = b.connect()) {
            GetResponse dead = c.createChannel().basicGet(QueueTopology.deadQueue(q), true);
            assertEquals("its worker stopped (killed, or lost the broker) while running it on each of 1 attempt(s)",
                    dead.getProps().getHeaders().get(QueueTopology.ERROR).toString());
        }
    }

    @Test
    void stoppingAWorkerPutsItsRunningJobBackAsItWasAndMaxJobsLimitsWhatItTakes(RabbitMq.Broker b) throws Exception {
        String q = freshQueue();
        try (RabbitMqJobQueue queue = RabbitMqJobQueue.open(broker(b), q)) {
            for (int i = 0; i < 4; i++) {
                queue.submit(job(i));
            }
        }
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        JobRunner slow = job -> {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ingested(job.name());
        };
        QueueWorker worker = new QueueWorker(broker(b), q, slow, new QueueWorker.Settings(1, 3, Duration.ZERO, 0, null, Duration.ofMillis(300)),
                new PrintStream(new ByteArrayOutputStream()));
        Thread stopper = new Thread(() -> {
            try {
                started.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker.stop();
        });
        stopper.start();
        QueueWorker.Summary s = worker.run();
        release.countDown();
        stopper.join();
        assertEquals(0, s.succeeded());
        assertEquals(1, s.requeued(), "the job still running after the grace period went back");
        try (Connection c = b.connect()) {
            Channel ch = c.createChannel();
            assertEquals(4, ch.queueDeclarePassive(q).getMessageCount(), "nothing lost");
        }

        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        s = new QueueWorker(broker(b), q, job -> {
            ran.add(job.name());
            return ingested(job.name());
        }, settings(2, 0, 3, 30), new PrintStream(new ByteArrayOutputStream())).run();
        assertEquals(3, ran.size(), "--max-jobs 3");
        assertEquals(3, s.succeeded());
        try (Connection c = b.connect()) {
            Channel ch = c.createChannel();
            assertEquals(1, ch.queueDeclarePassive(q).getMessageCount());
            GetResponse left = ch.basicGet(q, true);
            assertFalse(left.getEnvelope().isRedeliver());
            assertEquals(1, ((Number) left.getProps().getHeaders().get(QueueTopology.ATTEMPT)).intValue(), "put back unchanged");
        }
    }
}
