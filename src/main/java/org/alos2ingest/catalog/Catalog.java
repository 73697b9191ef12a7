package org.alos2ingest.catalog;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where datasets are found again. Every implementation stores the same GRQ document
 * ({@link GrqDocument}) and answers {@link SearchQuery} with the same semantics
 * ({@link SearchQuery#matches}), so that a user can move from the embedded catalog to a cluster
 * without changing a query.
 */
public interface Catalog extends AutoCloseable {

    /** Names the catalog for messages, without credentials. */
    String describe();

    boolean contains(String id);

    /** The subset of {@code ids} already cataloged; one round trip where the backend allows. */
    default Set<String> containsAny(Collection<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            if (contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * Ids of the datasets of one scene (every product of it: L1.1, L1.5, ... and archive metadata),
     * e.g. for {@code ALOS2146686640-170209}. Lets a source skip a download whose file name gives only
     * the scene id.
     */
    default Set<String> idsOfScene(String sceneId) {
        Set<String> out = new LinkedHashSet<>();
        for (ObjectNode d : search(SearchQuery.all().withLimit(Integer.MAX_VALUE))) {
            String id = d.path("id").asText();
            if (id.startsWith(sceneId + "-")) {
                out.add(id);
            }
        }
        return out;
    }

    /** Adds or replaces one dataset's document, atomically. */
    void index(ObjectNode document);

    /** Adds or replaces many documents; backends batch them. */
    default void indexAll(List<ObjectNode> documents) {
        documents.forEach(this::index);
    }

    Optional<ObjectNode> get(String id);

    /** @return true when the dataset was there */
    boolean remove(String id);

    /** Documents matching the query, newest start time first, at most {@code query.limit()}. */
    List<ObjectNode> search(SearchQuery query);

    long count();

    @Override
    void close();

    /**
     * Per kind of dataset (datasets.json type and met.json {@code dataset}): how many, where, when and
     * with which modes, polarisations, directions and levels; for STAC Collections. This default reads
     * every document; backends with aggregations answer without shipping them.
     */
    default List<DatasetTypeSummary> typeSummaries() {
        return DatasetTypeSummary.of(search(SearchQuery.all().withLimit(Integer.MAX_VALUE)));
    }

    /**
     * One page of a STAC item search. Every backend gives the answers of {@link ItemSearchReference},
     * which is also this default: it reads the whole catalog, so backends override it.
     *
     * @throws InvalidSearchException when the search's page token does not fit it
     */
    default ItemPage searchItems(ItemSearch search) {
        return ItemSearchReference.page(search(SearchQuery.all().withLimit(Integer.MAX_VALUE)), search);
    }

    /**
     * The records named {@code table} kept with this catalog (see {@link StateTable}).
     *
     * @throws CatalogException when this kind of catalog keeps none
     */
    default StateTable state(String table) {
        throw new CatalogException(describe() + " keeps no records besides datasets (subscriptions and watch need sqlite: or opensearch:)");
    }
}
