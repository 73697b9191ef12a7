package org.alos2ingest.watch;

import java.util.Optional;

import org.alos2ingest.jobs.JobSpec;

/**
 * One file a watched source offers.
 *
 * @param key        what identifies it for good, whatever poll it shows up in (source, service and file)
 * @param subject    how it is named in the log: its data id, order or file name
 * @param job        the ingest job that fetches it; plain parameters, no credentials
 * @param skipReason why it is offered but not ingested (a map, a report), else empty
 */
public record WatchedFile(String key, String subject, JobSpec job, Optional<String> skipReason) {
}
