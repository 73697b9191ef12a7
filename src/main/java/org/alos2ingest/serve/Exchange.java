package org.alos2ingest.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** One request and its answer: the query, the body, and JSON written compressed when the client accepts it. */
final class Exchange {
    static final String JSON = "application/json";
    static final String GEO_JSON = "application/geo+json";
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final int MAX_BODY = StacServer.MAX_BODY;
    /** Below this, gzip costs more than it saves. */
    private static final int GZIP_MIN = 1024;

    final Request request;
    final Response response;
    final Callback callback;

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    String method() {
        return request.getMethod();
    }

    String header(HttpHeader name) {
        return request.getHeaders().get(name);
    }

    Map<String, List<String>> query() {
        Fields fields;
        try {
            fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            throw new ApiError(400, "InvalidParameterValue", "query string: not valid percent-encoded UTF-8");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Fields.Field f : fields) {
            out.put(f.getName(), f.getValues());
        }
        return out;
    }

    String body() {
        long declared = request.getLength();
        if (declared > MAX_BODY) {
            throw new ApiError(413, "PayloadTooLarge", "body: at most " + MAX_BODY + " bytes, got " + declared);
        }
        try (InputStream in = Request.asInputStream(request)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                if (out.size() > MAX_BODY) {
                    throw new ApiError(413, "PayloadTooLarge", "body: at most " + MAX_BODY + " bytes");
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ApiError(400, "InvalidParameterValue", "body: could not be read (" + e.getMessage() + ")");
        }
    }

    boolean acceptsGzip() {
        String accept = header(HttpHeader.ACCEPT_ENCODING);
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("gzip");
    }

    void json(int status, JsonNode body, String contentType) {
        byte[] bytes;
        try {
            bytes = COMPACT.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON answer not writable", e);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().add(HttpHeader.VARY, "Accept-Encoding");
        if (bytes.length >= GZIP_MIN && acceptsGzip()) {
            bytes = gzip(bytes);
            response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        boolean head = "HEAD".equals(method());
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes), callback);
    }

    void error(ApiError e) {
        ObjectNode body = COMPACT.createObjectNode();
        body.put("code", e.code());
        body.put("description", e.getMessage());
        json(e.status(), body, JSON);
    }

    void noContent(int status) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
        response.write(true, ByteBuffer.allocate(0), callback);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("gzip in memory failed", e);
        }
        return out.toByteArray();
    }
}
