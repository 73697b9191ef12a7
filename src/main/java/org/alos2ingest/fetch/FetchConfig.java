package org.alos2ingest.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How downloads behave and where the services are. The base URLs default to the real services and
 * are options so that a mirror, a changed address, or a local test server can take their place.
 *
 * @param retries        how many times a transient failure (connection reset, timeout, 5xx) is retried
 *                       in a row before the transfer fails; a retry that made progress resets the count
 * @param backoff        the first wait before a retry; each further retry in a row doubles it (at most 60 s)
 * @param readTimeout    how long a read may wait for the next byte before the connection counts as stalled
 * @param caCert         a PEM file of extra CA certificates to trust besides the JDK's
 * @param partialDir     where unfinished downloads are kept so that a later run can resume them;
 *                       null keeps them in the item's own work folder
 */
public record FetchConfig(int retries, Duration backoff, Duration connectTimeout, Duration readTimeout, Optional<Path> caCert,
                          CredentialLookup credentials, Path partialDir, URI auig2Url, URI sentinelAsiaUrl,
                          ServiceLogin auig2Login, ServiceLogin sentinelAsiaLogin, ServiceLogin urlLogin) {

    public static final int DEFAULT_RETRIES = 5;

    public FetchConfig {
        if (retries < 0) {
            throw new IllegalArgumentException("--retries must be 0 or more, not " + retries);
        }
    }

    /** The real services, five retries from one second, the process's environment and ~/.netrc. */
    public static FetchConfig defaults() {
        return new FetchConfig(DEFAULT_RETRIES, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(120), Optional.empty(),
                CredentialLookup.fromEnvironment(null), null, Auig2Protocol.DEFAULT_BASE, SentinelAsiaProtocol.DEFAULT_BASE,
                ServiceLogin.auig2(Optional.empty(), Optional.empty()), ServiceLogin.sentinelAsia(Optional.empty(), Optional.empty()),
                ServiceLogin.url(Optional.empty(), Optional.empty()));
    }

    public FetchConfig withRetries(int n, Duration firstBackoff) {
        return new FetchConfig(n, firstBackoff, connectTimeout, readTimeout, caCert, credentials, partialDir, auig2Url, sentinelAsiaUrl,
                auig2Login, sentinelAsiaLogin, urlLogin);
    }

    public FetchConfig withTimeouts(Duration connect, Duration read) {
        return new FetchConfig(retries, backoff, connect, read, caCert, credentials, partialDir, auig2Url, sentinelAsiaUrl,
                auig2Login, sentinelAsiaLogin, urlLogin);
    }

    public FetchConfig withCaCert(Path file) {
        return new FetchConfig(retries, backoff, connectTimeout, readTimeout, Optional.ofNullable(file), credentials, partialDir, auig2Url,
                sentinelAsiaUrl, auig2Login, sentinelAsiaLogin, urlLogin);
    }

    public FetchConfig withCredentials(CredentialLookup lookup) {
        return new FetchConfig(retries, backoff, connectTimeout, readTimeout, caCert, lookup, partialDir, auig2Url, sentinelAsiaUrl,
                auig2Login, sentinelAsiaLogin, urlLogin);
    }

    public FetchConfig withPartialDir(Path dir) {
        return new FetchConfig(retries, backoff, connectTimeout, readTimeout, caCert, credentials, dir, auig2Url, sentinelAsiaUrl,
                auig2Login, sentinelAsiaLogin, urlLogin);
    }

    public FetchConfig withServices(URI auig2, URI sentinelAsia) {
        return new FetchConfig(retries, backoff, connectTimeout, readTimeout, caCert, credentials, partialDir,
                auig2 != null ? auig2 : auig2Url, sentinelAsia != null ? sentinelAsia : sentinelAsiaUrl, auig2Login, sentinelAsiaLogin, urlLogin);
    }

    public FetchConfig withLogins(ServiceLogin auig2, ServiceLogin sentinelAsia, ServiceLogin url) {
        return new FetchConfig(retries, backoff, connectTimeout, readTimeout, caCert, credentials, partialDir, auig2Url, sentinelAsiaUrl,
                auig2, sentinelAsia, url);
    }
}
