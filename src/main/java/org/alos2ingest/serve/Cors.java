package org.alos2ingest.serve;

import java.util.List;

import org.eclipse.jetty.http.HttpHeader;

/**
 * Cross-origin access for the origins {@code --cors} names ({@code *} for any), so that STAC Browser
 * or a map page served elsewhere can read the API. Without an allowed origin no CORS header is sent,
 * and browsers keep other sites out.
 */
final class Cors {
    static final String METHODS = "GET, HEAD, POST, OPTIONS";
    private static final String EXPOSED = "Content-Length, Content-Range, Content-Encoding, ETag, Last-Modified, Accept-Ranges";

    private final List<String> origins;

    Cors(List<String> origins) {
        this.origins = origins == null ? List.of() : List.copyOf(origins);
    }

    /** Adds the headers a simple request needs; true when the origin is allowed. */
    boolean apply(Exchange ex) {
        String origin = ex.header(HttpHeader.ORIGIN);
        if (origin == null || origins.isEmpty()) {
            return false;
        }
        var h = ex.response.getHeaders();
        if (origins.contains("*")) {
            h.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        } else if (origins.contains(origin)) {
            h.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            h.add(HttpHeader.VARY, "Origin");
        } else {
            return false;
        }
        h.put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
        return true;
    }

    /** Answers a preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}). */
    void preflight(Exchange ex) {
        if (apply(ex)) {
            var h = ex.response.getHeaders();
            h.put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, METHODS);
            String asked = ex.header(HttpHeader.ACCESS_CONTROL_REQUEST_HEADERS);
            h.put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, asked != null ? asked : "Content-Type, Accept, Range, If-None-Match");
            h.put(HttpHeader.ACCESS_CONTROL_MAX_AGE, 86400);
        }
        ex.response.getHeaders().put(HttpHeader.ALLOW, METHODS);
        ex.noContent(204);
    }
}
