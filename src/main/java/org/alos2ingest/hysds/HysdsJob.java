package org.alos2ingest.hysds;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The three HySDS jobs alos2-ingest packages, named as the old system's job-specs were
 * ({@code docker/job-spec.json.<name>}, job type {@code job-<name>:<version>}), with the parameters
 * their job-specs send to {@code _context.json}. Every job-spec also has the positional parameter
 * {@code job} (its own name), which the container's command passes to {@code hysds-run}.
 */
public enum HysdsJob {

    AUIG2("ingest_alos2_auig2", List.of("auig2_orderid", "auig2_username")),
    SENTINEL_ASIA("ingest_alos2_sentinelasia", List.of("data_id", "eor_id", "start_date", "queue")),
    DOWNLOAD_URL("ingest_alos2_downloadurl", List.of("download_url"));

    /** The positional parameter naming the job, given to {@code hysds-run}. */
    public static final String JOB_PARAM = "job";

    private final String jobName;
    private final List<String> contextParams;

    HysdsJob(String jobName, List<String> contextParams) {
        this.jobName = jobName;
        this.contextParams = contextParams;
    }

    public String jobName() {
        return jobName;
    }

    /** The parameters its job-spec sends to {@code _context.json}. */
    public List<String> contextParams() {
        return contextParams;
    }

    /** Mozart's name for the job type of a release, e.g. {@code job-ingest_alos2_sentinelasia:v1.2}. */
    public String jobType(String version) {
        return "job-" + jobName + ":" + version;
    }

    public static HysdsJob named(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (HysdsJob j : values()) {
            if (j.jobName.equals(n) || ("job-" + j.jobName).equals(n.replaceFirst(":.*$", ""))) {
                return j;
            }
        }
        throw new IllegalArgumentException("unknown HySDS job '" + name + "' (" + String.join(", ", Arrays.stream(values()).map(HysdsJob::jobName).toList())
                + ")");
    }
}
