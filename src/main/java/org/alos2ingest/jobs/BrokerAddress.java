package org.alos2ingest.jobs;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a RabbitMQ broker is: {@code amqp://[user@]host[:port][/vhost]} ({@code amqps://} for TLS),
 * as the AMQP URI spec writes it. The password is never part of it: it comes from the environment,
 * a password file or .netrc (see {@link Broker}), so that an address can be printed, logged and
 * passed on freely. A URI holding a password is refused rather than silently stripped, so that the
 * user learns it was exposed on a command line.
 *
 * @param user the login named in the URI, if any
 */
public record BrokerAddress(boolean tls, String host, int port, String vhost, Optional<String> user) {

    /** The environment variable naming the broker when {@code --broker} is not given. */
    public static final String ENV = "ALOS2_INGEST_BROKER";
    /** The environment variable holding the broker password. */
    public static final String PASSWORD_ENV = "ALOS2_INGEST_BROKER_PASSWORD";
    /** The environment variable naming the broker user when the URI names none. */
    public static final String USER_ENV = "ALOS2_INGEST_BROKER_USER";

    public BrokerAddress {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("broker port must be 1-65535, not " + port);
        }
        user = user.filter(u -> !u.isBlank());
    }

    public static BrokerAddress parse(String text) {
        String t = text.strip();
        URI u;
        try {
            u = new URI(t);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(usage(t) + ": " + e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("amqp") && !scheme.equals("amqps")) {
            throw new IllegalArgumentException(usage(t));
        }
        if (u.getHost() == null) {
            throw new IllegalArgumentException(usage(t) + ": no host");
        }
        String userInfo = u.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            throw new IllegalArgumentException("a broker URI must not hold a password (a command line and an environment are visible to "
                    + "others, and the URI is printed): set " + PASSWORD_ENV + ", give --broker-password-file, or add "
                    + "'machine " + u.getHost() + " login ... password ...' to .netrc");
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new IllegalArgumentException(usage(redacted(u)) + ": query parameters are not supported");
        }
        boolean tls = scheme.equals("amqps");
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        String vhost;
        if (path.isEmpty() || path.equals("/")) {
            vhost = "/";
        } else if (path.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException(usage(redacted(u)) + ": the path is one virtual host (write '/' inside it as %2F)");
        } else {
            vhost = URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
        }
        Optional<String> user = Optional.ofNullable(userInfo).map(x -> URLDecoder.decode(x, StandardCharsets.UTF_8));
        return new BrokerAddress(tls, u.getHost(), u.getPort() > 0 ? u.getPort() : tls ? 5671 : 5672, vhost, user);
    }

    public BrokerAddress withUser(String newUser) {
        return new BrokerAddress(tls, host, port, vhost, Optional.ofNullable(newUser));
    }

    private static String usage(String text) {
        return "'" + text.replaceAll("//([^/@:]*):[^/@]*@", "//$1:******@") + "' is not a broker address: expected amqp://[user@]host[:port][/vhost] or amqps://...";
    }

    private static String redacted(URI u) {
        return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + (u.getRawPath() == null ? "" : u.getRawPath());
    }

    /** The URI, safe to print: it never holds a password. */
    @Override
    public String toString() {
        String v = vhost.equals("/") ? "" : URLEncoder.encode(vhost, StandardCharsets.UTF_8).replace("+", "%20");
        return (tls ? "amqps" : "amqp") + "://" + user.map(x -> URLEncoder.encode(x, StandardCharsets.UTF_8) + "@").orElse("")
                + host + ":" + port + "/" + v;
    }
}
