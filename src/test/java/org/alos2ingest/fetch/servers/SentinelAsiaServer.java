package org.alos2ingest.fetch.servers;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import org.alos2ingest.config.Json;

/**
 * Speaks Sentinel Asia as portals.md describes it, under {@code /sentinel2}: {@code topControl.jsp}
 * opens a session ({@code JSESSIONID}) and logs it in on a POST of {@code userid}, {@code passwd},
 * {@code request=login}, {@code submit=login}, {@code loginId=}; the JSON endpoints (EOR list, one
 * EOR's bulletin, its files) answer a logged-in session and send the login page to any other; the
 * download endpoint answers HEAD with a quoted {@code Content-Disposition} and {@code Content-Length},
 * and GET with the file.
 */
public final class SentinelAsiaServer extends LocalServer {

    public static final String ROOT = "/sentinel2";
    public static final String TOP = ROOT + "/topControl.jsp";
    public static final String VIEW_LIST = ROOT + "/webresources/emobRequestSelect/viewList";
    public static final String BULLETIN = ROOT + "/webresources/thumbnailEmob/viewBulletinContent";
    public static final String FILES = ROOT + "/webresources/thumbnailEmob/emergencyViewThumbnail";
    public static final String DOWNLOAD = ROOT + "/webresources/thumbnailEmob/download";
    static final String LOGIN_PAGE = """
            <!DOCTYPE html><html><head><title>Sentinel Asia</title></head><body>
            <form method="post" action="topControl.jsp"><input type="text" name="userid"><input type="password" name="passwd">
            <input type="hidden" name="request" value="login"><input type="hidden" name="loginId" value="">
            <input type="submit" name="submit" value="login"></form>%s</body></html>""";

    public record SaFile(String dataId, String type, String title, String fileName, byte[] data) {
    }

    public record Eor(String requestId, String observeDateStr, String disasterType, String country, List<SaFile> files) {
    }

    private final Map<String, String> accounts = new ConcurrentHashMap<>();
    private final Map<String, Eor> eors = new LinkedHashMap<>();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final Set<String> loggedIn = ConcurrentHashMap.newKeySet();

    public SentinelAsiaServer() throws IOException {
        super("127.0.0.1");
        route(TOP, this::top);
        route(VIEW_LIST, (x, s) -> json(x, s, this::viewList));
        route(BULLETIN, (x, s) -> json(x, s, this::bulletin));
        route(FILES, (x, s) -> json(x, s, this::files));
        route(DOWNLOAD, this::download);
    }

    public SentinelAsiaServer account(String user, String password) {
        accounts.put(user, password);
        return this;
    }

    public synchronized SentinelAsiaServer eor(Eor eor) {
        eors.put(eor.requestId(), eor);
        return this;
    }

    /** The service's base URL, as the client is configured with it. */
    public java.net.URI serviceUrl() {
        return uri(ROOT);
    }

    private void top(HttpExchange x, Seen s) throws IOException {
        String session = cookie(s, "JSESSIONID");
        if (session == null || !sessions.contains(session)) {
            session = UUID.randomUUID().toString().replace("-", "").toUpperCase();
            sessions.add(session);
            x.getResponseHeaders().add("Set-Cookie", "JSESSIONID=" + session + "; Path=/sentinel2; HttpOnly");
        }
        if (s.method().equals("POST")) {
            Map<String, String> f = form(s.body());
            boolean wellFormed = "login".equals(f.get("request")) && "login".equals(f.get("submit")) && "".equals(f.get("loginId"));
            String user = f.get("userid");
            if (wellFormed && user != null && f.get("passwd") != null && f.get("passwd").equals(accounts.get(user))) {
                loggedIn.add(session);
                text(x, 200, "text/html", "<html><head><title>Sentinel Asia</title></head><body>Welcome " + user
                        + " <a href=\"topControl.jsp?request=logout\">logout</a></body></html>");
                return;
            }
            text(x, 200, "text/html", LOGIN_PAGE.formatted("<p>Login failed.</p>"));
            return;
        }
        text(x, 200, "text/html", LOGIN_PAGE.formatted(""));
    }

    private boolean loggedIn(Seen s) {
        String session = cookie(s, "JSESSIONID");
        return session != null && loggedIn.contains(session);
    }

    private interface JsonAnswer {
        Object answer(Map<String, String> query) throws IOException;
    }

    private void json(HttpExchange x, Seen s, JsonAnswer a) throws IOException {
        if (!loggedIn(s)) {
            text(x, 200, "text/html", LOGIN_PAGE.formatted(""));
            return;
        }
        Object o = a.answer(query(s));
        if (o == null) {
            text(x, 404, "text/html", "<html><head><title>Not Found</title></head><body></body></html>");
            return;
        }
        text(x, 200, "application/json", Json.compact((com.fasterxml.jackson.databind.JsonNode) o));
    }

    private synchronized Object viewList(Map<String, String> q) {
        if (!"Emergency Observation".equals(q.get("subset_name")) || !q.containsKey("submit.countryIdx") || !q.containsKey("submit.disasterTypeIdx")) {
            return null;
        }
        ArrayNode a = Json.MAPPER.createArrayNode();
        eors.values().forEach(e -> a.add(eorJson(e)));
        return a;
    }

    private synchronized Object bulletin(Map<String, String> q) {
        Eor e = eors.get(q.get("requestId"));
        return e == null ? null : eorJson(e);
    }

    private synchronized Object files(Map<String, String> q) {
        Eor e = eors.get(q.get("requestId"));
        if (e == null || !"Emergency Observation".equals(q.get("subsetName")) || !q.containsKey("selectDate")) {
            return null;
        }
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (SaFile f : e.files()) {
            ObjectNode o = a.addObject();
            o.put("dataId", f.dataId());
            o.put("typeStr", f.type());
            o.put("title", f.title());
            o.put("requestId", e.requestId());
        }
        return a;
    }

    private static ObjectNode eorJson(Eor e) {
        ObjectNode o = Json.object();
        o.put("requestId", e.requestId());
        o.put("observeDateStr", e.observeDateStr());
        o.put("disasterTypeStr", e.disasterType());
        o.put("countryStr", e.country());
        o.put("title", e.disasterType() + " in " + e.country());
        return o;
    }

    private synchronized SaFile file(String dataId) {
        List<SaFile> all = new ArrayList<>();
        eors.values().forEach(e -> all.addAll(e.files()));
        return all.stream().filter(f -> f.dataId().equals(dataId)).findFirst().orElse(null);
    }

    private void download(HttpExchange x, Seen s) throws IOException {
        if (!loggedIn(s)) {
            text(x, 200, "text/html", LOGIN_PAGE.formatted(""));
            return;
        }
        SaFile f = file(query(s).get("dataId"));
        if (f == null) {
            text(x, 404, "text/html", "<html><head><title>Not Found</title></head><body></body></html>");
            return;
        }
        x.getResponseHeaders().set("Content-Type", "application/octet-stream");
        x.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + f.fileName() + "\"");
        if (s.method().equals("HEAD")) {
            x.getResponseHeaders().set("Content-Length", String.valueOf(f.data().length));
            x.sendResponseHeaders(200, -1);
            return;
        }
        x.sendResponseHeaders(200, f.data().length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(f.data());
        }
    }
}
