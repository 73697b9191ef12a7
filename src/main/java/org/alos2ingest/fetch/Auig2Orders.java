package org.alos2ingest.fetch;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.Json;

/**
 * The orders of one AUIG2 account and which of them can be downloaded, for watching an account
 * rather than ingesting an order by its id. Each listing logs in afresh, so a session the portal
 * dropped between two polls costs nothing.
 */
public final class Auig2Orders {

    /** One order; {@code ready} when its products can be downloaded. */
    public record Order(String id, String date, String status, boolean ready) {
    }

    private static final int JSON_LIMIT = 8 << 20;

    private final FetchConfig config;
    private final URI base;

    public Auig2Orders(FetchConfig config) {
        this.config = config;
        this.base = config.serviceUrl(Auig2Source.TYPE);
    }

    public URI base() {
        return base;
    }

    /** Names the account by its user as given (option, environment), never the password. */
    public String describe() {
        return "AUIG2 orders of " + config.credentials().namedUser(config.login(Auig2Source.TYPE)).orElse("the .netrc user") + " at " + Urls.display(base);
    }

    /**
     * Every order the account has.
     *
     * @throws FetchException when the portal is down, refuses the login or answers something else than the list
     */
    public List<Order> list() {
        Auig2Login.Session s = Auig2Login.open(config, base);
        URI u = Auig2Protocol.orderListUri(base);
        try (HttpSession.Response r = s.http().send(HttpSession.Request.get(u))) {
            if (r.status() == 401 || r.status() == 403) {
                throw Auig2Login.failed(s.credentials(), base, "HTTP " + r.status() + " for the order list");
            }
            if (r.status() != 200) {
                throw new FetchException("AUIG2 order list " + Urls.display(u) + ": HTTP " + r.status());
            }
            String body = r.text(JSON_LIMIT);
            if (r.contentType().contains("html") || body.stripLeading().startsWith("<")) {
                if (Auig2Protocol.isLoginPage(body)) {
                    throw Auig2Login.failed(s.credentials(), base, "the portal answered the order list with its login page");
                }
                throw new FetchException("AUIG2 order list " + Urls.display(u) + ": expected JSON, got an HTML page '" + UnexpectedPageException.title(body) + "'");
            }
            JsonNode list = Json.MAPPER.readTree(body);
            if (!list.isArray()) {
                throw new FetchException("AUIG2 order list " + Urls.display(u) + ": expected a JSON array of orders, got " + list.getNodeType());
            }
            List<Order> out = new ArrayList<>();
            for (JsonNode o : list) {
                String id = o.path("orderId").asText("").strip();
                if (id.isEmpty()) {
                    throw new FetchException("AUIG2 order list " + Urls.display(u) + ": an entry has no 'orderId'");
                }
                String status = o.path("status").asText("").strip();
                try {
                    Auig2Protocol.checkOrderId(id);
                } catch (IllegalArgumentException e) {
                    throw new FetchException("AUIG2 order list " + Urls.display(u) + ": an entry's orderId " + e.getMessage());
                }
                out.add(new Order(id, o.path("orderDate").asText(""), status,
                        Auig2Protocol.READY.contains(status.toLowerCase(Locale.ROOT))));
            }
            return out;
        } catch (IOException e) {
            throw new FetchException("AUIG2 order list " + Urls.display(u) + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
