package org.alos2ingest.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;

/**
 * A {@link StateTable} in the OpenSearch catalog's own index {@code <prefix>-alos2-ingest-state},
 * beside the GRQ indices and outside their {@code <prefix>_*} template and alias, so no dataset search
 * ever sees a record. A document's id is a hash of table and key (keys such as URLs can be longer than
 * an id may be); {@link #replace} is OpenSearch's optimistic concurrency ({@code if_seq_no},
 * {@code if_primary_term}). Writes refresh at once: the records are few and read right after.
 */
final class OpenSearchStateTable implements StateTable {

    private static final int PAGE = 1000;

    private final OpenSearchEndpoint endpoint;
    private final OpenSearchClient client;
    private final String index;
    private final String table;
    private volatile boolean ready;

    OpenSearchStateTable(OpenSearchEndpoint endpoint, OpenSearchClient client, String table) {
        this.endpoint = endpoint;
        this.client = client;
        this.index = indexName(endpoint.prefix());
        this.table = table;
    }

    static String indexName(String prefix) {
        return prefix + "-alos2-ingest-state";
    }

    @Override
    public String describe() {
        return endpoint.describe() + " index " + index + " (" + table + ")";
    }

    @Override
    public boolean local() {
        return false;
    }

    /** Reads do not create the index: a catalog nobody subscribed or watched with has none, and may not be allowed one. */
    @Override
    public Optional<Row> get(String key) {
        OpenSearchClient.Response r = client.call("GET", "/" + index + "/_doc/" + id(key), null, Set.of(404));
        if (r.status() == 404 || !r.body().path("found").asBoolean()) {
            return Optional.empty();
        }
        return Optional.of(row(r.body()));
    }

    @Override
    public List<Row> list(String state) {
        List<Row> out = new ArrayList<>();
        JsonNode after = null;
        while (true) {
            ObjectNode body = Json.object();
            ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
            filter.addObject().putObject("term").put("tbl", table);
            if (state != null) {
                filter.addObject().putObject("term").put("state", state);
            }
            body.putArray("sort").addObject().put("key", "asc");
            body.put("size", PAGE);
            body.put("seq_no_primary_term", true);
            if (after != null) {
                body.set("search_after", after);
            }
            OpenSearchClient.Response r = client.call("POST", "/" + index + "/_search", body, Set.of(404));
            if (r.status() == 404) {
                return out;
            }
            JsonNode hits = r.body().path("hits").path("hits");
            for (JsonNode h : hits) {
                out.add(row(h));
                after = h.path("sort");
            }
            if (hits.size() < PAGE) {
                return out;
            }
        }
    }

    @Override
    public boolean insert(String key, String state, ObjectNode value) {
        ensureIndex();
        return client.call("PUT", "/" + index + "/_create/" + id(key) + "?refresh=true", source(key, state, value), Set.of(409)).status() != 409;
    }

    @Override
    public boolean replace(Row old, String state, ObjectNode value) {
        ensureIndex();
        String path = "/" + index + "/_doc/" + id(old.key()) + "?refresh=true&if_seq_no=" + (old.version() & 0xFF_FFFF_FFFFL)
                + "&if_primary_term=" + (old.version() >>> 40);
        int status = client.call("PUT", path, source(old.key(), state, value), Set.of(404, 409)).status();
        return status / 100 == 2;
    }

    @Override
    public void put(String key, String state, ObjectNode value) {
        ensureIndex();
        client.json("PUT", "/" + index + "/_doc/" + id(key) + "?refresh=true", source(key, state, value));
    }

    @Override
    public boolean delete(String key) {
        return client.call("DELETE", "/" + index + "/_doc/" + id(key) + "?refresh=true", null, Set.of(404)).status() != 404;
    }

    private ObjectNode source(String key, String state, ObjectNode value) {
        ObjectNode o = Json.object();
        o.put("tbl", table);
        o.put("key", key);
        o.put("state", state);
        o.set("value", value);
        return o;
    }

    /** seq_no in the low 40 bits, primary term above: one number that changes with every write. */
    private static Row row(JsonNode hit) {
        JsonNode s = hit.path("_source");
        long version = (hit.path("_primary_term").asLong() << 40) | (hit.path("_seq_no").asLong() & 0xFF_FFFF_FFFFL);
        return new Row(s.path("key").asText(), s.path("state").asText(), (ObjectNode) s.path("value"), version);
    }

    private String id(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((table + "\u0000" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void ensureIndex() {
        if (ready) {
            return;
        }
        ObjectNode body = Json.object();
        body.putObject("settings").put("number_of_shards", 1).put("auto_expand_replicas", "0-1");
        ObjectNode props = body.putObject("mappings").put("dynamic", false).putObject("properties");
        for (String k : List.of("tbl", "key", "state")) {
            props.putObject(k).put("type", "keyword");
        }
        props.putObject("value").put("type", "object").put("enabled", false);
        OpenSearchClient.Response r = client.call("PUT", "/" + index, body, Set.of(400));
        if (r.status() == 400 && !r.body().path("error").path("type").asText().equals("resource_already_exists_exception")) {
            throw new CatalogException(endpoint.describe() + ": cannot create index " + index + ": " + OpenSearchClient.reason(r.body(), null));
        }
        ready = true;
    }
}
