package org.alos2ingest.hysds;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.SearchQuery;

/**
 * The datasets one HySDS job has made, kept in memory. Under HySDS the catalog is GRQ, which HySDS
 * fills itself from the product folders the job leaves; this one only answers, within the job,
 * whether a dataset was made already (a delivery that holds a scene twice makes it once).
 */
public final class JobCatalog implements Catalog {

    private final Map<String, ObjectNode> documents = new LinkedHashMap<>();

    @Override
    public String describe() {
        return "this HySDS job's products";
    }

    @Override
    public synchronized boolean contains(String id) {
        return documents.containsKey(id);
    }

    @Override
    public synchronized void index(ObjectNode document) {
        documents.put(document.path("id").asText(), document.deepCopy());
    }

    @Override
    public synchronized Optional<ObjectNode> get(String id) {
        return Optional.ofNullable(documents.get(id)).map(ObjectNode::deepCopy);
    }

    @Override
    public synchronized boolean remove(String id) {
        return documents.remove(id) != null;
    }

    @Override
    public synchronized List<ObjectNode> search(SearchQuery query) {
        return documents.values().stream().filter(query::matches)
                .sorted(Comparator.comparing((ObjectNode d) -> d.path("starttime").asText()).reversed())
                .limit(query.limit()).map(ObjectNode::deepCopy).toList();
    }

    @Override
    public synchronized long count() {
        return documents.size();
    }

    @Override
    public void close() {
    }
}
