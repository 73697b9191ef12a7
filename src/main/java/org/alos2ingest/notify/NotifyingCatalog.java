package org.alos2ingest.notify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.DatasetTypeSummary;
import org.alos2ingest.catalog.ItemPage;
import org.alos2ingest.catalog.ItemSearch;
import org.alos2ingest.catalog.SearchQuery;
import org.alos2ingest.catalog.StateTable;

/**
 * A catalog that tells subscribers of every dataset it takes. Every ingest, worker, scan and HySDS run
 * catalogs through {@link Catalog#index}, so wrapping the catalog they are given is the one place
 * that sees them all. The deliveries are held before the dataset is indexed and released after: a
 * dataset is never cataloged without its notifications being recorded, and a refused one notifies
 * nobody. Closing waits briefly for the first attempts (see {@link Notifier#close()}).
 */
public final class NotifyingCatalog implements Catalog {

    private final Catalog datasets;
    private final Notifier notifier;

    public NotifyingCatalog(Catalog datasets, Notifier notifier) {
        this.datasets = datasets;
        this.notifier = notifier;
    }

    public Notifier notifier() {
        return notifier;
    }

    @Override
    public void index(ObjectNode document) {
        Notifier.Held held = notifier.hold(document);
        try {
            datasets.index(document);
        } catch (RuntimeException e) {
            notifier.discard(held);
            throw e;
        }
        notifier.release(held);
    }

    @Override
    public void indexAll(List<ObjectNode> documents) {
        List<Notifier.Held> held = new ArrayList<>();
        try {
            for (ObjectNode d : documents) {
                held.add(notifier.hold(d));
            }
            datasets.indexAll(documents);
        } catch (RuntimeException e) {
            held.forEach(notifier::discard);
            throw e;
        }
        held.forEach(notifier::release);
    }

    @Override
    public void close() {
        try {
            notifier.close();
        } finally {
            datasets.close();
        }
    }

    // ---- the rest is the wrapped catalog's ----------------------------------------------------

    @Override
    public String describe() {
        return datasets.describe();
    }

    @Override
    public boolean contains(String id) {
        return datasets.contains(id);
    }

    @Override
    public Set<String> containsAny(Collection<String> ids) {
        return datasets.containsAny(ids);
    }

    @Override
    public Set<String> idsOfScene(String sceneId) {
        return datasets.idsOfScene(sceneId);
    }

    @Override
    public Optional<ObjectNode> get(String id) {
        return datasets.get(id);
    }

    @Override
    public boolean remove(String id) {
        return datasets.remove(id);
    }

    @Override
    public List<ObjectNode> search(SearchQuery query) {
        return datasets.search(query);
    }

    @Override
    public long count() {
        return datasets.count();
    }

    @Override
    public List<DatasetTypeSummary> typeSummaries() {
        return datasets.typeSummaries();
    }

    @Override
    public ItemPage searchItems(ItemSearch search) {
        return datasets.searchItems(search);
    }

    @Override
    public StateTable state(String table) {
        return datasets.state(table);
    }
}
