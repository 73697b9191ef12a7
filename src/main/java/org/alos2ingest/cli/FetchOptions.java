package org.alos2ingest.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.alos2ingest.fetch.CredentialLookup;
import org.alos2ingest.fetch.FetchConfig;
import org.alos2ingest.fetch.ServiceLogin;
import org.alos2ingest.fetch.Urls;
import picocli.CommandLine.Option;

/**
 * Options of commands that download: retries, TLS trust, where the services are and whose login to
 * use. Passwords are never options (a command line is visible to every user of the machine): they
 * come from environment variables, password files or .netrc.
 */
public final class FetchOptions {

    @Option(names = "--retries", paramLabel = "N", defaultValue = "5",
            description = "Retries of a transient failure (connection reset, timeout, HTTP 5xx) in a row before giving up (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--retry-wait", paramLabel = "SECONDS", defaultValue = "1",
            description = "First wait before a retry; it doubles with each retry in a row (default: ${DEFAULT-VALUE}).")
    double retryWait;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long a connection may stay silent before it is retried (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = "--ca-cert", paramLabel = "FILE",
            description = "PEM file of CA certificates to trust besides Java's own (for servers with a private CA).")
    Path caCert;

    @Option(names = "--netrc", paramLabel = "FILE", description = "The .netrc to read logins from (default: $NETRC or ~/.netrc).")
    Path netrc;

    @Option(names = "--auig2-url", paramLabel = "URL", description = "AUIG2 base URL (default: https://auig2.jaxa.jp).")
    String auig2Url;

    @Option(names = "--auig2-user", paramLabel = "USER",
            description = "AUIG2 login (default: $AUIG2_USER, or the .netrc entry of the AUIG2 host). The password comes from "
                    + "$AUIG2_PASSWORD, --auig2-password-file or .netrc.")
    String auig2User;

    @Option(names = "--auig2-password-file", paramLabel = "FILE", description = "File whose first line is the AUIG2 password.")
    Path auig2PasswordFile;

    @Option(names = "--sentinel-asia-url", paramLabel = "URL",
            description = "Sentinel Asia base URL (default: https://sentinel.tksc.jaxa.jp/sentinel2).")
    String sentinelAsiaUrl;

    @Option(names = "--sentinel-asia-user", paramLabel = "USER",
            description = "Sentinel Asia login (default: $SENTINEL_ASIA_USER, or the .netrc entry of its host). The password comes from "
                    + "$SENTINEL_ASIA_PASSWORD, --sentinel-asia-password-file or .netrc.")
    String sentinelAsiaUser;

    @Option(names = "--sentinel-asia-password-file", paramLabel = "FILE", description = "File whose first line is the Sentinel Asia password.")
    Path sentinelAsiaPasswordFile;

    @Option(names = "--url-user", paramLabel = "USER",
            description = "Login for download URLs (default: $ALOS2_INGEST_URL_USER, else each host's .netrc entry). The password comes from "
                    + "$ALOS2_INGEST_URL_PASSWORD, --url-password-file or .netrc.")
    String urlUser;

    @Option(names = "--url-password-file", paramLabel = "FILE", description = "File whose first line is the download URL password.")
    Path urlPasswordFile;

    /**
     * @param partialDir where unfinished downloads wait to be resumed by a later run
     */
    FetchConfig config(Path partialDir) {
        FetchConfig c = FetchConfig.defaults()
                .withRetries(retries, Duration.ofMillis(Math.round(retryWait * 1000)))
                .withTimeouts(Duration.ofSeconds(30), Duration.ofMillis(Math.round(timeout * 1000)))
                .withCaCert(caCert)
                .withCredentials(CredentialLookup.fromEnvironment(netrc))
                .withPartialDir(partialDir)
                .withServices(auig2Url == null ? null : base(auig2Url), sentinelAsiaUrl == null ? null : base(sentinelAsiaUrl))
                .withLogins(ServiceLogin.auig2(Optional.ofNullable(auig2User), Optional.ofNullable(auig2PasswordFile)),
                        ServiceLogin.sentinelAsia(Optional.ofNullable(sentinelAsiaUser), Optional.ofNullable(sentinelAsiaPasswordFile)),
                        ServiceLogin.url(Optional.ofNullable(urlUser), Optional.ofNullable(urlPasswordFile)));
        return c;
    }

    private static URI base(String url) {
        URI u = Urls.parse(url);
        if (u.getRawUserInfo() != null) {
            throw new IllegalArgumentException("a service URL must not hold credentials: use the login options, environment or .netrc");
        }
        return u;
    }
}
