package org.alos2ingest.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alos2ingest.fetch.FetchConfig;
import org.alos2ingest.watch.WatchedSource;
import org.alos2ingest.watch.WatchedSourceKind;
import org.alos2ingest.watch.WatchedSources;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The options that choose what {@code watch} polls: each watched source kind's, added from {@link WatchedSources}. */
@CommandLine.Command(modelTransformer = SourceTypeOptions.class)
public final class WatchOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandSpec spec;

    static void addWatchOptions(CommandSpec spec, List<WatchedSourceKind> kinds) {
        for (WatchedSourceKind k : kinds) {
            for (WatchedSourceKind.Option o : k.options()) {
                OptionSpec.Builder b = OptionSpec.builder(o.name()).description(o.description());
                if (o.flag()) {
                    b.type(boolean.class).arity("0");
                } else {
                    b.type(o.repeatable() ? String[].class : String.class).paramLabel(o.paramLabel()).arity("1");
                }
                spec.addOption(b.build());
            }
        }
    }

    /** The sources the options name, every kind's. */
    List<WatchedSource> sources(FetchConfig config) {
        List<WatchedSource> out = new ArrayList<>();
        for (WatchedSourceKind k : WatchedSources.all()) {
            Map<String, List<String>> given = new LinkedHashMap<>();
            for (WatchedSourceKind.Option o : k.options()) {
                OptionSpec s = spec.findOption(o.name());
                Object v = s == null ? null : s.getValue();
                if (v instanceof String[] many) {
                    given.put(o.name(), List.of(many));
                } else if (v != null && !Boolean.FALSE.equals(v)) {
                    given.put(o.name(), List.of(v.toString()));
                }
            }
            out.addAll(Usage.check(spec, () -> k.sources(given, config)));
        }
        return out;
    }

    /** "--sentinel-asia, --auig2-user USER, --listing URL": for a usage message. */
    static String summary() {
        List<String> names = new ArrayList<>();
        for (WatchedSourceKind k : WatchedSources.all()) {
            if (k.options().isEmpty()) {
                names.add("--" + k.name() + "-user USER");
            } else {
                WatchedSourceKind.Option o = k.options().get(0);
                names.add(o.flag() ? o.name() : o.name() + " " + o.paramLabel());
            }
        }
        return String.join(", ", names);
    }
}
