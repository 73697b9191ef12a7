package org.alos2ingest.fetch.servers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;

/**
 * A plain web server for downloads, as a WebDAV or file server behaves: HTTP Basic auth, HEAD,
 * {@code Range: bytes=N-} with {@code If-Range} on an ETag, redirects (to another host too), and
 * faults injected request by request: cut the body part way, answer 500, stall, send an HTML page.
 */
public final class FileServer extends LocalServer {

    /** What goes wrong with the next request of a path. */
    public sealed interface Fault {
        /** Sends the headers for the whole file, then only this many bytes, then drops the connection. */
        record Cut(long afterBytes) implements Fault {
        }

        record Status(int status) implements Fault {
        }

        /** Stops sending for a while after some bytes (longer than the client's read timeout). */
        record Stall(long afterBytes, long millis) implements Fault {
        }

        /** A login or error page with status 200, as portals send instead of the file. */
        record Html(String page) implements Fault {
        }
    }

    private record Resource(byte[] data, String contentType, String disposition, String etag) {
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, Resource> files = new java.util.concurrent.ConcurrentSkipListMap<>();
    private volatile String user;
    private volatile String password;
    private volatile boolean rangeSupport = true;

    public FileServer(String hostName, SSLContext tls) throws IOException {
        super(hostName, tls);
    }

    public FileServer(String hostName) throws IOException {
        this(hostName, null);
    }

    /** Requires HTTP Basic credentials for every path. */
    public FileServer requireLogin(String user, String password) {
        this.user = user;
        this.password = password;
        return this;
    }

    public FileServer withoutRanges() {
        rangeSupport = false;
        return this;
    }

    public FileServer serve(String path, byte[] data, String contentType, String disposition) {
        Resource r = new Resource(data, contentType, disposition, "\"" + Integer.toHexString(java.util.Arrays.hashCode(data)) + "\"");
        files.put(path, r);
        route(path, (x, s) -> send(x, s, path, r));
        return this;
    }

    /** How a folder is listed. */
    public enum Listing {
        /** An Apache-style autoindex page on GET; PROPFIND is 405, as on a server without WebDAV. */
        HTML,
        /** WebDAV: PROPFIND with Depth 1 answers 207 Multi-Status; GET answers a page that lists nothing. */
        WEBDAV
    }

    /**
     * Lists the files served under {@code folder} (a path ending in '/'), as they are when asked:
     * files added later appear in later listings. Sub-folders show as folders.
     */
    public FileServer folder(String folder, Listing style) {
        route(folder, (x, s) -> {
            if (!authorized(x, s)) {
                return;
            }
            if (s.method().equals("PROPFIND")) {
                if (style != Listing.WEBDAV) {
                    x.getResponseHeaders().set("Allow", "GET, HEAD, OPTIONS");
                    text(x, 405, "text/html", "<html><head><title>405 Method Not Allowed</title></head><body></body></html>");
                    return;
                }
                text(x, 207, "application/xml", multistatus(folder));
                return;
            }
            if (style == Listing.WEBDAV) {
                text(x, 200, "text/html", "<html><head><title>WebDAV</title></head><body>This is a WebDAV folder.</body></html>");
                return;
            }
            text(x, 200, "text/html", index(folder));
        });
        return this;
    }

