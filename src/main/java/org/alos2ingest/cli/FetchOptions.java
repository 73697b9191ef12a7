package org.alos2ingest.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.alos2ingest.cli.input.ExistingFile;
import org.alos2ingest.cli.input.Seconds;
import org.alos2ingest.cli.input.WholeNumbers;
import org.alos2ingest.fetch.CredentialLookup;
import org.alos2ingest.fetch.FetchConfig;
import org.alos2ingest.fetch.ServiceSettings;
import org.alos2ingest.fetch.SourceType;
import org.alos2ingest.fetch.SourceTypes;
import org.alos2ingest.fetch.Urls;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * Options of commands that download: retries, TLS trust, where the services are and whose login to
 * use. Passwords are never options (a command line is visible to every user of the machine): they
 * come from environment variables, password files or .netrc. Each source type with a service
 * ({@link SourceType#service()}) brings its options {@code --<name>-url} (when it has a default URL),
 * {@code --<name>-user} and {@code --<name>-password-file}, added from {@link SourceTypes}.
 */
@CommandLine.Command(modelTransformer = SourceTypeOptions.class)
public final class FetchOptions {

    @Option(names = "--retries", paramLabel = "N", defaultValue = "5", converter = WholeNumbers.Retries.class,
            description = "Retries of a transient failure (connection reset, timeout, HTTP 5xx) in a row before giving up (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--retry-wait", paramLabel = "SECONDS", defaultValue = "1", converter = Seconds.class,
            description = "First wait before a retry; it doubles with each retry in a row (default: ${DEFAULT-VALUE}).")
    double retryWait;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120", converter = Seconds.Positive.class,
            description = "How long a connection may stay silent before it is retried (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = "--ca-cert", paramLabel = "FILE", converter = ExistingFile.class,
            description = "PEM file of CA certificates to trust besides Java's own (for servers with a private CA).")
    Path caCert;

    @Option(names = "--netrc", paramLabel = "FILE", description = "The .netrc to read logins from (default: $NETRC, else $HOME/.netrc).")
    Path netrc;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandSpec spec;

    /** Adds each service's options, as its source type describes it. */
    static void addServiceOptions(CommandSpec spec, List<SourceType> types) {
        for (SourceType t : types) {
            t.service().ifPresent(s -> {
                String n = t.name();
                s.defaultUrl().ifPresent(u -> spec.addOption(OptionSpec.builder("--" + n + "-url").paramLabel("URL").type(String.class)
                        .description(s.title() + " base URL (default: " + u + ").").build()));
                spec.addOption(OptionSpec.builder("--" + n + "-user").paramLabel("USER").type(String.class)
                        .description(s.title() + " login (default: $" + s.userEnv() + ", else the .netrc entry of its host). The password comes from $"
                                + s.passwordEnv() + ", --" + n + "-password-file or .netrc.").build());
                spec.addOption(OptionSpec.builder("--" + n + "-password-file").paramLabel("FILE").type(Path.class).converters(new ExistingFile())
                        .description("File whose first line is the " + s.title() + " password.").build());
            });
        }
    }

    /** The value of a service option, when it was given. */
    private <T> Optional<T> given(String option) {
        OptionSpec o = spec.findOption(option);
        return o == null ? Optional.empty() : Optional.ofNullable(o.getValue());
    }

    /**
     * @param partialDir where unfinished downloads wait to be resumed by a later run
     */
    FetchConfig config(Path partialDir) {
        FetchConfig.Builder b = FetchConfig.builder()
                .retries(retries, Duration.ofMillis(Math.round(retryWait * 1000)))
                .timeouts(Duration.ofSeconds(30), Duration.ofMillis(Math.round(timeout * 1000)))
                .caCert(caCert)
                .credentials(CredentialLookup.fromEnvironment(netrc))
                .partialDir(partialDir);
        for (SourceType t : SourceTypes.all()) {
            String n = t.name();
            Optional<URI> url = this.<String>given("--" + n + "-url").map(u -> base(u, "--" + n + "-url"));
            ServiceSettings s = new ServiceSettings(url, given("--" + n + "-user"), given("--" + n + "-password-file"));
            if (!s.equals(ServiceSettings.NONE)) {
                b.service(n, x -> s);
            }
        }
        return b.build();
    }

    private static URI base(String url, String option) {
        try {
            URI u = Urls.parse(url);
            if (u.getRawUserInfo() != null) {
                throw new IllegalArgumentException("a service URL must not hold credentials: use the login options, environment or .netrc");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}
