package org.alos2ingest.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.alos2ingest.ingest.IngestReport;
import org.junit.jupiter.api.Test;

class InProcessJobQueueTest {

    @Test
    void runsAtMostNJobsAtOnceAndReportsEveryOutcomeInOrder() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        JobRunner runner = job -> {
            int now = running.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            IngestReport r = new IngestReport();
            if (job.params().get("data_id").endsWith("3")) {
                throw new IllegalArgumentException("file 3 is broken");
            }
            r.add(new IngestReport.Outcome(IngestReport.Status.INGESTED, "id-" + job.params().get("data_id"), "s", "d", 0.1));
            return r;
        };
        try (InProcessJobQueue q = new InProcessJobQueue("test", 2, runner)) {
            for (int i = 1; i <= 6; i++) {
                q.submit(new JobSpec("sentinel-asia", "job" + i, Map.of("data_id", "JP" + i, "eor_id", "ERAHAC000007")));
            }
            List<JobResult> results = q.awaitAll();
            assertEquals(6, results.size());
            assertEquals(2, most.get(), "two at a time, as --parallel 2 says");
            assertEquals("id-JP1", results.get(0).outcomes().get(0).id());
            assertEquals(IngestReport.Status.FAILED, results.get(2).outcomes().get(0).status());
            assertEquals("file 3 is broken", results.get(2).outcomes().get(0).detail());
            assertEquals("{\"type\":\"sentinel-asia\",\"name\":\"job1\",\"params\":{\"data_id\":\"JP1\",\"eor_id\":\"ERAHAC000007\"}}",
                    q.messages().get(0), "what crosses the queue is plain JSON");
        }
    }

    @Test
    void jobsAndResultsSurviveJsonAndRefuseSecrets() {
        JobSpec job = new JobSpec("auig2", "ingest-auig2-1", Map.of("auig2_orderid", "0000148073", "base_url", "https://auig2.jaxa.jp"));
        assertEquals(job, JobSpec.fromJson(job.toJson()));
        JobResult r = new JobResult(job, List.of(new IngestReport.Outcome(IngestReport.Status.SKIPPED, null, "x", "why", 0)), List.of("w"), 1.5);
        assertEquals(r, JobResult.fromJson(r.toJson()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JobSpec("auig2", "j", Map.of("auig2_orderid", "1", "password", "x")));
        assertTrue(e.getMessage().contains("jobs never carry credentials"));
        assertEquals(Optional.empty(), Optional.empty());
    }
}
