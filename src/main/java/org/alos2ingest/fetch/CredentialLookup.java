package org.alos2ingest.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds credentials for a host or a service from what the user set up: options naming a user and a
 * password file, environment variables, and .netrc (machine = host). The lookup is repeated wherever a
 * job runs, so a job description never has to carry a secret: a worker finds the same credentials
 * in its own environment.
 */
public final class CredentialLookup {

    private final Map<String, String> env;
    private final Path netrcFile;
    private volatile Netrc netrc;

    public CredentialLookup(Map<String, String> env, Path netrcFile) {
        this.env = Map.copyOf(env);
        this.netrcFile = netrcFile;
    }

    /** The environment of this process and the .netrc curl would read ({@code $NETRC} or ~/.netrc). */
    public static CredentialLookup fromEnvironment(Path netrcOverride) {
        Map<String, String> env = System.getenv();
        return new CredentialLookup(env, netrcOverride != null ? netrcOverride : Netrc.defaultFile(env));
    }

    /** Looks in nothing: for anonymous downloads. */
    public static CredentialLookup none() {
        return new CredentialLookup(Map.of(), null);
    }

    private Netrc netrc() {
        Netrc n = netrc;
        if (n == null) {
            n = Netrc.read(netrcFile);
            netrc = n;
        }
        return n;
    }

    /** The .netrc entry for a host (or its {@code default} entry). */
    public Optional<Credentials> netrcFor(String host) {
        return netrcFile == null ? Optional.empty() : netrc().lookup(host);
    }

    /** The user named by the option or the environment variable (not .netrc). */
    public Optional<String> namedUser(ServiceLogin login) {
        return login.user().filter(u -> !u.isBlank()).or(() -> Optional.ofNullable(env.get(login.userEnv())).filter(u -> !u.isBlank()));
    }

    /**
     * The login for a service at {@code host}, or empty when nothing names a user.
     *
     * @throws FetchException when a user is named but no password is found, or a password file cannot be read
     */
    public Optional<Credentials> forService(ServiceLogin login, String host) {
        Optional<Credentials> fromNetrc = netrcFor(host);
        String user = namedUser(login).or(() -> fromNetrc.map(Credentials::user))
                .orElse(null);
        if (user == null) {
            return Optional.empty();
        }
        if (login.passwordFile().isPresent()) {
            return Optional.of(new Credentials(user, readPasswordFile(login.passwordFile().get()), login.passwordFile().get().toString()));
        }
        String envPassword = env.get(login.passwordEnv());
        if (envPassword != null && !envPassword.isEmpty()) {
            return Optional.of(new Credentials(user, envPassword, "$" + login.passwordEnv()));
        }
        if (fromNetrc.isPresent() && fromNetrc.get().user().equals(user)) {
            return fromNetrc;
        }
        throw new FetchException("no " + login.service() + " password for user " + user + ": set " + login.passwordEnv()
                + ", give a password file, or add 'machine " + host + " login " + user + " password ...' to "
                + (netrcFile == null ? "~/.netrc" : netrcFile));
    }

    /** Like {@link #forService} but a missing login is an error naming every place that was looked in. */
    public Credentials requireForService(ServiceLogin login, String host) {
        return forService(login, host).orElseThrow(() -> new FetchException("no " + login.service() + " login: give a user ("
                + login.userEnv() + " or the user option) and a password (" + login.passwordEnv() + ", a password file, or .netrc 'machine "
                + host.toLowerCase(Locale.ROOT) + "')"));
    }

    static String readPasswordFile(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new FetchException(file, "password file is empty");
            }
            return lines.get(0);
        } catch (IOException e) {
            throw new FetchException(file, "cannot read password file: " + e.getMessage());
        }
    }
}
