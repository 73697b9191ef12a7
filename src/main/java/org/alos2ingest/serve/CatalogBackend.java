package org.alos2ingest.serve;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.SearchQuery;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.Footprint;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * The API over any {@link Catalog} through its plain search: area, time and collections go to the
 * catalog, ids, sorting and the keyset are applied here. Correct on SQLite and OpenSearch alike;
 * the catalog's own page search replaces it where it has one. Offers no CQL2 filter.
 */
final class CatalogBackend implements StacBackend {

    private final Catalog catalog;
    private final Collections collections;
    private final Function<ObjectNode, ObjectNode> toItem;

    /** The collections the API lists and how a catalog document becomes a STAC Item. */
    interface Collections {
        List<ObjectNode> all();

        /** The collection id of a catalog document. */
        String of(JsonNode document);
    }

    CatalogBackend(Catalog catalog, Collections collections, Function<ObjectNode, ObjectNode> toItem) {
        this.catalog = catalog;
        this.collections = collections;
        this.toItem = toItem;
    }

    @Override
    public List<ObjectNode> collections() {
        return collections.all();
    }

    @Override
    public Optional<ObjectNode> collection(String id) {
        return collections.all().stream().filter(c -> c.path("id").asText().equals(id)).findFirst();
    }

    @Override
    public Optional<ObjectNode> item(String collectionId, String itemId) {
        return catalog.get(itemId).filter(d -> collections.of(d).equals(collectionId)).map(toItem);
    }

    @Override
    public Page search(ItemSearch s) {
        // the catalogs take polygonal areas: a point or line goes as a hair-thin polygon around it, then is checked exactly
        Geometry area = s.area();
        boolean exact = area == null || area instanceof Polygonal;
        SearchQuery q = SearchQuery.all().withLimit(Integer.MAX_VALUE).withArea(exact ? area : area.buffer(1e-6)).withTime(s.start(), s.end());
        if (!s.collections().isEmpty()) {
            q = q.withTypes(new HashSet<>(s.collections()));
        }
        List<ObjectNode> items = new ArrayList<>();
        for (ObjectNode doc : catalog.search(q)) {
            if ((s.ids().isEmpty() || s.ids().contains(doc.path("id").asText()))
                    && (exact || Footprint.GeoJson.read(doc.path("location")).intersects(area))) {
                items.add(toItem.apply(doc));
            }
        }
        Comparator<JsonNode> order = order(s.sortby());
        items.sort(order);
        JsonNode after = s.token() == null ? null : token(s.token());
        List<ObjectNode> page = new ArrayList<>();
        for (ObjectNode item : items) {
            if (after != null && order.compare(item, after) <= 0) {
                continue;
            }
            if (page.size() == s.limit()) {
                return new Page(page, token(page.get(page.size() - 1), s.sortby()));
            }
            page.add(item);
        }
        return new Page(page, null);
    }

    @Override
    public ObjectNode queryables(String collectionId) {
        throw ApiError.notFound("this catalog offers no CQL2 filtering, hence no queryables");
    }

    @Override
    public boolean filters() {
        return false;
    }

    /** The sort keys asked, then newest first, then id, so that the order is total and a keyset exact. */
    static Comparator<JsonNode> order(List<ItemSearch.SortKey> keys) {
        List<ItemSearch.SortKey> all = new ArrayList<>(keys);
        all.add(new ItemSearch.SortKey("datetime", true));
        all.add(new ItemSearch.SortKey("id", false));
        Comparator<JsonNode> c = (a, b) -> 0;
        for (ItemSearch.SortKey k : all) {
            Comparator<JsonNode> one = Comparator.comparing((JsonNode n) -> key(n, k.field()), Comparator.nullsLast(Comparator.naturalOrder()));
            c = c.thenComparing(k.descending() ? one.reversed() : one);
        }
        return c;
    }

    /** A sort key of an item, or of a decoded token (which holds the same fields). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable key(JsonNode n, String field) {
        return switch (field) {
            case "id" -> n.path("id").asText();
            case "datetime" -> {
                String t = n.path("properties").path("datetime").asText(null);
                yield t == null ? null : Instant.parse(t);
            }
            default -> {
                JsonNode v = n.path("properties").path(field);
                yield v.isNumber() ? (Comparable) Double.valueOf(v.asDouble()) : v.isMissingNode() || v.isNull() ? null : v.asText();
            }
        };
    }

    private static String token(ObjectNode last, List<ItemSearch.SortKey> keys) {
        ObjectNode t = JsonNodeFactory.instance.objectNode();
        t.put("id", last.path("id").asText());
        ObjectNode props = t.putObject("properties");
        props.set("datetime", last.path("properties").path("datetime"));
        keys.forEach(k -> props.set(k.field(), last.path("properties").path(k.field())));
        ArrayNode order = t.putArray("sortby");
        keys.forEach(k -> order.add((k.descending() ? "-" : "+") + k.field()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.compact(t).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode token(String token) {
        try {
            JsonNode t = Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (!t.path("id").isTextual() || !t.path("properties").isObject()) {
                throw new IllegalArgumentException("incomplete");
            }
            return t;
        } catch (Exception e) {
            throw ApiError.badParameter("token", "not a token of this server's next links");
        }
    }
}
