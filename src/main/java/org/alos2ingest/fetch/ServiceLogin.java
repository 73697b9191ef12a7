package org.alos2ingest.fetch;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the login of one service may come from, in order: the user name given as an option, else
 * the environment variable {@code userEnv}, else the .netrc entry for the service's host; the password
 * from a file given as an option, else the environment variable {@code passwordEnv}, else .netrc.
 * A password is never taken from a command-line argument, where any user of the machine could read it
 * in the process list.
 *
 * @param service      the service's name in messages ("AUIG2", "Sentinel Asia")
 * @param user         the user name given as an option, if any
 * @param passwordFile a file whose first line is the password, if given
 */
public record ServiceLogin(String service, Optional<String> user, Optional<Path> passwordFile, String userEnv, String passwordEnv) {

    public static ServiceLogin auig2(Optional<String> user, Optional<Path> passwordFile) {
        return new ServiceLogin(Auig2Protocol.SERVICE, user, passwordFile, "AUIG2_USER", "AUIG2_PASSWORD");
    }

    public static ServiceLogin sentinelAsia(Optional<String> user, Optional<Path> passwordFile) {
        return new ServiceLogin(SentinelAsiaProtocol.SERVICE, user, passwordFile, "SENTINEL_ASIA_USER", "SENTINEL_ASIA_PASSWORD");
    }

    /** A plain download URL: {@code --url-user}, {@code ALOS2_INGEST_URL_PASSWORD}, or .netrc for the URL's host. */
    public static ServiceLogin url(Optional<String> user, Optional<Path> passwordFile) {
        return new ServiceLogin("download server", user, passwordFile, "ALOS2_INGEST_URL_USER", "ALOS2_INGEST_URL_PASSWORD");
    }
}
