package org.alos2ingest.notify;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;

/**
 * An HTTP(S) endpoint that is POSTed each matching dataset's STAC item, signed ({@link Signature}).
 * Only a 2xx answer counts as delivered; redirects are not followed (a receiver's answer is its
 * own, and the signed body is for it). The URL may hold a token in its path or query, as many
 * receivers' URLs do: it is shown without them.
 */
public record Webhook(URI url, String secret) implements Target {

    static final String KIND = "webhook";
    /** At least this long, so that it cannot be guessed. */
    public static final int MIN_SECRET = 16;
    private static final Duration CONNECT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(CONNECT)
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

    public Webhook {
        if (secret == null || secret.strip().length() < MIN_SECRET) {
            throw new IllegalArgumentException("secret: expected at least " + MIN_SECRET + " characters");
        }
    }

    /**
     * Checks a URL a user gave.
     *
     * @param what the option or field that gave it, for the message
     */
    public static URI url(String text, String what) {
        URI u;
        try {
            u = new URI(text.strip());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException(what + ": expected an http or https URL, got '" + text + "'");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
            throw new IllegalArgumentException(what + ": expected an http or https URL, got '" + shown(u) + "'");
        }
        if (u.getRawUserInfo() != null) {
            throw new IllegalArgumentException(what + ": a URL must not hold a login; receivers check the signature instead");
        }
        return u;
    }

    @Override
    public String describe() {
        return shown(url);
    }

    /** Never the secret (a record's own toString would print it). */
    @Override
    public String toString() {
        return "webhook " + describe();
    }

    /** Scheme, host and port, and whether a path follows: a receiver's path or query may be its token. */
    static String shown(URI u) {
        String host = u.getHost() == null ? "?" : u.getHost();
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/") ? "/" : "/...";
        return (u.getScheme() == null ? "?" : u.getScheme()) + "://" + host + (u.getPort() < 0 ? "" : ":" + u.getPort()) + path;
    }

    /** Connecting, then the answer. */
    @Override
    public Duration longest(Duration timeout) {
        return CONNECT.plus(timeout);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("kind", KIND);
        o.put("url", url.toString());
        o.put("secret", secret);
        return o;
    }

    static Webhook fromJson(ObjectNode o) {
        return new Webhook(URI.create(o.path("url").asText()), o.path("secret").asText());
    }

    @Override
    public Attempt deliver(Notification n, Duration timeout) {
        byte[] body = n.body();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/geo+json")
                .header("User-Agent", "alos2-ingest")
                .header(Signature.HEADER, Signature.of(body, secret))
                .header("X-Alos2-Event", "cataloged")
                .header("X-Alos2-Subscription", n.subscription())
                .header("X-Alos2-Delivery", n.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<Void> r = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
            return new Attempt(r.statusCode() / 100 == 2, "HTTP " + r.statusCode());
        } catch (IOException e) {
            String m = e.getMessage();
            return new Attempt(false, e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " (" + m + ")"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(false, "interrupted");
        }
    }
}
