package org.alos2ingest.fetch;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the login of one service may come from, in order: the user name given as an option, else
 * the environment variable {@code userEnv}, else the .netrc entry for the service's host; the password
 * from a file given as an option, else the environment variable {@code passwordEnv}, else .netrc.
 * A password is never taken from a command-line argument, where any user of the machine could read it
 * in the process list. Made by {@link FetchConfig#login} from a source type's {@link SourceType.Service}
 * and what the user set for it.
 *
 * @param service      the service's name in messages ("AUIG2", "Sentinel Asia")
 * @param user         the user name given as an option, if any
 * @param passwordFile a file whose first line is the password, if given
 */
public record ServiceLogin(String service, Optional<String> user, Optional<Path> passwordFile, String userEnv, String passwordEnv) {
}
