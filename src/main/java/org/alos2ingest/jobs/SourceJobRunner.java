package org.alos2ingest.jobs;

import java.util.Optional;

import org.alos2ingest.fetch.FetchConfig;
import org.alos2ingest.fetch.ServiceLogin;
import org.alos2ingest.fetch.Sources;
import org.alos2ingest.ingest.IngestJob;
import org.alos2ingest.ingest.IngestReport;

/**
 * The worker side of a queue: makes the job's source from its type and parameters (the worker's
 * own credentials lookup supplies any login) and runs one ingest of it.
 */
public final class SourceJobRunner implements JobRunner {

    /** Job parameter naming the AUIG2 user, as HySDS's job does; the password is still the worker's to find. */
    public static final String AUIG2_USERNAME = "auig2_username";

    private final IngestJob ingest;
    private final FetchConfig config;

    public SourceJobRunner(IngestJob ingest, FetchConfig config) {
        this.ingest = ingest;
        this.config = config;
    }

    @Override
    public IngestReport run(JobSpec job) {
        return ingest.run(Sources.fromJob(job.type(), job.params(), configFor(job)));
    }

    private FetchConfig configFor(JobSpec job) {
        String user = job.params().get(AUIG2_USERNAME);
        if (user == null || user.isBlank()) {
            return config;
        }
        ServiceLogin a = config.auig2Login();
        return config.withLogins(new ServiceLogin(a.service(), Optional.of(user.strip()), a.passwordFile(), a.userEnv(), a.passwordEnv()),
                config.sentinelAsiaLogin(), config.urlLogin());
    }
}
