package org.alos2ingest.serve;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.ItemSearch;

/**
 * What the API asks of the catalog, in STAC terms. Items and collections come back without
 * navigation links (self, parent, root): the API adds them, since only it knows the base URL. Bad
 * input (an unknown queryable, malformed CQL2, a token that is not one of ours) is an
 * {@link org.alos2ingest.catalog.InvalidSearchException} or an {@link ApiError}.
 */
public interface StacBackend {

    List<ObjectNode> collections();

    Optional<ObjectNode> collection(String id);

    Optional<ObjectNode> item(String collectionId, String itemId);

    Page search(ItemSearch search);

    /**
     * The JSON Schema of the queryables.
     *
     * @param collectionId null for the whole catalog
     * @param schemaId     the URL the schema is served at, its {@code $id}
     */
    ObjectNode queryables(String collectionId, String schemaId);

    /** Whether {@code filter} in a search is understood (the filter conformance classes). */
    boolean filters();

    /** One page of items and the keyset token of the next page, null on the last. */
    record Page(List<ObjectNode> items, String nextToken) {
    }
}
