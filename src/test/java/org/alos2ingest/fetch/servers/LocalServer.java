package org.alos2ingest.fetch.servers;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTP(S) server on a free loopback port that routes by path and records every request it
 * saw (method, path and query, headers, body), so that tests can check what a client sent: e.g. that
 * a redirected request carried no credentials.
 */
public class LocalServer implements AutoCloseable {

    /** One request as the server received it. */
    public record Seen(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> v = headers.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        public String path() {
            int q = pathAndQuery.indexOf('?');
            return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        }
    }

    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange x, Seen seen) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-server");
        t.setDaemon(true);
        return t;
    });
    private final String hostName;
    private final String scheme;
    private final Map<String, Handler> routes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean unavailable;

    /**
     * @param hostName the name clients use for it ("127.0.0.1" or "localhost": two names for one
     *                 machine, so that two servers count as two hosts)
     * @param tls      serve HTTPS with this context, or plain HTTP when null
     */
    public LocalServer(String hostName, SSLContext tls) throws IOException {
        this.hostName = hostName;
        InetSocketAddress addr = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls != null) {
            HttpsServer s = HttpsServer.create(addr, 0);
            s.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = s;
            scheme = "https";
        } else {
            server = HttpServer.create(addr, 0);
            scheme = "http";
        }
        server.createContext("/", this::dispatch);
        server.setExecutor(pool);
        server.start();
    }

    public LocalServer(String hostName) throws IOException {
        this(hostName, null);
    }

    public void route(String path, Handler h) {
        routes.put(path, h);
    }

    public URI uri(String pathAndQuery) {
        return URI.create(scheme + "://" + hostName + ":" + server.getAddress().getPort() + pathAndQuery);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    public URI base() {
        return uri("");
    }

    public String host() {
        return hostName;
    }

    /**
     * While true, every request is answered 503 Service Unavailable with an HTML page, as a portal
     * under maintenance or behind a failing proxy answers.
     */
    public void unavailable(boolean down) {
        unavailable = down;
    }

    public List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    public List<Seen> seen(String method, String path) {
        return seen().stream().filter(s -> s.method().equals(method) && s.path().equals(path)).toList();
    }

    private void dispatch(HttpExchange x) throws IOException {
        try (x) {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            x.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
            Seen s = new Seen(x.getRequestMethod(), x.getRequestURI().getRawPath()
                    + (x.getRequestURI().getRawQuery() == null ? "" : "?" + x.getRequestURI().getRawQuery()), headers, body);
            seen.add(s);
            if (unavailable) {
                text(x, 503, "text/html", "<html><head><title>503 Service Unavailable</title></head><body>down for maintenance</body></html>");
                return;
            }
            Handler h = routes.get(s.path());
            if (h == null) {
                text(x, 404, "text/html", "<html><head><title>404 Not Found</title></head><body>no " + s.path() + "</body></html>");
                return;
            }
            h.handle(x, s);
        } catch (IOException | RuntimeException e) {
            // the client went away (a test cut the connection on purpose): nothing to answer
        }
    }

    /** Sends a whole text answer. */
    public static void text(HttpExchange x, int status, String contentType, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        if (x.getRequestMethod().equals("HEAD")) {
            x.getResponseHeaders().set("Content-Length", String.valueOf(b.length));
            x.sendResponseHeaders(status, -1);
            return;
        }
        x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }

    /** Form fields of an {@code application/x-www-form-urlencoded} body. */
    public static Map<String, String> form(String body) {
        Map<String, String> m = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return m;
        }
        for (String p : body.split("&")) {
            int eq = p.indexOf('=');
            m.put(java.net.URLDecoder.decode(eq < 0 ? p : p.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : java.net.URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    /** Query parameters of a request. */
    public static Map<String, String> query(Seen s) {
        int q = s.pathAndQuery().indexOf('?');
        return q < 0 ? Map.of() : form(s.pathAndQuery().substring(q + 1));
    }

    /** The value of one cookie the client sent. */
    public static String cookie(Seen s, String name) {
        String h = s.header("Cookie");
        if (h == null) {
            return null;
        }
        for (String part : h.split(";")) {
            String p = part.strip();
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
