package org.alos2ingest.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How downloads behave and what the user set for each service. The services' settings are kept by
 * source type name ({@link SourceType#name()}), so that a new source brings its own without a field
 * here. Made with {@link #builder()} or changed with {@link #toBuilder()}.
 *
 * @param retries        how many times a transient failure (connection reset, timeout, 5xx) is retried
 *                       in a row before the transfer fails; a retry that made progress resets the count
 * @param backoff        the first wait before a retry; each further retry in a row doubles it (at most 60 s)
 * @param readTimeout    how long a read may wait for the next byte before the connection counts as stalled
 * @param caCert         a PEM file of extra CA certificates to trust besides the JDK's
 * @param partialDir     where unfinished downloads are kept so that a later run can resume them;
 *                       null keeps them in the item's own work folder
 * @param services       each service's URL and login, by source type name; a type not named uses its defaults
 */
public record FetchConfig(int retries, Duration backoff, Duration connectTimeout, Duration readTimeout, Optional<Path> caCert,
                          CredentialLookup credentials, Path partialDir, Map<String, ServiceSettings> services) {

    public static final int DEFAULT_RETRIES = 5;

    public FetchConfig {
        if (retries < 0) {
            throw new IllegalArgumentException("--retries must be 0 or more, not " + retries);
        }
        services = Map.copyOf(services);
    }

    /** The real services, five retries from one second, the process's environment and ~/.netrc. */
    public static FetchConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.retries = retries;
        b.backoff = backoff;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.caCert = caCert;
        b.credentials = credentials;
        b.partialDir = partialDir;
        b.services.putAll(services);
        return b;
    }

    /** What the user set for a source type's service; {@link ServiceSettings#NONE} when nothing. */
    public ServiceSettings settings(String sourceType) {
        return services.getOrDefault(sourceType, ServiceSettings.NONE);
    }

    /** The base URL of a type's service: the one set, else its default. */
    public URI serviceUrl(SourceType type) {
        return settings(type.name()).url().or(() -> type.service().flatMap(SourceType.Service::defaultUrl))
                .orElseThrow(() -> new IllegalStateException("source type " + type.name() + " has no service URL"));
    }

    /** Where the login of a type's service comes from: the user and password file set, else its variables and .netrc. */
    public ServiceLogin login(SourceType type) {
        SourceType.Service s = type.service().orElseThrow(() -> new IllegalStateException("source type " + type.name() + " has no login"));
        ServiceSettings set = settings(type.name());
        return new ServiceLogin(s.title(), set.user(), set.passwordFile(), s.userEnv(), s.passwordEnv());
    }

    public static final class Builder {
        private int retries = DEFAULT_RETRIES;
        private Duration backoff = Duration.ofSeconds(1);
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration readTimeout = Duration.ofSeconds(120);
        private Optional<Path> caCert = Optional.empty();
        private CredentialLookup credentials;
        private Path partialDir;
        private final Map<String, ServiceSettings> services = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder retries(int n, Duration firstBackoff) {
            retries = n;
            backoff = firstBackoff;
            return this;
        }

        public Builder timeouts(Duration connect, Duration read) {
            connectTimeout = connect;
            readTimeout = read;
            return this;
        }

        public Builder caCert(Path file) {
            caCert = Optional.ofNullable(file);
            return this;
        }

        public Builder credentials(CredentialLookup lookup) {
            credentials = lookup;
            return this;
        }

        public Builder partialDir(Path dir) {
            partialDir = dir;
            return this;
        }

        /** Changes what is set for one source type's service. */
        public Builder service(String sourceType, UnaryOperator<ServiceSettings> change) {
            services.put(sourceType, change.apply(services.getOrDefault(sourceType, ServiceSettings.NONE)));
            return this;
        }

        /** Without credentials given, the process's environment and ~/.netrc. */
        public FetchConfig build() {
            return new FetchConfig(retries, backoff, connectTimeout, readTimeout, caCert,
                    credentials != null ? credentials : CredentialLookup.fromEnvironment(null), partialDir, services);
        }
    }
}
