package org.alos2ingest.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;

/**
 * The indices and template behind one GRQ alias: the shipped index template installed once (unless a
 * GRQ deployment keeps its own), and each dataset index created with its aliases before its first
 * write. Remembers what it has made, so a bulk write costs no extra round trips after the first.
 */
final class OpenSearchIndices {

    private final OpenSearchEndpoint endpoint;
    private final OpenSearchClient client;
    private final String alias;
    private final Set<String> readyIndices = ConcurrentHashMap.newKeySet();
    private volatile boolean templateReady;

    OpenSearchIndices(OpenSearchEndpoint endpoint, OpenSearchClient client, String alias) {
        this.endpoint = endpoint;
        this.client = client;
        this.alias = alias;
    }

    void ensureTemplate() {
        if (templateReady) {
            return;
        }
        String name = alias;
        OpenSearchClient.Response composable = client.call("GET", "/_index_template/" + name, null, Set.of(404));
        boolean install;
        if (composable.status() == 404) {
            // A GRQ deployment keeps its own (legacy) template under the same name: that one rules.
            install = client.call("GET", "/_template/" + name, null, Set.of(404)).status() == 404;
        } else {
            JsonNode meta = composable.body().path("index_templates").path(0).path("index_template").path("_meta");
            install = "alos2-ingest".equals(meta.path("created_by").asText()) && meta.path("template_version").asInt() < OpenSearchCatalog.TEMPLATE_VERSION;
        }
        if (install) {
            ObjectNode template = (ObjectNode) template(name);
            if (hasModule("analysis-common")) {
                // GRQ's default analyzer: whole values, lower-cased, split at punctuation. Its tokenizer and
                // filter live in the analysis-common module, which minimal distributions lack; searches
                // here use the .keyword fields, so they answer the same either way.
                ObjectNode analyzer = ((ObjectNode) template.path("template").path("settings")).putObject("analysis")
                        .putObject("analyzer").putObject("default");
                analyzer.put("tokenizer", "keyword");
                analyzer.putArray("filter").add("lowercase").add("word_delimiter");
            }
            client.json("PUT", "/_index_template/" + name, template);
        }
        templateReady = true;
    }

    private boolean hasModule(String module) {
        JsonNode nodes = client.json("GET", "/_nodes/plugins?filter_path=nodes.*.modules.name,nodes.*.plugins.name", null).path("nodes");
        if (nodes.isEmpty()) {
            return false;
        }
        for (JsonNode node : nodes) {
            boolean found = false;
            for (JsonNode m : node.path("modules")) {
                found |= module.equals(m.path("name").asText());
            }
            for (JsonNode m : node.path("plugins")) {
                found |= module.equals(m.path("name").asText());
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** The shipped index template for indices {@code <prefix>_*} with alias {@code <prefix>}. */
    static JsonNode template(String prefix) {
        try (InputStream in = OpenSearchIndices.class.getResourceAsStream("grq-index-template.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${prefix}", prefix);
            return Json.MAPPER.readTree(text);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("shipped grq-index-template.json unreadable", e);
        }
    }

    void ensureIndex(String index, List<String> aliases) {
        if (readyIndices.contains(index)) {
            return;
        }
        ObjectNode body = Json.object();
        ObjectNode a = body.putObject("aliases");
        aliases.forEach(x -> a.putObject(x.toLowerCase(Locale.ROOT)));
        OpenSearchClient.Response r = client.call("PUT", "/" + index, body, Set.of(400));
        if (r.status() == 400) {
            String type = r.body().path("error").path("type").asText();
            if (!type.equals("resource_already_exists_exception")) {
                throw new CatalogException(endpoint.describe() + ": cannot create index " + index + ": " + OpenSearchClient.reason(r.body(), null));
            }
            if (!aliases.isEmpty()) {
                ObjectNode actions = Json.object();
                ArrayNode list = actions.putArray("actions");
                aliases.forEach(x -> list.addObject().putObject("add").put("index", index).put("alias", x.toLowerCase(Locale.ROOT)));
                client.json("POST", "/_aliases", actions);
            }
        }
        readyIndices.add(index);
    }
}
