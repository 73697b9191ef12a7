package org.alos2ingest.cli;

import org.alos2ingest.fetch.SourceTypes;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Adds the options the registered source types bring to a command that has {@link FetchOptions}
 * (each service's URL and login) or {@link SourceOptions} (the options that choose a source), and the
 * watched source kinds' to one with {@link WatchOptions}. One
 * transformer serves both mixins: picocli applies a single model transformer per command, the first
 * one its mixins declare, and only to a command built by {@code new CommandLine(...)} (see {@link Main}).
 */
final class SourceTypeOptions implements CommandLine.IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec spec) {
        if (has(spec, FetchOptions.class)) {
            FetchOptions.addServiceOptions(spec, SourceTypes.all());
        }
        if (has(spec, SourceOptions.class)) {
            SourceOptions.addSourceOptions(spec, SourceTypes.all());
        }
        if (has(spec, WatchOptions.class)) {
            WatchOptions.addWatchOptions(spec, org.alos2ingest.watch.WatchedSources.all());
        }
        return spec;
    }

    private static boolean has(CommandSpec spec, Class<?> mixin) {
        return spec.mixins().values().stream().anyMatch(m -> mixin.isInstance(m.userObject()));
    }
}
