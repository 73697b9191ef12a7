package org.alos2ingest.fetch.servers;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;

/**
 * Speaks AUIG2 as portals.md describes it: an OpenAM login form posted to {@code /openam/UI/Login}
 * with {@code IDToken1}/{@code IDToken2} that only succeeds on the second POST (the first one sets
 * {@code AMAuthCookie}, without which the credentials are not even looked at), the SSO cookie
 * {@code iPlanetDirectoryPro} on success and 401 with an HTML page on wrong credentials; the order
 * download at {@code /pp/service/download?downloadurl=/start/download/file&itemname=<order>&itemtype=1}
 * with an unquoted {@code Content-Disposition} file name and {@code Content-Length}; an HTML error
 * page for an unknown order; and a redirect to the login page for a session it does not know.
 */
public final class Auig2Server extends LocalServer {

    public static final String LOGIN = "/openam/UI/Login";
    public static final String DOWNLOAD = "/pp/service/download";
    public static final String ORDER_LIST = "/pp/service/orderlist";
    public static final String READY = "Providing preparation completion";
    static final String LOGIN_PAGE = """
            <!DOCTYPE html>
            <html><head><title>AUIG2 - Login</title></head>
            <body><form method="post" action="/openam/UI/Login">
            <input type="text" name="IDToken1"><input type="password" name="IDToken2"><input type="submit" value="Log In">
            </form>%s</body></html>""";

    private record Order(String fileName, byte[] data, String status) {
    }

    private final Map<String, String> accounts = new ConcurrentHashMap<>();
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Set<String> amAuth = ConcurrentHashMap.newKeySet();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();

    public Auig2Server() throws IOException {
        super("127.0.0.1");
        route(LOGIN, this::login);
        route(DOWNLOAD, this::download);
        route(ORDER_LIST, this::orderList);
        route("/pp/", (x, s) -> text(x, 200, "text/html", "<html><head><title>AUIG2 - Top</title></head><body>Welcome</body></html>"));
    }

    public Auig2Server account(String user, String password) {
        accounts.put(user, password);
        return this;
    }

    /** An order ready for download. */
    public Auig2Server order(String orderId, String fileName, byte[] zip) {
        orders.put(orderId, new Order(fileName, zip, READY));
        return this;
    }

    /** An order the portal lists but is still preparing: not downloadable yet. */
    public Auig2Server preparing(String orderId) {
        orders.put(orderId, new Order(null, null, "Receiving of order"));
        return this;
    }

    private void orderList(HttpExchange x, Seen s) throws IOException {
        String token = cookie(s, "iPlanetDirectoryPro");
        if (token == null || !sessions.contains(token)) {
            x.getResponseHeaders().set("Location", LOGIN);
            x.sendResponseHeaders(302, -1);
            return;
        }
        com.fasterxml.jackson.databind.node.ArrayNode a = org.alos2ingest.config.Json.MAPPER.createArrayNode();
        new java.util.TreeMap<>(orders).forEach((id, o) -> a.addObject().put("orderId", id).put("orderDate", "2024/05/01").put("status", o.status()));
        text(x, 200, "application/json", org.alos2ingest.config.Json.compact(a));
    }

    /** Ends every session, as a portal restart or a session time-out does. */
    public void forgetSessions() {
        sessions.clear();
    }

    private void login(HttpExchange x, Seen s) throws IOException {
        if (s.method().equals("GET")) {
            text(x, 200, "text/html", LOGIN_PAGE.formatted(""));
            return;
        }
        String auth = cookie(s, "AMAuthCookie");
        if (auth == null || !amAuth.contains(auth)) {
            // OpenAM's first answer: the form again, and the cookies the real login needs
            String c = UUID.randomUUID().toString();
            amAuth.add(c);
            x.getResponseHeaders().add("Set-Cookie", "AMAuthCookie=" + c + "; Path=/");
            x.getResponseHeaders().add("Set-Cookie", "amlbcookie=01; Path=/");
            text(x, 200, "text/html", LOGIN_PAGE.formatted(""));
            return;
        }
        Map<String, String> f = form(s.body());
        String user = f.get("IDToken1");
        String password = f.get("IDToken2");
        if (user == null || password == null || !password.equals(accounts.get(user))) {
            text(x, 401, "text/html", LOGIN_PAGE.formatted("<p class=\"error\">Authentication failed.</p>"));
            return;
        }
        String token = "AQIC5w" + UUID.randomUUID().toString().replace("-", "");
        sessions.add(token);
        x.getResponseHeaders().add("Set-Cookie", "iPlanetDirectoryPro=" + token + "; Path=/; HttpOnly");
        x.getResponseHeaders().set("Location", "/pp/");
        x.sendResponseHeaders(302, -1);
    }

    private void download(HttpExchange x, Seen s) throws IOException {
        Map<String, String> q = query(s);
        String token = cookie(s, "iPlanetDirectoryPro");
        if (token == null || !sessions.contains(token)) {
            x.getResponseHeaders().set("Location", LOGIN + "?goto=" + java.net.URLEncoder.encode(s.pathAndQuery(), java.nio.charset.StandardCharsets.UTF_8));
            x.sendResponseHeaders(302, -1);
            return;
        }
        if (!"/start/download/file".equals(q.get("downloadurl")) || !"1".equals(q.get("itemtype"))) {
            text(x, 400, "text/html", "<html><head><title>AUIG2 - Bad Request</title></head><body>bad request</body></html>");
            return;
        }
        Order o = orders.get(q.get("itemname"));
        if (o == null || o.data() == null) {
            text(x, 200, "text/html", "<html><head><title>AUIG2 - Error</title></head><body><p>The order item "
                    + q.get("itemname") + " could not be found.</p></body></html>");
            return;
        }
        x.getResponseHeaders().set("Content-Type", "application/octet-stream");
        x.getResponseHeaders().set("Content-Disposition", "attachment; filename=" + o.fileName());
        if (s.method().equals("HEAD")) {
            x.getResponseHeaders().set("Content-Length", String.valueOf(o.data().length));
            x.sendResponseHeaders(200, -1);
            return;
        }
        x.sendResponseHeaders(200, o.data().length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(o.data());
        }
    }
}
