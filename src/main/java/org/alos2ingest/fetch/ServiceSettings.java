package org.alos2ingest.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a user set for one service (a {@link SourceType} with a {@link SourceType.Service}): where it
 * is and whose login to use. Everything is optional: an empty field falls back to the service's
 * default URL, its environment variables and .netrc.
 *
 * @param url          the service's base URL, in place of its default (a mirror, a test server)
 * @param user         the login name, in place of the service's user variable or .netrc
 * @param passwordFile a file whose first line is the password
 */
public record ServiceSettings(Optional<URI> url, Optional<String> user, Optional<Path> passwordFile) {

    public static final ServiceSettings NONE = new ServiceSettings(Optional.empty(), Optional.empty(), Optional.empty());

    public ServiceSettings withUrl(URI u) {
        return new ServiceSettings(Optional.of(u), user, passwordFile);
    }

    public ServiceSettings withUser(String u) {
        return new ServiceSettings(url, Optional.of(u), passwordFile);
    }

    public ServiceSettings withPasswordFile(Path file) {
        return new ServiceSettings(url, user, Optional.of(file));
    }
}
