package org.alos2ingest.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.DatasetDefinition;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.IsoTime;

/**
 * The catalog HySDS deployments already run: GRQ's indices in OpenSearch (or Elasticsearch 7, which
 * speaks the same REST API). Each dataset goes to the index GRQ would put it in,
 * {@code grq_<version>_<dataset>} lower-cased (or {@code grq_<suffix>} when its datasets.json
 * definition sets an index suffix), which joins the alias {@code grq} through an index template over
 * {@code grq_*} holding GRQ's mapping; the document's {@code _id} is the dataset id. Existing GRQ
 * facets and queries therefore find alos2-ingest's datasets, and {@link #search} gives the embedded
 * catalog's answers ({@link SearchQuery#matches}).
 *
 * <p>Writes wait until a search can see them ({@code refresh=wait_for}), so a search right after an
 * ingest finds it. A dataset whose version changes moves index: the copy in the old index is
 * deleted in the same bulk request that writes the new one, so an id is in the catalog once.
 * A template already installed by a GRQ deployment (legacy or composable, named as the prefix) is
 * left as it is.
 */
public final class OpenSearchCatalog implements Catalog {

    static final int TEMPLATE_VERSION = 1;
    private static final int BULK_DOCS = 1000;
    private static final int BULK_BYTES = 8 << 20;
    private static final int PAGE = 5000;
    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9._+-]*");
    private static final String ANY = "?ignore_unavailable=true&allow_no_indices=true";

    private final OpenSearchEndpoint endpoint;
    private final OpenSearchClient client;
    private final DatasetDefinitions definitions;
    private final OpenSearchIndices indices;

    /**
     * @param definitions the datasets.json whose {@code index} sections (suffix, aliases) apply; null
     *                    for GRQ's default naming only
     */
    public OpenSearchCatalog(OpenSearchEndpoint endpoint, DatasetDefinitions definitions) {
        this.endpoint = endpoint;
        this.client = new OpenSearchClient(endpoint);
        this.definitions = definitions;
        this.indices = new OpenSearchIndices(endpoint, client, alias());
    }

    @Override
    public String describe() {
        return endpoint.describe();
    }

    /** The alias every dataset index of this catalog joins ({@code grq}). */
    public String alias() {
        return endpoint.prefix();
    }

    // ---- reads -------------------------------------------------------------------------------

    @Override
    public boolean contains(String id) {
        return containsAny(List.of(id)).contains(id);
    }

    /** One search per thousand ids, however many indices the alias spans. */
    @Override
    public Set<String> containsAny(Collection<String> ids) {
        Set<String> found = new LinkedHashSet<>();
        List<String> list = new ArrayList<>(new LinkedHashSet<>(ids));
        for (int from = 0; from < list.size(); from += BULK_DOCS) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + BULK_DOCS));
            found.addAll(locate(chunk).keySet());
        }
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            if (found.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** For each id present, the indices holding it (one normally; two only mid-move). */
    private Map<String, Set<String>> locate(List<String> ids) {
        Map<String, Set<String>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        ObjectNode body = Json.object();
        ArrayNode values = body.putObject("query").putObject("ids").putArray("values");
        ids.forEach(values::add);
        body.put("_source", false);
        body.put("size", Math.min(10_000, ids.size() * 2));
        for (JsonNode hit : client.json("POST", "/" + alias() + "/_search" + ANY, body).path("hits").path("hits")) {
            out.computeIfAbsent(hit.path("_id").asText(), k -> new TreeSet<>()).add(hit.path("_index").asText());
        }
        return out;
    }

    @Override
    public Set<String> idsOfScene(String sceneId) {
        ObjectNode body = Json.object();
        body.putObject("query").putObject("prefix").put(OpenSearchQuery.ID, sceneId + "-");
        body.putArray("_source").add("id");
        body.put("size", 1000);
        body.putArray("sort").addObject().put(OpenSearchQuery.ID, "asc");
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode hit : client.json("POST", "/" + alias() + "/_search" + ANY, body).path("hits").path("hits")) {
            out.add(hit.path("_id").asText());
        }
        return out;
    }

    @Override
    public Optional<ObjectNode> get(String id) {
        ObjectNode body = Json.object();
        body.putObject("query").putObject("ids").putArray("values").add(id);
        body.put("size", 1);
        JsonNode hits = client.json("POST", "/" + alias() + "/_search" + ANY, body).path("hits").path("hits");
        return hits.isEmpty() ? Optional.empty() : Optional.of((ObjectNode) hits.get(0).path("_source"));
    }

    @Override
    public List<ObjectNode> search(SearchQuery q) {
        List<ObjectNode> out = new ArrayList<>();
        JsonNode after = null;
        ObjectNode query = OpenSearchQuery.of(q);
        while (out.size() < q.limit()) {
            int size = Math.min(PAGE, q.limit() - out.size());
            ObjectNode body = Json.object();
            body.set("query", query);
            body.set("sort", OpenSearchQuery.sort());
            body.put("size", size);
            body.put("track_total_hits", false);
            if (after != null) {
                body.set("search_after", after);
            }
            JsonNode hits = client.json("POST", "/" + alias() + "/_search" + ANY, body).path("hits").path("hits");
            for (JsonNode hit : hits) {
                out.add((ObjectNode) hit.path("_source"));
            }
            if (hits.size() < size) {
                break;
            }
            after = hits.get(hits.size() - 1).path("sort");
        }
        return out;
    }

    @Override
    public List<DatasetTypeSummary> typeSummaries() {
        return OpenSearchTypeSummaries.query(client, "/" + alias() + "/_search" + ANY);
    }

    @Override
    public ItemPage searchItems(ItemSearch search) {
        return OpenSearchItemSearch.page(search, client.json("POST", "/" + alias() + "/_search" + ANY, OpenSearchItemSearch.body(search)));
    }

    @Override
    public long count() {
        return client.json("GET", "/" + alias() + "/_count" + ANY, null).path("count").asLong();
    }

    // ---- writes ------------------------------------------------------------------------------

    @Override
    public void index(ObjectNode document) {
        indexAll(List.of(document));
    }

    /**
     * Sends the documents in {@code _bulk} requests of at most a thousand documents (or 8 MB). Each
     * document is written whole or not at all; when OpenSearch refuses one, the error names it and
     * the documents of earlier requests stay indexed.
     */
    @Override
    public void indexAll(List<ObjectNode> documents) {
        Map<String, Target> targets = new LinkedHashMap<>();
        for (ObjectNode doc : documents) {
            Target t = target(doc);
            targets.remove(t.id());
            targets.put(t.id(), t);
        }
        if (targets.isEmpty()) {
            return;
        }
        indices.ensureTemplate();
        for (Target t : targets.values()) {
            indices.ensureIndex(t.index(), t.aliases());
        }
        List<Target> all = new ArrayList<>(targets.values());
        Set<String> touched = new TreeSet<>();
        int from = 0;
        boolean single = true;
        while (from < all.size()) {
            int to = from;
            long bytes = 0;
            while (to < all.size() && to - from < BULK_DOCS && (to == from || bytes + all.get(to).json().length() <= BULK_BYTES)) {
                bytes += all.get(to).json().length();
                to++;
            }
            boolean last = to == all.size();
            single &= last;
            writeChunk(all.subList(from, to), single ? "wait_for" : "false", touched);
            from = to;
        }
        if (!single) {
            // Several requests: one refresh at the end makes all of them searchable together.
            client.json("POST", "/" + String.join(",", touched) + "/_refresh", null);
        }
    }

    private void writeChunk(List<Target> chunk, String refresh, Set<String> touched) {
        Map<String, Set<String>> where = locate(chunk.stream().map(Target::id).toList());
        StringBuilder nd = new StringBuilder();
        for (Target t : chunk) {
            for (String old : where.getOrDefault(t.id(), Set.of())) {
                if (!old.equals(t.index())) {
                    nd.append(action("delete", old, t.id())).append('\n');
                    touched.add(old);
                }
            }
            nd.append(action("index", t.index(), t.id())).append('\n').append(t.json()).append('\n');
            touched.add(t.index());
        }
        JsonNode r = client.bulk("/_bulk?refresh=" + refresh, nd.toString());
        if (r.path("errors").asBoolean()) {
            for (JsonNode item : r.path("items")) {
                JsonNode op = item.elements().next();
                if (op.has("error") && !(item.has("delete") && op.path("status").asInt() == 404)) {
                    throw new CatalogException(endpoint.describe() + ": " + op.path("_id").asText() + ": OpenSearch refused it in index "
                            + op.path("_index").asText() + ": " + OpenSearchClient.reason(Json.object().set("error", op.path("error")), null));
                }
            }
        }
    }

    @Override
    public boolean remove(String id) {
        Set<String> indices = locate(List.of(id)).getOrDefault(id, Set.of());
        if (indices.isEmpty()) {
            return false;
        }
        StringBuilder nd = new StringBuilder();
        for (String index : indices) {
            nd.append(action("delete", index, id)).append('\n');
        }
        JsonNode r = client.bulk("/_bulk?refresh=wait_for", nd.toString());
        boolean removed = false;
        for (JsonNode item : r.path("items")) {
            JsonNode op = item.path("delete");
            if (op.has("error") && op.path("status").asInt() != 404) {
                throw new CatalogException(endpoint.describe() + ": cannot remove " + id + ": "
                        + OpenSearchClient.reason(Json.object().set("error", op.path("error")), null));
            }
            removed |= "deleted".equals(op.path("result").asText());
        }
        return removed;
    }

    private static String action(String op, String index, String id) {
        ObjectNode a = Json.object();
        a.putObject(op).put("_index", index).put("_id", id);
        return Json.compact(a);
    }

    /** Where one document goes, checked as the embedded catalog checks it. */
    private record Target(String id, String index, List<String> aliases, String json) {
    }

    private Target target(ObjectNode doc) {
        String id = doc.path("id").asText("");
        if (id.isEmpty()) {
            throw new CatalogException("a catalog document needs an id");
        }
        try {
            Footprint.GeoJson.read(doc.path("location"));
            IsoTime.parse(doc.path("starttime").asText());
            IsoTime.parse(doc.path("endtime").asText());
        } catch (RuntimeException e) {
            throw new CatalogException(id + ": not a catalog document: " + e.getMessage(), e);
        }
        String dataset = doc.path("dataset").asText("");
        String version = doc.path("version").asText(doc.path("system_version").asText(""));
        if (dataset.isEmpty() || version.isEmpty()) {
            throw new CatalogException(id + ": the document needs \"dataset\" and \"version\" (or \"system_version\") to choose its GRQ index");
        }
        Optional<DatasetDefinition> def = definitions == null ? Optional.empty() : definitions.byType(doc.path("dataset_type").asText());
        String suffix = def.map(DatasetDefinition::indexSuffix).orElse(null);
        String index = indexName(endpoint.prefix(), version, dataset, suffix);
        if (!INDEX_NAME.matcher(index).matches() || index.length() > 255) {
            throw new CatalogException(id + ": '" + index + "' is not a valid OpenSearch index name (from version '" + version
                    + "' and dataset '" + dataset + "')");
        }
        List<String> aliases = def.map(DatasetDefinition::indexAliases).orElse(List.of());
        return new Target(id, index, aliases, Json.compact(doc));
    }

    /** GRQ's index name: {@code <prefix>_<version>_<dataset>}, or {@code <prefix>_<suffix>}, lower-cased. */
    static String indexName(String prefix, String version, String dataset, String suffix) {
        String name = suffix != null && !suffix.isBlank() ? prefix + "_" + suffix : prefix + "_" + version + "_" + dataset;
        return name.toLowerCase(Locale.ROOT);
    }

    /** In the index {@code <prefix>-alos2-ingest-state}, outside the GRQ alias. */
    @Override
    public StateTable state(String table) {
        return new OpenSearchStateTable(endpoint, client, table);
    }

    @Override
    public void close() {
        // java.net.http's client holds no resources that outlive its threads
    }
}
