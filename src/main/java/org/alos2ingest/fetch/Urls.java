package org.alos2ingest.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * URLs as they may be shown and stored: without the {@code user:password@} part, and with the values
 * of query parameters that carry secrets (signatures, tokens, passwords, keys of presigned URLs)
 * replaced, so that met.json's {@code download_source}, pge_metrics.json and messages never hold one.
 */
public final class Urls {

    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)(.*(password|passwd|secret|token|signature|credential|apikey|api_key|access_key|session).*|sig|key|x-amz-.*|x-goog-.*)");

    private Urls() {
    }

    /** True for text that starts like an http or https URL (it may still fail to {@link #parse}). */
    public static boolean isHttp(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** True for text that starts with a URI scheme and {@code ://}, as opposed to a local path. */
    public static boolean hasScheme(String text) {
        return text.strip().toLowerCase(Locale.ROOT).matches("^[a-z][a-z0-9+.-]*://.*");
    }

    public static URI parse(String text) {
        try {
            URI u = new URI(text.strip());
            if (u.getScheme() == null || u.getHost() == null) {
                throw new IllegalArgumentException("'" + redactText(text) + "' is not an http(s) URL with a host");
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("'" + redactText(text) + "': only http and https URLs can be downloaded");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + redactText(text) + "' is not a valid URL: " + e.getReason());
        }
    }

    /** The URL without user info, secret query values replaced by {@code REDACTED}. */
    public static String display(URI uri) {
        StringBuilder sb = new StringBuilder();
        sb.append(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            sb.append(':').append(uri.getPort());
        }
        sb.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        String q = uri.getRawQuery();
        if (q != null) {
            sb.append('?');
            String[] parts = q.split("&", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    sb.append('&');
                }
                String p = parts[i];
                int eq = p.indexOf('=');
                String name = eq < 0 ? p : p.substring(0, eq);
                if (eq >= 0 && SECRET_PARAM.matcher(URLDecoder.decode(name, StandardCharsets.UTF_8)).matches()) {
                    sb.append(name).append("=REDACTED");
                } else {
                    sb.append(p);
                }
            }
        }
        return sb.toString();
    }

    /** The URL with its user info removed (the credentials move to the session instead). */
    public static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot remove the credentials from a URL: " + e.getReason());
        }
    }

    /** Credentials written into the URL as {@code user:password@host}. */
    public static Optional<Credentials> userInfo(URI uri) {
        String raw = uri.getRawUserInfo();
        if (raw == null) {
            return Optional.empty();
        }
        int c = raw.indexOf(':');
        String user = URLDecoder.decode(c < 0 ? raw : raw.substring(0, c), StandardCharsets.UTF_8);
        String password = c < 0 ? "" : URLDecoder.decode(raw.substring(c + 1), StandardCharsets.UTF_8);
        return Optional.of(new Credentials(user, password, "the URL"));
    }

    /** Best effort for text that failed to parse: drop anything between "//" and "@". */
    static String redactText(String text) {
        return text.replaceAll("//[^/@]*@", "//");
    }
}
