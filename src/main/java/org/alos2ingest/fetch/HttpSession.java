package org.alos2ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;

/**
 * One client's conversation with web servers: its cookies, its credentials, redirects and retries.
 *
 * <p>Redirects are followed here rather than by the JDK so that credentials stay with the host they
 * belong to: an {@code Authorization} header goes only to a host that has credentials of its own
 * (given for it, or its .netrc entry), cookies only where their domain allows, and a redirect from
 * https to plain http is refused. Transient failures (connection refused or reset, timeouts, 5xx,
 * 408, 429) are retried with exponential backoff, up to {@link FetchConfig#retries()} in a row.
 *
 * <p>It uses {@link HttpURLConnection} because it has a per-read timeout: a server that stops sending
 * in the middle of a body is noticed and the transfer resumed, instead of waiting forever.
 *
 * <p>Why fetch keeps this stack while the catalog, Mozart and SARCAT clients use {@code java.net.http}:
 * those exchange small JSON bodies, for which {@code HttpRequest.timeout} (which ends once the headers
 * have arrived) is enough. A delivery is gigabytes read over hours; {@code java.net.http} has no
 * timeout on a body that stalls half way, so a stalled download would hang until a watchdog thread
 * cancelled it, and the resume ({@link HttpDownloader}'s {@code Range}/{@code If-Range}) would hang on
 * that watchdog too. The manual redirects and host-bound credentials are not the reason: they would
 * be the same code on either stack.
 */
public final class HttpSession {

    private static final Logger LOG = Logger.getLogger("org.alos2ingest.fetch");
    private static final int MAX_REDIRECTS = 10;
    private static final long MAX_BACKOFF_MS = 60_000;

