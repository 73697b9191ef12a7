package org.alos2ingest.util;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's home folder as command-line tools take it: {@code $HOME} when set, as a shell, curl and
 * ssh do. Java's {@code user.home} comes from the password database and ignores {@code $HOME}, so a
 * test, a container or {@code sudo -E} that points HOME elsewhere would otherwise be overruled.
 */
public final class UserHome {

    private UserHome() {
    }

    /** {@code $HOME} of this process if set and not blank, else Java's {@code user.home}. */
    public static Path get() {
        return of(System.getenv());
    }

    /** {@code HOME} of {@code env} if set and not blank, else Java's {@code user.home}. */
    public static Path of(Map<String, String> env) {
        String home = env.get("HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
    }

    /** The .netrc curl would read: {@code NETRC} of {@code env} when set and not blank, else .netrc in {@link #of the home}. */
    public static Path netrc(Map<String, String> env) {
        String file = env.get("NETRC");
        return file != null && !file.isBlank() ? Path.of(file) : of(env).resolve(".netrc");
    }
}
