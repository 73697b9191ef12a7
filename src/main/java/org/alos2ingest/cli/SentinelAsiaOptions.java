package org.alos2ingest.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.alos2ingest.fetch.FetchConfig;
import org.alos2ingest.fetch.SentinelAsiaSource;
import org.alos2ingest.fetch.Source;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What to take from Sentinel Asia: one file, one request's files, or every request's since a date. */
public final class SentinelAsiaOptions {

    @Option(names = "--sentinel-asia", description = "Take files from Sentinel Asia (with one of --data-id, --eor-id, --start-date).")
    boolean on;

    @Option(names = "--data-id", paramLabel = "ID", description = "Sentinel Asia: one file, e.g. JPJXisis0001201908160001.")
    String dataId;

    @Option(names = "--eor-id", paramLabel = "ID", description = "Sentinel Asia: every ALOS-2 file of this EOR, e.g. ERAHAC000007, one job each.")
    String eorId;

    @Option(names = "--start-date", paramLabel = "YYYYMMDD", description = "Sentinel Asia: every ALOS-2 file of the EORs observed from this date to today, one job each.")
    String startDate;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /** True when files are listed and fanned out as one job each (an EOR or a date), not one data id. */
    boolean fansOut() {
        return on && dataId == null;
    }

    /** Exactly one of the three with --sentinel-asia, none without it, and a date that is a past date. */
    void check() {
        int given = (dataId != null ? 1 : 0) + (eorId != null ? 1 : 0) + (startDate != null ? 1 : 0);
        if (on && given != 1) {
            throw Usage.error(spec, "--sentinel-asia needs exactly one of --data-id, --eor-id, --start-date");
        }
        if (!on && given > 0) {
            throw Usage.error(spec, "--data-id, --eor-id and --start-date go with --sentinel-asia");
        }
        if (startDate != null) {
            startDate();
        }
    }

    /** The listing of an EOR's files, or of every EOR's since the start date. */
    Source listing(FetchConfig config) {
        return Usage.check(spec, () -> eorId != null ? SentinelAsiaSource.eor(eorId, config)
                : SentinelAsiaSource.since(startDate(), LocalDate.now(ZoneOffset.UTC), config));
    }

    private LocalDate startDate() {
        try {
            LocalDate d = LocalDate.parse(startDate.strip(), DateTimeFormatter.BASIC_ISO_DATE);
            if (d.isAfter(LocalDate.now(ZoneOffset.UTC))) {
                throw Usage.error(spec, "--start-date " + startDate + " is in the future");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw Usage.error(spec, "--start-date must be YYYYMMDD, not '" + startDate + "'");
        }
    }
}
