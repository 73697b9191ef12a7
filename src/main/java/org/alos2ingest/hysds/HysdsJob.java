package org.alos2ingest.hysds;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.alos2ingest.fetch.SourceType;
import org.alos2ingest.fetch.SourceTypes;

/**
 * A HySDS job alos2-ingest packages: one for each source type with a {@link SourceType#pgeJob()},
 * named as the old system's job-specs were ({@code docker/job-spec.json.<name>}, job type
 * {@code job-<name>:<version>}), with the parameters its job-spec sends to {@code _context.json}.
 * Every job-spec also has the positional parameter {@code job} (its own name), which the container's
 * command passes to {@code hysds-run}.
 *
 * @param source the source type whose jobs it runs
 * @param pge    its name, context parameters and how they become the source's job parameters
 */
public record HysdsJob(SourceType source, SourceType.PgeJob pge) {

    /** The positional parameter naming the job, given to {@code hysds-run}. */
    public static final String JOB_PARAM = "job";

    /** Every packaged job, in the order of the source types. */
    public static List<HysdsJob> values() {
        return SourceTypes.all().stream().flatMap(t -> t.pgeJob().map(p -> new HysdsJob(t, p)).stream()).toList();
    }

    public String jobName() {
        return pge.name();
    }

    /** The parameters its job-spec sends to {@code _context.json}. */
    public List<String> contextParams() {
        return pge.contextParams();
    }

    /** Mozart's name for the job type of a release, e.g. {@code job-ingest_alos2_sentinelasia:v1.2}. */
    public String jobType(String version) {
        return "job-" + jobName() + ":" + version;
    }

    /** The job that runs a source type's jobs, if it is packaged. */
    public static Optional<HysdsJob> forSource(String sourceType) {
        return values().stream().filter(j -> j.source.name().equals(sourceType)).findFirst();
    }

    public static HysdsJob named(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (HysdsJob j : values()) {
            if (j.jobName().equals(n) || ("job-" + j.jobName()).equals(n.replaceFirst(":.*$", ""))) {
                return j;
            }
        }
        throw new IllegalArgumentException("unknown HySDS job '" + name + "' (" + String.join(", ", values().stream().map(HysdsJob::jobName).toList())
                + ")");
    }

    @Override
    public String toString() {
        return jobName();
    }
}
