package org.alos2ingest.watch;

import java.util.List;

/** The kinds of watched source, one line each. */
public final class WatchedSources {

    private static final List<WatchedSourceKind> KINDS = List.of(
            SentinelAsiaWatch.KIND,
            Auig2Watch.KIND,
            ListingWatch.KIND);

    private WatchedSources() {
    }

    public static List<WatchedSourceKind> all() {
        return KINDS;
    }
}
