package org.alos2ingest.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The meaning of an {@link ItemSearch} over documents in memory: the semantics the SQL and
 * OpenSearch translations are tested against, and the fallback of catalogs without one.
 */
public final class ItemSearchReference {

    private ItemSearchReference() {
    }

    public static ItemPage page(Collection<ObjectNode> documents, ItemSearch s) {
        List<Object> after = s.after() == null ? null : s.sort().after(s.after());
        List<ObjectNode> hits = new ArrayList<>();
        for (ObjectNode d : documents) {
            if (s.matches(d) && (after == null || s.sort().isAfter(d, after))) {
                hits.add(d);
            }
        }
        hits.sort(s.sort().comparator());
        if (hits.size() <= s.limit()) {
            return new ItemPage(hits, Optional.empty());
        }
        List<ObjectNode> page = new ArrayList<>(hits.subList(0, s.limit()));
        return new ItemPage(page, Optional.of(s.sort().token(page.get(page.size() - 1))));
    }
}
