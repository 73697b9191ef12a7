package org.alos2ingest.serve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.ItemPage;
import org.alos2ingest.catalog.ItemSearch;
import org.alos2ingest.catalog.Queryables;
import org.alos2ingest.config.DatasetDefinition;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Settings;
import org.alos2ingest.stac.AssetHrefs;
import org.alos2ingest.stac.StacCollections;
import org.alos2ingest.stac.StacItems;

/**
 * The API over a {@link Catalog}: its item search (keyset pages, CQL2) and the stac package's one
 * mapping from catalog documents to Items and Collections. Assets keep their published URLs; those
 * of local publishing ({@code file:}) become this server's {@code /assets/} in {@link Links}.
 */
final class CatalogStacBackend implements StacBackend {
    /** Collections' extents are aggregates over the catalog: recomputed at most this often. */
    private static final Duration COLLECTIONS_TTL = Duration.ofSeconds(5);

    private final Catalog catalog;
    private final DatasetDefinitions definitions;
    private final StacCollections collections;
    private final StacItems items = new StacItems();
    private volatile Cached cached;

    private record Cached(long at, List<ObjectNode> collections) {
    }

    CatalogStacBackend(Catalog catalog, DatasetDefinitions definitions, Settings settings) {
        this.catalog = catalog;
        this.definitions = definitions;
        this.collections = new StacCollections(settings);
    }

    @Override
    public List<ObjectNode> collections() {
        Cached c = cached;
        long now = System.nanoTime();
        if (c == null || now - c.at() > COLLECTIONS_TTL.toNanos()) {
            c = new Cached(now, collections.collections(definitions, catalog.typeSummaries()));
            cached = c;
        }
        List<ObjectNode> copies = new ArrayList<>();
        c.collections().forEach(o -> copies.add(o.deepCopy()));
        return copies;
    }

    @Override
    public Optional<ObjectNode> collection(String id) {
        return collections().stream().filter(c -> c.path("id").asText().equals(id)).findFirst();
    }

    @Override
    public Optional<ObjectNode> item(String collectionId, String itemId) {
        return catalog.get(itemId).filter(d -> StacCollections.idOf(d).equals(collectionId)).map(this::item);
    }

    @Override
    public Page search(ItemSearch search) {
        // a collection is a dataset type, except Level 1.5 CEOS products, which share the GeoTIFF type:
        // the catalog is asked for the types, and the items are then kept by their collection
        Set<String> types = new HashSet<>();
        for (String c : search.collections()) {
            types.add(c);
            for (DatasetDefinition d : definitions.all()) {
                if (StacCollections.idOf(d.type(), "ALOS2_CEOS").equals(c)) {
                    types.add(d.type());
                }
            }
        }
        ItemPage page = catalog.searchItems(search.withCollections(new ArrayList<>(types)));
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode doc : page.items()) {
            if (search.collections().isEmpty() || search.collections().contains(StacCollections.idOf(doc))) {
                out.add(item(doc));
            }
        }
        return new Page(out, page.next().orElse(null));
    }

    @Override
    public ObjectNode queryables(String collectionId, String schemaId) {
        List<String> ids = new ArrayList<>();
        if (collectionId == null) {
            collections().forEach(c -> ids.add(c.path("id").asText()));
        } else {
            ids.add(collectionId);
        }
        return Queryables.schema(schemaId, ids);
    }

    @Override
    public boolean filters() {
        return true;
    }

    private ObjectNode item(JsonNode doc) {
        ObjectNode item = items.item(doc, AssetHrefs.published());
        item.put("collection", StacCollections.idOf(doc));
        return item;
    }
}
