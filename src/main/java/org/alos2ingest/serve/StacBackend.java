package org.alos2ingest.serve;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the API asks of the catalog, in STAC terms. Items and collections come back without
 * {@code links}: the API adds them, since only it knows the base URL. Bad input (an unknown
 * queryable, malformed CQL2, a token that is not one of ours) is an {@link ApiError}.
 */
public interface StacBackend {

    List<ObjectNode> collections();

    Optional<ObjectNode> collection(String id);

    Optional<ObjectNode> item(String collectionId, String itemId);

    Page search(ItemSearch search);

    /** The JSON Schema of the queryables; {@code collectionId} null for the whole catalog. */
    ObjectNode queryables(String collectionId);

    /** Whether {@code filter} in a search is understood (the filter conformance classes). */
    boolean filters();

    /** One page of items and the keyset token of the next page, null on the last. */
    record Page(List<ObjectNode> items, String nextToken) {
    }
}
