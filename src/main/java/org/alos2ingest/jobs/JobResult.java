package org.alos2ingest.jobs;

import java.io.IOException;
import java.util.List;

import org.alos2ingest.config.Json;
import org.alos2ingest.ingest.IngestReport;

/**
 * How one queued job ended: its outcomes scene by scene and its warnings, as plain values that
 * travel as JSON (a distributed queue reports them back the same way).
 */
public record JobResult(JobSpec job, List<IngestReport.Outcome> outcomes, List<String> warnings, double seconds) {

    public JobResult {
        outcomes = List.copyOf(outcomes);
        warnings = List.copyOf(warnings);
    }

    public boolean failed() {
        return outcomes.stream().anyMatch(o -> o.status() == IngestReport.Status.FAILED);
    }

    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(new Wire(job.toJson(), outcomes, warnings, seconds));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JobResult fromJson(String json) {
        try {
            Wire w = Json.MAPPER.readValue(json, Wire.class);
            return new JobResult(JobSpec.fromJson(w.job()), w.outcomes(), w.warnings(), w.seconds());
        } catch (IOException e) {
            throw new IllegalArgumentException("not a job result: " + e.getMessage(), e);
        }
    }

    private record Wire(String job, List<IngestReport.Outcome> outcomes, List<String> warnings, double seconds) {
    }
}