    private final FetchConfig config;
    private final String userAgent;
    private final boolean netrcBasicAuth;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER);
    private final Map<String, Credentials> explicit = new ConcurrentHashMap<>();
    /** Built on the first https request: the JDK's trust store costs a tenth of a second that a plain http download need not pay. */
    private volatile SSLSocketFactory ssl;

    /**
     * @param netrcBasicAuth send HTTP Basic credentials from .netrc to any host that has an entry there
     *                       (plain download URLs); form-login services keep this off
     */
    public HttpSession(FetchConfig config, String userAgent, boolean netrcBasicAuth) {
        this.config = config;
        this.userAgent = userAgent;
        this.netrcBasicAuth = netrcBasicAuth;
        if (config.caCert().isPresent()) {
            // a CA file the user named is checked at once, not at the first https request
            this.ssl = Tls.socketFactory(config.caCert());
        }
    }

    private SSLSocketFactory ssl() {
        SSLSocketFactory f = ssl;
        if (f == null) {
            f = Tls.socketFactory(config.caCert());
            ssl = f;
        }
        return f;
    }

    public FetchConfig config() {
        return config;
    }

    /** Sends HTTP Basic credentials to this one host (and no other, whatever it redirects to). */
    public void authorize(String host, Credentials credentials) {
        explicit.put(host.toLowerCase(Locale.ROOT), credentials);
    }

    /** The names of the cookies this session holds for a URL (their values are secrets). */
    public List<String> cookieNames(URI uri) {
        List<String> names = new ArrayList<>();
        for (HttpCookie c : cookies.getCookieStore().get(uri)) {
            names.add(c.getName());
        }
        return names;
    }

    /** What to send. */
    public record Request(String method, URI uri, Map<String, String> headers, byte[] body, String contentType) {

        public static Request get(URI uri) {
            return new Request("GET", uri, Map.of(), null, null);
        }

        public static Request head(URI uri) {
            return new Request("HEAD", uri, Map.of(), null, null);
        }

        /** A POST of {@code application/x-www-form-urlencoded} fields, in the given order. */
        public static Request postForm(URI uri, Map<String, String> fields) {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, String> e : fields.entrySet()) {
                if (!sb.isEmpty()) {
                    sb.append('&');
                }
                sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            }
            return new Request("POST", uri, Map.of(), sb.toString().getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
        }

        public Request withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Request(method, uri, h, body, contentType);
        }

        Request redirected(URI to, int status) {
            boolean keepMethod = status == 307 || status == 308 || method.equals("HEAD");
            return keepMethod ? new Request(method, to, headers, body, contentType) : new Request("GET", to, headers, null, null);
        }
    }

    /** A response whose status line and headers have arrived; the body is read from {@link #body()}. */
    public static final class Response implements AutoCloseable {
        private final HttpURLConnection conn;
        private final int status;
        private final URI uri;
        private final Map<String, List<String>> headers;
        private InputStream body;

        Response(HttpURLConnection conn, int status, URI uri) {
            this.conn = conn;
            this.status = status;
            this.uri = uri;
            Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            conn.getHeaderFields().forEach((k, v) -> {
                if (k != null) {
                    h.put(k, v);
                }
            });
            this.headers = h;
        }

        public int status() {
            return status;
        }

        /** The URL that answered, after redirects. */
        public URI uri() {
            return uri;
        }

        public Optional<String> header(String name) {
            List<String> v = headers.get(name);
            return v == null || v.isEmpty() ? Optional.empty() : Optional.ofNullable(v.get(0));
        }

        public String contentType() {
            return header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        }

        /** Content-Length, or -1 when the server did not send one. */
        public long contentLength() {
            try {
                return header("Content-Length").map(String::strip).map(Long::parseLong).orElse(-1L);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        public InputStream body() throws IOException {
            if (body == null) {
                InputStream in = status >= 400 ? conn.getErrorStream() : conn.getInputStream();
                body = in != null ? in : InputStream.nullInputStream();
            }
            return body;
        }

        /** Reads at most {@code limit} bytes of the body as text (for error pages and small JSON answers). */
        public String text(int limit) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            InputStream in = body();
            int n;
            while (out.size() < limit && (n = in.read(buf, 0, Math.min(buf.length, limit - out.size()))) > 0) {
                out.write(buf, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        }

        /** True when the body holds more than {@code limit} bytes according to Content-Length. */
        public boolean longerThan(long limit) {
            return contentLength() > limit;
        }

        @Override
        public void close() {
            try {
                body().close();
            } catch (IOException e) {
                conn.disconnect();
            }
        }
    }

    /**
     * Sends a request, following redirects and retrying transient failures; the caller closes the
     * response. A final 5xx (after the retries) is returned, not thrown, so the caller can say what it was.
     */
    public Response send(Request request) {
        int failures = 0;
        while (true) {
            try {
                Response r = sendFollowing(request);
                if (HttpFailures.isTransient(r.status()) && failures < config.retries()) {
                    failures++;
                    long wait = backoff(failures, r.header("Retry-After"));
                    LOG.warning(request.method() + " " + Urls.display(r.uri()) + ": HTTP " + r.status() + ", retry " + failures + " of "
                            + config.retries() + " in " + wait / 1000.0 + " s");
                    r.close();
                    HttpFailures.sleep(wait);
                    continue;
                }
                return r;
            } catch (IOException e) {
                if (!HttpFailures.isRetryable(e) || failures >= config.retries()) {
                    throw failure(request, e, failures);
                }
                failures++;
                long wait = backoff(failures, Optional.empty());
                LOG.warning(request.method() + " " + Urls.display(request.uri()) + ": " + HttpFailures.describe(e) + ", retry " + failures + " of "
                        + config.retries() + " in " + wait / 1000.0 + " s");
                HttpFailures.sleep(wait);
            }
        }
    }

    private Response sendFollowing(Request request) throws IOException {
        Request r = request;
        for (int hop = 0; ; hop++) {
            HttpURLConnection conn = open(r);
            int status = conn.getResponseCode();
            storeCookies(r.uri(), conn);
            if (!HttpFailures.isRedirect(status)) {
                return new Response(conn, status, r.uri());
            }
            String location = conn.getHeaderField("Location");
            drain(conn, status);
            if (location == null) {
                throw new FetchException("HTTP " + status + " from " + Urls.display(r.uri()) + " without a Location to follow");
            }
            if (hop >= MAX_REDIRECTS) {
                throw new FetchException(Urls.display(request.uri()) + ": more than " + MAX_REDIRECTS + " redirects");
            }
            URI to = Urls.withoutUserInfo(r.uri().resolve(location.strip()));
            if ("https".equalsIgnoreCase(r.uri().getScheme()) && !"https".equalsIgnoreCase(to.getScheme())) {
                throw new FetchException(Urls.display(r.uri()) + " redirects to " + Urls.display(to) + ": refusing to leave https");
            }
            LOG.fine("redirect " + status + " " + Urls.display(r.uri()) + " -> " + Urls.display(to));
            r = r.redirected(to, status);
        }
    }

    private HttpURLConnection open(Request r) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) r.uri().toURL().openConnection();
        if (conn instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(ssl());
        }
        conn.setInstanceFollowRedirects(false);
        conn.setUseCaches(false);
        conn.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
        conn.setReadTimeout((int) Math.min(Integer.MAX_VALUE, config.readTimeout().toMillis()));
        conn.setRequestMethod(r.method());
        conn.setRequestProperty("User-Agent", userAgent);
        conn.setRequestProperty("Accept-Encoding", "identity");
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            conn.setRequestProperty(h.getKey(), h.getValue());
        }
        credentialsFor(r.uri()).ifPresent(c -> conn.setRequestProperty("Authorization", c.basicAuthorization()));
        List<String> cookieHeader = cookieHeader(r.uri());
        if (!cookieHeader.isEmpty()) {
            conn.setRequestProperty("Cookie", String.join("; ", cookieHeader));
        }
        LOG.fine(r.method() + " " + Urls.display(r.uri()));
        if (r.body() != null) {
            conn.setDoOutput(true);
            conn.setRequestProperty("Content-Type", r.contentType());
            conn.setFixedLengthStreamingMode(r.body().length);
            try (OutputStream out = conn.getOutputStream()) {
                out.write(r.body());
            }
        }
        return conn;
    }

    /** Credentials for exactly this host: given for it, or (for plain URLs) its own .netrc entry. */
    private Optional<Credentials> credentialsFor(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        Credentials c = explicit.get(host);
        if (c != null) {
            return Optional.of(c);
        }
        return netrcBasicAuth ? config.credentials().netrcFor(host) : Optional.empty();
    }

    private List<String> cookieHeader(URI uri) throws IOException {
        List<String> out = new ArrayList<>();
        for (List<String> v : cookies.get(uri, Map.of()).values()) {
            out.addAll(v);
        }
        return out;
    }

    private void storeCookies(URI uri, HttpURLConnection conn) throws IOException {
        Map<String, List<String>> h = new LinkedHashMap<>();
        conn.getHeaderFields().forEach((k, v) -> {
            if (k != null) {
                h.put(k, v);
            }
        });
        cookies.put(uri, h);
    }

    private static void drain(HttpURLConnection conn, int status) {
        try (InputStream in = status >= 400 ? conn.getErrorStream() : conn.getInputStream()) {
            if (in != null) {
                in.readNBytes(64 * 1024);
            }
        } catch (IOException e) {
            conn.disconnect();
        }
    }

    long backoff(int failures, Optional<String> retryAfter) {
        if (retryAfter.isPresent()) {
            try {
                long s = Long.parseLong(retryAfter.get().strip());
                if (s >= 0 && s <= 120) {
                    return s * 1000;
                }
            } catch (NumberFormatException e) {
                // an HTTP date: fall back to our own backoff
            }
        }
        long base = Math.max(1, config.backoff().toMillis());
        return Math.min(MAX_BACKOFF_MS, base << Math.min(20, failures - 1));
    }

    private FetchException failure(Request r, IOException e, int retries) {
        String what = r.method() + " " + Urls.display(r.uri());
        if (e instanceof SSLHandshakeException) {
            return new FetchException(what + ": the server's certificate is not trusted (" + e.getMessage()
                    + "); give its CA with --ca-cert FILE", e);
        }
        if (e instanceof UnknownHostException) {
            return new FetchException(what + ": unknown host " + e.getMessage(), e);
        }
        return new FetchException(what + ": " + HttpFailures.describe(e) + (retries > 0 ? " (after " + retries + " retries)" : ""), e);
    }

    /** An I/O failure that retrying cannot cure. */
    static final class FetchIOException extends IOException {
        FetchIOException(String message) {
            super(message);
        }
    }
}
