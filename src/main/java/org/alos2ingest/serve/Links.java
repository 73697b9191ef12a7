package org.alos2ingest.serve;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.stac.Stac;

/**
 * Absolute links under one base URL: the {@code --base-url} a proxy publishes, or else the scheme and
 * host the request came in on. Also rewrites asset hrefs of local publishing ({@code file://} under
 * the publish root) to this server's {@code /assets/}.
 */
final class Links {
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    static final String SCHEMA = "application/schema+json";
    static final String QUERYABLES_REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

    private final String base;
    private final String fileRoot;

    Links(String base, java.nio.file.Path publishRoot) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        // GRQ documents carry "file://" + the folder's path, unencoded
        this.fileRoot = publishRoot == null ? null : "file:" + publishRoot.toAbsolutePath().normalize() + "/";
    }

    String url(String path) {
        return base + path;
    }

    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static ObjectNode link(String rel, String href, String type, String title) {
        return Stac.link(rel, href, type, title);
    }

    ObjectNode at(String rel, String path, String type, String title) {
        return link(rel, url(path), type, title);
    }

    /** {@code path} with the query parameters given, repeated ones in order. */
    String withQuery(String path, Map<String, List<String>> query) {
        StringJoiner q = new StringJoiner("&");
        query.forEach((name, values) -> values.forEach(v -> q.add(segment(name) + "=" + segment(v))));
        return url(path) + (q.length() == 0 ? "" : "?" + q);
    }

    /** Adds self, parent, collection and root links to an item, and points local asset hrefs here. */
    ObjectNode item(ObjectNode item) {
        String collection = item.path("collection").asText();
        String self = "/collections/" + segment(collection) + "/items/" + segment(item.path("id").asText());
        ArrayNode links = item.has("links") && item.get("links").isArray() ? (ArrayNode) item.get("links") : item.putArray("links");
        // relative links of the product folder's own Item do not resolve here: the API's take their place
        for (int i = links.size() - 1; i >= 0; i--) {
            String rel = links.get(i).path("rel").asText();
            if (List.of("self", "root", "parent", "collection").contains(rel)) {
                links.remove(i);
            }
        }
        links.add(at("self", self, Exchange.GEO_JSON, null));
        links.add(at("parent", "/collections/" + segment(collection), Exchange.JSON, null));
        links.add(at("collection", "/collections/" + segment(collection), Exchange.JSON, null));
        links.add(at("root", "/", Exchange.JSON, null));
        item.path("assets").forEach(a -> rewrite((ObjectNode) a));
        links.forEach(l -> rewrite((ObjectNode) l));
        return item;
    }

    ObjectNode collection(ObjectNode c) {
        String self = "/collections/" + segment(c.path("id").asText());
        ArrayNode links = c.has("links") && c.get("links").isArray() ? (ArrayNode) c.get("links") : c.putArray("links");
        for (int i = links.size() - 1; i >= 0; i--) {
            String rel = links.get(i).path("rel").asText();
            if (List.of("self", "root", "parent", "items", "child", "item", QUERYABLES_REL).contains(rel)) {
                links.remove(i);
            }
        }
        links.add(at("self", self, Exchange.JSON, null));
        links.add(at("root", "/", Exchange.JSON, null));
        links.add(at("parent", "/", Exchange.JSON, null));
        links.add(at("items", self + "/items", Exchange.GEO_JSON, null));
        links.add(at(QUERYABLES_REL, self + "/queryables", SCHEMA, null));
        return c;
    }

    private void rewrite(ObjectNode hrefHolder) {
        JsonNode href = hrefHolder.path("href");
        if (fileRoot == null || !href.isTextual()) {
            return;
        }
        String h = href.asText().startsWith("file://") ? "file:" + href.asText().substring("file://".length()) : href.asText();
        if (h.startsWith(fileRoot)) {
            StringJoiner path = new StringJoiner("/");
            for (String s : h.substring(fileRoot.length()).split("/")) {
                // tile templates ({z}/{x}/{y}) stay templates
                path.add(segment(s).replace("%7B", "{").replace("%7D", "}"));
            }
            hrefHolder.put("href", url("/assets/" + path));
        }
    }
}
