package org.alos2ingest.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.fetch.FetchConfig;
import org.alos2ingest.fetch.SourceType;
import org.alos2ingest.fetch.SourceTypes;
import org.alos2ingest.ingest.ArchiveScan;
import org.alos2ingest.ingest.IngestJob;
import org.alos2ingest.ingest.IngestOptions;

/**
 * The job types a worker runs, by the {@link JobSpec#type()} that names them: one line per type.
 * Every source type ({@link SourceTypes}) is a job type of its own name, all sharing one runner; a new kind of job (e.g. an archive group that catalogs
 * files already on disk) registers its own runner here and can then be submitted and run like any other.
 */
public final class JobTypes {

    /** What a runner may use: the worker's ingest (its catalog, publish location, work folder) and its fetch settings. */
    public record Context(IngestJob ingest, IngestOptions options, Catalog catalog, FetchConfig fetch) {
    }

    /** One group of Level 1.1 archive files to catalog in place (see {@link ArchiveScan}). */
    public static final String ARCHIVE_GROUP = "archive-group";

    /** The job types that are not sources. */
    private static final Map<String, Function<Context, JobRunner>> OTHER = Map.of(ARCHIVE_GROUP, JobTypes::archiveGroup);

    private JobTypes() {
    }

    /** The source types as they are registered when asked (a test may add one), then the other job types. */
    private static Map<String, Function<Context, JobRunner>> types() {
        Map<String, Function<Context, JobRunner>> m = new LinkedHashMap<>();
        for (SourceType source : SourceTypes.all()) {
            m.put(source.name(), c -> new SourceJobRunner(c.ingest(), c.fetch()));
        }
        m.putAll(OTHER);
        return m;
    }

    private static JobRunner archiveGroup(Context c) {
        return job -> {
            String dir = job.params().get("dir");
            String fdate = job.params().get("fdate");
            if (dir == null || dir.isBlank() || fdate == null || fdate.isBlank()) {
                throw new IllegalArgumentException("an " + ARCHIVE_GROUP + " job needs the parameters dir and fdate");
            }
            ArchiveScan scan = new ArchiveScan(c.options(), c.catalog(),
                    org.alos2ingest.publish.Publishers.standard(c.options().settings(), c.options().progress()));
            return scan.runGroup(java.nio.file.Path.of(dir), fdate, job.params().get("tag"));
        };
    }

    /** The type names a worker knows, for checking a job before it is queued. */
    public static Set<String> names() {
        return new java.util.TreeSet<>(types().keySet());
    }

    public static boolean known(String type) {
        return types().containsKey(type);
    }

    /**
     * A runner that hands each job to the runner of its type.
     *
     * @throws IllegalArgumentException (from the runner) for a job of an unknown type: it can never succeed
     */
    public static JobRunner runner(Context context) {
        Map<String, JobRunner> runners = new LinkedHashMap<>();
        types().forEach((type, make) -> runners.put(type, make.apply(context)));
        return job -> {
            JobRunner r = runners.get(job.type());
            if (r == null) {
                throw new IllegalArgumentException("unknown job type '" + job.type() + "' (this worker runs " + String.join(", ", names()) + ")");
            }
            return r.run(job);
        };
    }
}
