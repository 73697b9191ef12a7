package org.alos2ingest.catalog;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One page of an item search: the GRQ documents in order, and the token of the next page when
 * there may be more ({@link ItemSearch#withAfter}).
 */
public record ItemPage(List<ObjectNode> items, Optional<String> next) {
}
