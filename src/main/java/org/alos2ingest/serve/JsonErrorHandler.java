package org.alos2ingest.serve;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty raises before a request reaches the API (a malformed request line, an ambiguous or
 * climbing URI path, a header too large), answered in the API's {@code {"code", "description"}}
 * shape instead of an HTML page. A server error's own message is not shown.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        byte[] body = body(code, message);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Exchange.JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Exchange.JSON);
        return ByteBuffer.wrap(body(status, reason));
    }

    static byte[] body(int code, String message) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("code", HttpStatus.getMessage(code).replace(" ", ""));
        String description = code >= 500 || message == null || message.isBlank()
                ? HttpStatus.getMessage(code)
                : "request: " + message;
        o.put("description", description);
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }
}
