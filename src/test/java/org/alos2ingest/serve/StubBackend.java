package org.alos2ingest.serve;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.ItemSearch;
import org.alos2ingest.config.Json;

/** A catalog with nothing in it; {@link #searchDelay} makes a search slow, for shutdown tests. */
class StubBackend implements StacBackend {
    volatile long searchDelay;
    volatile RuntimeException failure;

    @Override
    public List<ObjectNode> collections() {
        return List.of();
    }

    @Override
    public Optional<ObjectNode> collection(String id) {
        return Optional.empty();
    }

    @Override
    public Optional<ObjectNode> item(String collectionId, String itemId) {
        return Optional.empty();
    }

    @Override
    public Page search(ItemSearch search) {
        if (failure != null) {
            throw failure;
        }
        try {
            Thread.sleep(searchDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Page(List.of(), null);
    }

    @Override
    public ObjectNode queryables(String collectionId, String schemaId) {
        return Json.object();
    }

    @Override
    public boolean filters() {
        return false;
    }
}
