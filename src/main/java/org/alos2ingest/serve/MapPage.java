package org.alos2ingest.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;

/**
 * The search map's files ({@code /map/...}), served from the jar: the page, its modules and the
 * Leaflet copy the build checked. Names are plain relative paths of the packaged folder; nothing
 * else on the class path can be named, and the files are read once.
 */
final class MapPage {

    static final String PREFIX = "/map";
    private static final String ROOT = "/org/alos2ingest/serve/map/";
    private static final Pattern NAME = Pattern.compile("(?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9]+)+");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /** Answers {@code rawPath} (starting with {@value #PREFIX}); GET and HEAD only. */
    void serve(Exchange ex, String rawPath) throws IOException {
        if (rawPath.equals(PREFIX)) {
            // the page's module and asset URLs are relative to /map/
            ex.response.getHeaders().put(HttpHeader.LOCATION, PREFIX + "/");
            ex.noContent(301);
            return;
        }
        String name = rawPath.substring(PREFIX.length() + 1);
        if (name.isEmpty()) {
            name = "index.html";
        }
        if (!NAME.matcher(name).matches()) {
            throw ApiError.notFound("no file " + rawPath + " in the search map");
        }
        byte[] bytes = cache.get(name);
        if (bytes == null) {
            try (InputStream in = MapPage.class.getResourceAsStream(ROOT + name)) {
                if (in == null) {
                    throw ApiError.notFound("no file " + rawPath + " in the search map");
                }
                bytes = in.readAllBytes();
            }
            cache.put(name, bytes);
        }
        String type = MediaTypes.of(name);
        ex.response.setStatus(200);
        ex.response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        ex.response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        ex.response.getHeaders().add(HttpHeader.VARY, "Accept-Encoding");
        if (MediaTypes.compressible(type) && bytes.length > 1024 && ex.acceptsGzip()) {
            bytes = Exchange.gzip(bytes);
            ex.response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
        }
        ex.response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        boolean head = "HEAD".equals(ex.method());
        ex.response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes), ex.callback);
    }
}
