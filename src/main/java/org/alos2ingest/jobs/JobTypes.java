package org.alos2ingest.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.fetch.FetchConfig;
import org.alos2ingest.fetch.Sources;
import org.alos2ingest.ingest.ArchiveScan;
import org.alos2ingest.ingest.IngestJob;
import org.alos2ingest.ingest.IngestOptions;

/**
 * The job types a worker runs, by the {@link JobSpec#type()} that names them: one line per type.
 * The four fetch sources share one runner; a new kind of job (e.g. an archive group that catalogs
 * files already on disk) registers its own runner here and can then be submitted and run like any other.
 */
public final class JobTypes {

    /** What a runner may use: the worker's ingest (its catalog, publish location, work folder) and its fetch settings. */
    public record Context(IngestJob ingest, IngestOptions options, Catalog catalog, FetchConfig fetch) {
    }

    /** One group of Level 1.1 archive files to catalog in place (see {@link ArchiveScan}). */
    public static final String ARCHIVE_GROUP = "archive-group";

    private static final Map<String, Function<Context, JobRunner>> TYPES = types();

    private JobTypes() {
    }

    private static Map<String, Function<Context, JobRunner>> types() {
        Map<String, Function<Context, JobRunner>> m = new LinkedHashMap<>();
        for (String source : new String[] {Sources.PATH, Sources.URL, Sources.AUIG2, Sources.SENTINEL_ASIA}) {
            m.put(source, c -> new SourceJobRunner(c.ingest(), c.fetch()));
        }
        m.put(ARCHIVE_GROUP, c -> job -> {
            String dir = job.params().get("dir");
            String fdate = job.params().get("fdate");
            if (dir == null || dir.isBlank() || fdate == null || fdate.isBlank()) {
                throw new IllegalArgumentException("an " + ARCHIVE_GROUP + " job needs the parameters dir and fdate");
            }
            ArchiveScan scan = new ArchiveScan(c.options(), c.catalog(),
                    org.alos2ingest.publish.Publishers.standard(c.options().settings(), c.options().progress()));
            return scan.runGroup(java.nio.file.Path.of(dir), fdate, job.params().get("tag"));
        });
        return Map.copyOf(m);
    }

    /** The type names a worker knows, for checking a job before it is queued. */
    public static Set<String> names() {
        return new java.util.TreeSet<>(TYPES.keySet());
    }

    public static boolean known(String type) {
        return TYPES.containsKey(type);
    }

    /**
     * A runner that hands each job to the runner of its type.
     *
     * @throws IllegalArgumentException (from the runner) for a job of an unknown type: it can never succeed
     */
    public static JobRunner runner(Context context) {
        Map<String, JobRunner> runners = new LinkedHashMap<>();
        TYPES.forEach((type, make) -> runners.put(type, make.apply(context)));
        return job -> {
            JobRunner r = runners.get(job.type());
            if (r == null) {
                throw new IllegalArgumentException("unknown job type '" + job.type() + "' (this worker runs " + String.join(", ", names()) + ")");
            }
            return r.run(job);
        };
    }
}
