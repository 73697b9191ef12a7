package org.alos2ingest.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.InvalidSearchException;
import org.alos2ingest.catalog.ItemSearch;
import org.alos2ingest.config.Json;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The STAC API's routes. Every refusal is an {@link ApiError} answered as JSON; anything else that
 * goes wrong is logged here and answered as a bare 500, so that no stack trace or internal detail
 * reaches a client.
 */
final class StacApi extends Handler.Abstract {
    private static final Logger LOG = Logger.getLogger(StacApi.class.getName());
    private static final Set<String> READ = Set.of("GET", "HEAD");
    private static final Set<String> SEARCH = Set.of("GET", "HEAD", "POST");

    private final StacBackend backend;
    private final CoreDocuments core;
    private final AssetFiles assets;
    private final MapPage map = new MapPage();
    private final Cors cors;
    private final String baseUrl;
    private final Path publishRoot;
    private final SubscriptionsApi subscriptions;

    /**
     * @param baseUrl     the public base URL, or null to use the one each request came in on
     * @param publishRoot the local publish root to serve under /assets/, or null for none
     */
    StacApi(StacBackend backend, String baseUrl, Path publishRoot, List<String> corsOrigins) {
        this(backend, baseUrl, publishRoot, corsOrigins, null);
    }

    /** @param subscriptions the {@code /subscriptions} routes, or null when they are off */
    StacApi(StacBackend backend, String baseUrl, Path publishRoot, List<String> corsOrigins, SubscriptionsApi subscriptions) {
        super(InvocationType.BLOCKING);
        this.subscriptions = subscriptions;
        this.backend = backend;
        this.core = new CoreDocuments(backend);
        this.assets = publishRoot == null ? null : new AssetFiles(publishRoot);
        this.cors = new Cors(corsOrigins);
        this.baseUrl = baseUrl;
        this.publishRoot = publishRoot;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange ex = new Exchange(request, response, callback);
        try {
            route(ex);
        } catch (ApiError e) {
            answer(ex, e);
        } catch (InvalidSearchException e) {
            answer(ex, ApiError.badParameter(e.parameter(), e.problem()));
        } catch (Throwable e) {
            LOG.log(Level.SEVERE, "unexpected failure answering " + request.getMethod() + " " + request.getHttpURI().getPath(), e);
            answer(ex, new ApiError(500, "InternalServerError", "the server failed to answer this request; the failure is in its log"));
        }
        return true;
    }

    private static void answer(Exchange ex, ApiError e) {
        if (ex.response.isCommitted()) {
            // headers are out: the only honest signal left is to break the response
            ex.callback.failed(e);
            return;
        }
        ex.response.getHeaders().remove(HttpHeader.CONTENT_ENCODING);
        drainSmallBody(ex);
        ex.error(e);
    }

    /**
     * An error can be answered before a request's body was read. Left unread, Jetty closes the
     * connection after the answer, and a client that already reuses it (java.net.http does) sees an
     * empty reply instead of the error; reading a small body keeps the connection good.
     */
    private static void drainSmallBody(Exchange ex) {
        long length = ex.request.getLength();
        if (length > 0 && length <= 1 << 20) {
            try {
                Content.Source.consumeAll(ex.request);
            } catch (IOException | RuntimeException ignored) {
                // the client went away or sent less than it said: nothing to keep
            }
        }
    }

    private void route(Exchange ex) throws Exception {
        String method = ex.method();
        if (method.equals("OPTIONS")) {
            cors.preflight(ex);
            return;
        }
        cors.apply(ex);
        String raw = ex.request.getHttpURI().getPath();
        if (raw != null && raw.startsWith(AssetFiles.PREFIX)) {
            allow(ex, READ);
            if (assets == null) {
                throw ApiError.notFound("this server publishes no local files");
            }
            assets.serve(ex, raw);
            return;
        }
        if (raw != null && (raw.equals(MapPage.PREFIX) || raw.startsWith(MapPage.PREFIX + "/"))) {
            allow(ex, READ);
            map.serve(ex, raw);
            return;
        }
        String path = Request.getPathInContext(ex.request);
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<String> seg = path.equals("/") ? List.of() : Arrays.asList(path.substring(1).split("/", -1));
        Links links = new Links(baseUrl != null ? baseUrl : requestBase(ex), publishRoot);
        switch (seg.size() == 0 ? "" : seg.get(0)) {
            case "" -> {
                allow(ex, READ);
                ex.json(200, core.landing(links), Exchange.JSON);
            }
            case "conformance" -> only(ex, seg, 1, READ, () -> ex.json(200, core.conformance(), Exchange.JSON));
            case "api" -> only(ex, seg, 1, READ, () -> ex.json(200, core.openApi(links), Links.OPENAPI));
            case "queryables" -> only(ex, seg, 1, READ, () -> ex.json(200, queryables(null, links.url("/queryables")), Links.SCHEMA));
            case "search" -> only(ex, seg, 1, SEARCH, () -> search(ex, links));
            case "collections" -> collections(ex, seg, links);
            case SubscriptionsApi.SEGMENT -> {
                if (subscriptions == null) {
                    throw ApiError.notFound("subscriptions are off on this server (serve --subscriptions-token-file FILE turns them on)");
                }
                subscriptions.handle(ex, seg);
            }
            default -> throw ApiError.notFound("no resource at " + path + " (see / for the API's links)");
        }
    }

