package org.alos2ingest.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.notify.Interest;
import org.alos2ingest.notify.Subscription;
import org.alos2ingest.notify.Subscriptions;
import org.alos2ingest.notify.Webhook;
import org.eclipse.jetty.http.HttpHeader;

/**
 * {@code /subscriptions}: webhook subscriptions added, listed and removed over HTTP, for those who
 * hold the server's token ({@code Authorization: Bearer <token>}). Off unless {@code serve} is given a
 * token. Commands are not accepted here: a command subscription runs code on the catalog's host, and
 * is added there with {@code subscribe add}. Secrets go in, never out.
 */
public final class SubscriptionsApi {

    static final String SEGMENT = "subscriptions";
    private static final Logger LOG = Logger.getLogger(SubscriptionsApi.class.getName());
    private static final Set<String> FIELDS = Set.of("name", "intersects", "bbox", "mode", "level", "direction", "path", "webhook", "secret");

    private final Subscriptions subscriptions;
    private final byte[] token;

    /** @param token what clients must send as {@code Authorization: Bearer <token>}; at least 16 characters */
    public SubscriptionsApi(Subscriptions subscriptions, String token) {
        if (token == null || token.strip().length() < 16) {
            throw new IllegalArgumentException("the subscriptions token must be at least 16 characters");
        }
        this.subscriptions = subscriptions;
        this.token = ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
    }

    void handle(Exchange ex, List<String> seg) {
        authorize(ex);
        String method = ex.method();
        if (seg.size() == 1) {
            switch (method) {
                case "GET", "HEAD" -> list(ex);
                case "POST" -> add(ex);
                default -> throw notAllowed(ex, "GET, HEAD, POST, OPTIONS");
            }
        } else if (seg.size() == 2) {
            String name = seg.get(1);
            switch (method) {
                case "GET", "HEAD" -> ex.json(200, subscriptions.get(name).orElseThrow(() -> unknown(name)).publicJson(), Exchange.JSON);
                case "DELETE" -> {
                    if (!subscriptions.remove(name)) {
                        throw unknown(name);
                    }
                    LOG.info("subscription " + name + " removed through the API");
                    ex.noContent(204);
                }
                default -> throw notAllowed(ex, "GET, HEAD, DELETE, OPTIONS");
            }
        } else {
            throw ApiError.notFound("no resource at /" + String.join("/", seg));
        }
    }

    private void authorize(Exchange ex) {
        String given = ex.header(HttpHeader.AUTHORIZATION);
        if (given == null || !MessageDigest.isEqual(token, given.strip().getBytes(StandardCharsets.UTF_8))) {
            ex.response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"alos2-ingest subscriptions\"");
            throw new ApiError(401, "Unauthorized", "Authorization: expected 'Bearer <token>' with the token serve was given"
                    + (given == null ? "" : "; the one sent is not it"));
        }
    }

    private void list(Exchange ex) {
        ObjectNode o = Json.object();
        ArrayNode a = o.putArray("subscriptions");
        subscriptions.list().forEach(s -> a.add(s.publicJson()));
        ex.json(200, o, Exchange.JSON);
    }

    private void add(Exchange ex) {
        String type = ex.header(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
            throw new ApiError(415, "UnsupportedMediaType", "body: expected application/json, got " + (type == null ? "no Content-Type" : type));
        }
        Subscription s = subscription(ex.body());
        try {
            subscriptions.add(s);
        } catch (IllegalArgumentException e) {
            throw new ApiError(409, "Conflict", "name: " + oneLine(e.getMessage()));
        }
        LOG.info("subscription " + s.name() + " added through the API");
        ex.response.getHeaders().put(HttpHeader.LOCATION, "/" + SEGMENT + "/" + Links.segment(s.name()));
        ex.json(201, s.publicJson(), Exchange.JSON);
    }

    /**
     * A subscription from a POST body; anything malformed is a 400 {@link ApiError} naming the member.
     */
    static Subscription subscription(String text) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.badParameter("body", "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw ApiError.badParameter("body", "not valid JSON");
        }
        if (body == null || !body.isObject()) {
            throw ApiError.badParameter("body", "expected a JSON object with name, intersects or bbox, webhook and secret");
        }
        if (body.has("command")) {
            throw ApiError.badParameter("command", "not accepted through the API: a command runs on the catalog's host; add it there with "
                    + "'alos2-ingest subscribe add --command'");
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw ApiError.badParameter(oneLine(f), "unknown member; expected " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        Subscription s;
        try {
            ObjectNode interest = ((ObjectNode) body).deepCopy();
            if (body.has("intersects") == body.has("bbox")) {
                throw new IllegalArgumentException("intersects: give the area as intersects (GeoJSON) or bbox ([west, south, east, north]), one of them");
            }
            if (body.has("bbox")) {
                interest.set("intersects", Interest.box(bbox(body.get("bbox")), "bbox"));
            }
            String name = text(body, "name");
            Webhook target = new Webhook(Webhook.url(text(body, "webhook"), "webhook"), text(body, "secret"));
            s = Subscription.create(name, Interest.fromJson(interest, f -> f), target, f -> f);
        } catch (IllegalArgumentException e) {
            throw problem(e.getMessage());
        }
        return s;
    }

    private static String bbox(JsonNode n) {
        if (n.isTextual()) {
            return n.asText();
        }
        if (!n.isArray() || n.size() != 4) {
            throw new IllegalArgumentException("bbox: expected [west, south, east, north] in degrees");
        }
        StringBuilder b = new StringBuilder();
        for (JsonNode v : n) {
            if (!v.isNumber()) {
                throw new IllegalArgumentException("bbox: expected [west, south, east, north] in degrees");
            }
            b.append(b.isEmpty() ? "" : ",").append(v.asDouble());
        }
        return b.toString();
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(field + ": expected a string");
        }
        return v.asText();
    }

    /** The model's messages start with the field they are about: "mode: expected ..." becomes that parameter's 400. */
    private static ApiError problem(String raw) {
        String message = oneLine(raw);
        int colon = message.indexOf(": ");
        return colon > 0 && colon < 20 ? ApiError.badParameter(message.substring(0, colon), message.substring(colon + 2))
                : ApiError.badParameter("body", message);
    }

    /**
     * What the body said (a member's name, a URL) quoted in an error: line breaks and other control
     * characters escaped, so that the 400's description and the log line stay one line.
     */
    private static String oneLine(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }

    private static ApiError unknown(String name) {
        return ApiError.notFound("subscription '" + name + "': no such subscription");
    }

    private static ApiError notAllowed(Exchange ex, String allowed) {
        ex.response.getHeaders().put(HttpHeader.ALLOW, allowed);
        return new ApiError(405, "MethodNotAllowed", ex.method() + " " + ex.request.getHttpURI().getPath() + ": allowed: " + allowed);
    }
}
