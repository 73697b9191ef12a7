package org.alos2ingest.fetch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A user name and password for one service. The password never leaves this object except as an
 * HTTP Authorization header or a login form field: {@link #toString()} redacts it, so that a
 * credential that ends up in a log line, an exception message or a debugger shows no secret.
 *
 * @param user     the login name (not a secret: it appears in messages such as "login failed for user X")
 * @param password the password
 * @param origin   where the credentials came from, for messages ("~/.netrc", "AUIG2_PASSWORD", ...)
 */
public record Credentials(String user, String password, String origin) {

    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        origin = origin == null ? "unknown" : origin;
    }

    /** The value of an {@code Authorization: Basic ...} header (RFC 7617, UTF-8). */
    public String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=******, from " + origin + "]";
    }
}