    private void collections(Exchange ex, List<String> seg, Links links) throws Exception {
        allow(ex, READ);
        if (seg.size() == 1) {
            ObjectNode o = Json.object();
            ArrayNode cs = o.putArray("collections");
            backend.collections().forEach(c -> cs.add(links.collection(c)));
            ArrayNode l = o.putArray("links");
            l.add(links.at("self", "/collections", Exchange.JSON, null));
            l.add(links.at("root", "/", Exchange.JSON, null));
            l.add(links.at("parent", "/", Exchange.JSON, null));
            ex.json(200, o, Exchange.JSON);
            return;
        }
        String id = seg.get(1);
        ObjectNode collection = backend.collection(id)
                .orElseThrow(() -> ApiError.notFound("collection '" + id + "': no such collection (see /collections)"));
        if (seg.size() == 2) {
            ex.json(200, links.collection(collection), Exchange.JSON);
        } else if (seg.size() == 3 && seg.get(2).equals("items")) {
            Map<String, List<String>> query = ex.query();
            for (String refused : List.of("collections", "ids", "intersects")) {
                if (query.containsKey(refused)) {
                    throw ApiError.badParameter(refused, "not a parameter of /collections/{id}/items (use /search)");
                }
            }
            ItemSearch s = SearchParameters.fromQuery(query).withCollections(List.of(id));
            itemCollection(ex, links, s, query, "/collections/" + Links.segment(id) + "/items", false);
        } else if (seg.size() == 3 && seg.get(2).equals("queryables")) {
            ex.json(200, queryables(id, links.url("/collections/" + Links.segment(id) + "/queryables")), Links.SCHEMA);
        } else if (seg.size() == 4 && seg.get(2).equals("items")) {
            String itemId = seg.get(3);
            ObjectNode item = backend.item(id, itemId)
                    .orElseThrow(() -> ApiError.notFound("item '" + itemId + "': not in collection '" + id + "'"));
            ex.json(200, links.item(item), Exchange.GEO_JSON);
        } else {
            throw ApiError.notFound("no resource at " + String.join("/", seg));
        }
    }

    private ObjectNode queryables(String collectionId, String schemaId) {
        if (!backend.filters()) {
            throw ApiError.notFound("this catalog offers no CQL2 filtering, hence no queryables");
        }
        return backend.queryables(collectionId, schemaId);
    }

    private void search(Exchange ex, Links links) {
        boolean post = ex.method().equals("POST");
        Map<String, List<String>> query = post ? Map.of() : ex.query();
        if (post) {
            String type = ex.header(HttpHeader.CONTENT_TYPE);
            if (type != null && !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
                throw new ApiError(415, "UnsupportedMediaType", "body: expected application/json, got " + type);
            }
        }
        ItemSearch s = post ? SearchParameters.fromBody(ex.body()) : SearchParameters.fromQuery(query);
        for (String c : s.collections()) {
            if (backend.collection(c).isEmpty()) {
                throw ApiError.badParameter("collections", "no collection '" + c + "' (see /collections)");
            }
        }
        itemCollection(ex, links, s, query, "/search", post);
    }

    private void itemCollection(Exchange ex, Links links, ItemSearch s, Map<String, List<String>> query, String path, boolean post) {
        if (s.filter() != null && !backend.filters()) {
            throw ApiError.badParameter("filter", "this catalog offers no CQL2 filtering");
        }
        StacBackend.Page page = backend.search(s);
        ObjectNode fc = Json.object();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        page.items().forEach(i -> features.add(links.item(i)));
        fc.put("numberReturned", page.items().size());
        ArrayNode l = fc.putArray("links");
        l.add(links.link("self", post ? links.url(path) : links.withQuery(path, query), Exchange.GEO_JSON, null));
        l.add(links.at("root", "/", Exchange.JSON, null));
        if (s.collections().size() == 1 && !path.equals("/search")) {
            l.add(links.at("collection", "/collections/" + Links.segment(s.collections().get(0)), Exchange.JSON, null));
            l.add(links.at("parent", "/collections/" + Links.segment(s.collections().get(0)), Exchange.JSON, null));
        }
        if (page.nextToken() != null) {
            if (post) {
                ObjectNode next = Links.link("next", links.url(path), Exchange.GEO_JSON, null);
                next.put("method", "POST");
                next.putObject("body").put("token", page.nextToken());
                next.put("merge", true);
                l.add(next);
            } else {
                Map<String, List<String>> q = new LinkedHashMap<>(query);
                q.put("token", new ArrayList<>(List.of(page.nextToken())));
                l.add(Links.link("next", links.withQuery(path, q), Exchange.GEO_JSON, null));
            }
        }
        ex.json(200, fc, Exchange.GEO_JSON);
    }

    private static String requestBase(Exchange ex) {
        var uri = ex.request.getHttpURI();
        String host = ex.header(HttpHeader.HOST);
        return uri.getScheme() + "://" + (host != null && !host.isBlank() ? host : uri.getAuthority());
    }

    private static void allow(Exchange ex, Set<String> methods) {
        if (!methods.contains(ex.method())) {
            String allowed = String.join(", ", methods.stream().sorted().toList()) + ", OPTIONS";
            ex.response.getHeaders().put(HttpHeader.ALLOW, allowed);
            throw new ApiError(405, "MethodNotAllowed", ex.method() + " " + ex.request.getHttpURI().getPath()
                    + ": this API is read-only here; allowed: " + allowed);
        }
    }

    private interface Answer {
        void run() throws Exception;
    }

    private static void only(Exchange ex, List<String> seg, int size, Set<String> methods, Answer answer) throws Exception {
        if (seg.size() != size) {
            throw ApiError.notFound("no resource at /" + String.join("/", seg));
        }
        allow(ex, methods);
        answer.run();
    }
}
