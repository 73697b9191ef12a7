package org.alos2ingest.watch;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alos2ingest.fetch.FetchConfig;
import org.alos2ingest.fetch.SentinelAsiaSource;
import org.alos2ingest.fetch.Source;
import org.alos2ingest.fetch.SourceTypes;
import org.alos2ingest.jobs.JobSpec;

/**
 * Sentinel Asia's emergency observation requests (EORs): every data file of every EOR observed in
 * the last {@code --sentinel-asia-days} days. New files keep arriving for an EOR for days after it
 * was observed, so the window is days, not the time since the last poll; the ledger keeps each file
 * to one job. Only the portal's JSON listings are read per poll; each new ALOS-2 file's name is asked
 * by its own job.
 */
final class SentinelAsiaWatch implements WatchedSource {

    static final String FLAG = "--sentinel-asia";
    static final String DAYS = "--sentinel-asia-days";
    static final int DEFAULT_DAYS = 30;

    static final WatchedSourceKind KIND = new WatchedSourceKind() {
        @Override
        public String name() {
            return "sentinel-asia";
        }

        @Override
        public List<Option> options() {
            return List.of(new Option(FLAG, "", false, "Watch Sentinel Asia: every data file of the emergency observation requests (EORs) observed in the last "
                            + DAYS + " days (login: --sentinel-asia-user, $SENTINEL_ASIA_PASSWORD or .netrc)."),
                    new Option(DAYS, "N", false, "How many days back an EOR's observation date may be and its files still be watched (default: "
                            + DEFAULT_DAYS + ")."));
        }

        @Override
        public List<WatchedSource> sources(Map<String, List<String>> given, FetchConfig config) {
            if (!given.containsKey(FLAG)) {
                if (given.containsKey(DAYS)) {
                    throw new IllegalArgumentException(DAYS + " goes with " + FLAG);
                }
                return List.of();
            }
            int days = DEFAULT_DAYS;
            if (given.containsKey(DAYS)) {
                try {
                    days = Integer.parseInt(given.get(DAYS).get(0).strip());
                } catch (NumberFormatException e) {
                    days = -1;
                }
                if (days < 0 || days > 3650) {
                    throw new IllegalArgumentException(DAYS + " must be a number of days from 0 to 3650, not '" + given.get(DAYS).get(0) + "'");
                }
            }
            return List.of(new SentinelAsiaWatch(config, days));
        }
    };

    private final FetchConfig config;
    private final int days;

    SentinelAsiaWatch(FetchConfig config, int days) {
        this.config = config;
        this.days = days;
    }

    @Override
    public String describe() {
        return "Sentinel Asia " + config.serviceUrl(SentinelAsiaSource.TYPE) + " (EORs of the last " + days + " days)";
    }

    @Override
    public List<WatchedFile> poll() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Source s = SentinelAsiaSource.since(today.minusDays(days), today, config).unprobed();
        String type = SentinelAsiaSource.TYPE.name();
        Map<String, String> common = SourceTypes.serviceParams(SentinelAsiaSource.TYPE, config);
        String base = common.getOrDefault(SourceTypes.BASE_URL, "");
        List<WatchedFile> out = new ArrayList<>();
        for (Source.Item item : s.list()) {
            Map<String, String> a = item.attributes();
            String dataId = a.get(SentinelAsiaSource.DATA_ID);
            Map<String, String> params = new LinkedHashMap<>(common);
            params.putAll(a);
            String title = a.getOrDefault(SentinelAsiaSource.FILE_TITLE, "");
            String subject = dataId + (title.isBlank() ? "" : " (" + title + ")") + " of EOR " + a.getOrDefault(SentinelAsiaSource.EOR_ID, "?");
            out.add(new WatchedFile(type + " " + base + " " + dataId, subject, new JobSpec(type, JobSpec.nameOf(type, dataId), params),
                    item.skipReason()));
        }
        return out;
    }
}
