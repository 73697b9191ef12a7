package org.alos2ingest.serve;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;

/** The landing page, the conformance declaration and the OpenAPI document, claiming only what works. */
final class CoreDocuments {
    static final String STAC_VERSION = "1.0.0";

    static final List<String> ALWAYS = List.of(
            "https://api.stacspec.org/v1.0.0/core",
            "https://api.stacspec.org/v1.0.0/collections",
            "https://api.stacspec.org/v1.0.0/ogcapi-features",
            "https://api.stacspec.org/v1.0.0/item-search",
            "https://api.stacspec.org/v1.0.0/item-search#sort",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");

    static final List<String> FILTER = List.of(
            "https://api.stacspec.org/v1.0.0/item-search#filter",
            "https://api.stacspec.org/v1.0.0/ogcapi-features#filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
            "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions");

    private final StacBackend backend;
    private final byte[] openApi;

    CoreDocuments(StacBackend backend) {
        this.backend = backend;
        try (InputStream in = CoreDocuments.class.getResourceAsStream("openapi.json")) {
            this.openApi = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("openapi.json missing from the jar", e);
        }
    }

    List<String> conformsTo() {
        List<String> all = new ArrayList<>(ALWAYS);
        if (backend.filters()) {
            all.addAll(FILTER);
        }
        return all;
    }

    ObjectNode landing(Links links) {
        ObjectNode o = Json.object();
        o.put("type", "Catalog");
        o.put("stac_version", STAC_VERSION);
        o.put("id", "alos2-ingest");
        o.put("title", "ALOS-2 PALSAR-2 datasets");
        o.put("description", "ALOS-2 PALSAR-2 radar products cataloged by alos2-ingest, as a STAC API.");
        ArrayNode c = o.putArray("conformsTo");
        conformsTo().forEach(c::add);
        ArrayNode l = o.putArray("links");
        l.add(links.at("self", "/", Exchange.JSON, "this document"));
        l.add(links.at("root", "/", Exchange.JSON, null));
        l.add(links.at("conformance", "/conformance", Exchange.JSON, "STAC/OGC conformance classes implemented by this server"));
        l.add(links.at("service-desc", "/api", Links.OPENAPI, "the API definition"));
        l.add(links.at("data", "/collections", Exchange.JSON, "the collections"));
        ObjectNode get = links.at("search", "/search", Exchange.GEO_JSON, "STAC search");
        get.put("method", "GET");
        l.add(get);
        ObjectNode post = links.at("search", "/search", Exchange.GEO_JSON, "STAC search");
        post.put("method", "POST");
        l.add(post);
        if (backend.filters()) {
            l.add(links.at(Links.QUERYABLES_REL, "/queryables", Links.SCHEMA, "queryables for CQL2 filters"));
        }
        for (ObjectNode col : backend.collections()) {
            l.add(links.at("child", "/collections/" + Links.segment(col.path("id").asText()), Exchange.JSON, col.path("title").asText(null)));
        }
        return o;
    }

    ObjectNode conformance() {
        ObjectNode o = Json.object();
        ArrayNode c = o.putArray("conformsTo");
        conformsTo().forEach(c::add);
        return o;
    }

    /** The shipped OpenAPI document with this server as its server. */
    ObjectNode openApi(Links links) throws IOException {
        ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(openApi);
        ArrayNode servers = doc.putArray("servers");
        servers.addObject().put("url", links.url("/"));
        return doc;
    }
}