    private String multistatus(String folder) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<D:multistatus xmlns:D=\"DAV:\">");
        b.append("<D:response><D:href>").append(folder).append("</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype>")
                .append("</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>");
        java.util.Set<String> subfolders = new java.util.TreeSet<>();
        for (Map.Entry<String, Resource> e : files.entrySet()) {
            if (!e.getKey().startsWith(folder)) {
                continue;
            }
            String rest = e.getKey().substring(folder.length());
            if (rest.contains("/")) {
                subfolders.add(folder + rest.substring(0, rest.indexOf('/') + 1));
                continue;
            }
            b.append("<D:response><D:href>").append(e.getKey()).append("</D:href><D:propstat><D:prop><D:resourcetype/>")
                    .append("<D:getcontentlength>").append(e.getValue().data().length).append("</D:getcontentlength>")
                    .append("<D:getetag>").append(e.getValue().etag().replace("\"", "&quot;")).append("</D:getetag>")
                    .append("</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>");
        }
        for (String f : subfolders) {
            b.append("<D:response><D:href>").append(f).append("</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype>")
                    .append("</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>");
        }
        return b.append("</D:multistatus>").toString();
    }

    private String index(String folder) {
        StringBuilder b = new StringBuilder("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\"><html><head><title>Index of ")
                .append(folder).append("</title></head><body><h1>Index of ").append(folder).append("</h1><table>")
                .append("<tr><th><a href=\"?C=N;O=D\">Name</a></th><th><a href=\"?C=S;O=A\">Size</a></th></tr>")
                .append("<tr><td><a href=\"../\">Parent Directory</a></td></tr>");
        java.util.Set<String> subfolders = new java.util.TreeSet<>();
        for (Map.Entry<String, Resource> e : files.entrySet()) {
            if (!e.getKey().startsWith(folder)) {
                continue;
            }
            String rest = e.getKey().substring(folder.length());
            if (rest.contains("/")) {
                subfolders.add(rest.substring(0, rest.indexOf('/') + 1));
                continue;
            }
            b.append("<tr><td><a href=\"").append(rest).append("\">").append(rest).append("</a></td><td>")
                    .append(e.getValue().data().length).append("</td></tr>");
        }
        subfolders.forEach(f -> b.append("<tr><td><a href=\"").append(f).append("\">").append(f).append("</a></td></tr>"));
        return b.append("</table></body></html>").toString();
    }

    public FileServer redirect(String path, int status, String location) {
        route(path, (x, s) -> {
            if (!authorized(x, s)) {
                return;
            }
            x.getResponseHeaders().set("Location", location);
            x.getResponseHeaders().add("Set-Cookie", "fileserver_session=abc123; Path=/");
            x.sendResponseHeaders(status, -1);
        });
        return this;
    }

    public FileServer fault(String path, Fault... f) {
        faults.computeIfAbsent(path, k -> new ArrayDeque<>()).addAll(java.util.List.of(f));
        return this;
    }

    private boolean authorized(HttpExchange x, Seen s) throws IOException {
        if (user == null) {
            return true;
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        if (expected.equals(s.header("Authorization"))) {
            return true;
        }
        x.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"data\"");
        text(x, 401, "text/html", "<html><head><title>401 Unauthorized</title></head><body>login required</body></html>");
        return false;
    }

    private void send(HttpExchange x, Seen s, String path, Resource r) throws IOException {
        if (!authorized(x, s)) {
            return;
        }
        Deque<Fault> q = faults.get(path);
        Fault fault = q == null || s.method().equals("HEAD") ? null : q.poll();
        if (fault instanceof Fault.Status st) {
            text(x, st.status(), "text/html", "<html><head><title>" + st.status() + " Server Error</title></head><body>try later</body></html>");
            return;
        }
        if (fault instanceof Fault.Html h) {
            text(x, 200, "text/html", h.page());
            return;
        }
        long from = 0;
        long total = r.data().length;
        String range = s.header("Range");
        String ifRange = s.header("If-Range");
        boolean partial = false;
        if (rangeSupport && range != null && (ifRange == null || ifRange.equals(r.etag()))) {
            Matcher m = RANGE.matcher(range);
            if (m.matches()) {
                from = Long.parseLong(m.group(1));
                if (from >= total) {
                    x.getResponseHeaders().set("Content-Range", "bytes */" + total);
                    x.sendResponseHeaders(416, -1);
                    return;
                }
                partial = true;
            }
        }
        x.getResponseHeaders().set("Content-Type", r.contentType());
        x.getResponseHeaders().set("ETag", r.etag());
        if (rangeSupport) {
            x.getResponseHeaders().set("Accept-Ranges", "bytes");
        }
        if (r.disposition() != null) {
            x.getResponseHeaders().set("Content-Disposition", r.disposition());
        }
        long length = total - from;
        if (partial) {
            x.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (total - 1) + "/" + total);
        }
        if (s.method().equals("HEAD")) {
            x.getResponseHeaders().set("Content-Length", String.valueOf(length));
            x.sendResponseHeaders(200, -1);
            return;
        }
        x.sendResponseHeaders(partial ? 206 : 200, length);
        OutputStream out = x.getResponseBody();
        long pos = from;
        int chunk = 16 * 1024;
        while (pos < total) {
            int n = (int) Math.min(chunk, total - pos);
            if (fault instanceof Fault.Cut c && pos - from + n > c.afterBytes()) {
                n = (int) Math.max(0, c.afterBytes() - (pos - from));
                out.write(r.data(), (int) pos, n);
                out.flush();
                // drop the connection with the body unfinished
                throw new IOException("cut on purpose");
            }
            if (fault instanceof Fault.Stall st && pos - from >= st.afterBytes()) {
                out.flush();
                try {
                    Thread.sleep(st.millis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                fault = null;
            }
            out.write(r.data(), (int) pos, n);
            pos += n;
        }
        out.close();
    }
}
