package org.alos2ingest.watch;

import java.util.List;
import java.util.Map;

import org.alos2ingest.fetch.FetchConfig;

/**
 * A kind of watched source, as {@code watch} offers it: its options and how its sources are made of
 * them. A new kind is one class implementing this and one line in {@link WatchedSources}.
 */
public interface WatchedSourceKind {

    String name();

    /** The options that choose and tune it on {@code watch}'s command line. */
    List<Option> options();

    /**
     * The sources the command line asks for; none when it does not name this kind.
     *
     * @param given  the values of this kind's options that were given, by option name (a flag's value is {@code true})
     * @param config the fetch settings, with the services' URLs and users as given
     * @throws IllegalArgumentException for option values that make no source, naming the option
     */
    List<WatchedSource> sources(Map<String, List<String>> given, FetchConfig config);

    /**
     * An option of {@code watch}.
     *
     * @param paramLabel its value's label, empty for a flag
     */
    record Option(String name, String paramLabel, boolean repeatable, String description) {

        public boolean flag() {
            return paramLabel.isEmpty();
        }
    }
}
