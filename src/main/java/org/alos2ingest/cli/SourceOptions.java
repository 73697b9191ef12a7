package org.alos2ingest.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alos2ingest.fetch.SourceType;
import org.alos2ingest.fetch.SourceTypes;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options that choose a source other than by a target argument ({@code --auig2-order ID},
 * {@code --sentinel-asia --eor-id ID}, ...): each source type's {@link SourceType#options()}, added
 * from {@link SourceTypes}.
 */
@CommandLine.Command(modelTransformer = SourceTypeOptions.class)
public final class SourceOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandSpec spec;

    static void addSourceOptions(CommandSpec spec, List<SourceType> types) {
        for (SourceType t : types) {
            for (SourceType.CliOption o : t.options()) {
                OptionSpec.Builder b = OptionSpec.builder(o.name()).description(o.description());
                spec.addOption(o.flag() ? b.type(boolean.class).arity("0").build() : b.type(String.class).paramLabel(o.paramLabel()).build());
            }
        }
    }

    /**
     * The jobs the options name: one for each source type of which an option was given.
     *
     * @throws CommandLine.ParameterException for options that name no job (e.g. --eor-id without --sentinel-asia)
     */
    List<SourceTypes.Job> chosen() {
        List<SourceTypes.Job> jobs = new ArrayList<>();
        for (SourceType t : SourceTypes.all()) {
            Map<String, String> given = new LinkedHashMap<>();
            for (SourceType.CliOption o : t.options()) {
                OptionSpec s = spec.findOption(o.name());
                Object v = s == null ? null : s.getValue();
                if (v != null && !Boolean.FALSE.equals(v)) {
                    given.put(o.name(), v.toString());
                }
            }
            if (!given.isEmpty()) {
                jobs.add(Usage.check(spec, () -> new SourceTypes.Job(t, t.fromOptions(given))));
            }
        }
        return jobs;
    }

    /** The options in a usage message: "--auig2-order ID, --sentinel-asia". */
    static String summary() {
        return String.join(", ", SourceTypes.all().stream().filter(t -> !t.options().isEmpty()).map(t -> t.options().get(0).usage()).toList());
    }
}
