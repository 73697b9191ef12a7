package org.alos2ingest.stac;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.SearchQuery;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Json;
import org.alos2ingest.config.Settings;

/**
 * A static STAC catalog of everything cataloged, for a bucket or a plain web server: a
 * self-contained relative catalog (STAC best practices), {@code catalog.json} → {@code <collection>/collection.json}
 * → {@code <collection>/<id>/<id>.json}, every link relative, the assets where they were published.
 */
public final class StaticCatalog {

    /** What an export wrote. */
    public record Result(int collections, long items) {
    }

    private final Settings settings;
    private final DatasetDefinitions definitions;

    public StaticCatalog(Settings settings, DatasetDefinitions definitions) {
        this.settings = settings;
        this.definitions = definitions;
    }

    public Result export(Catalog catalog, Path dir, AssetHrefs hrefs) throws IOException {
        Files.createDirectories(dir);
        StacItems items = new StacItems();
        ObjectNode root = Json.object();
        root.put("type", "Catalog");
        root.put("stac_version", Stac.VERSION);
        root.put("id", "alos2-ingest");
        root.put("title", "ALOS-2 PALSAR-2 datasets of " + settings.get("STAC_HOST_NAME").filter(s -> !s.isBlank()).orElse("alos2-ingest"));
        root.put("description", "Every ALOS-2 dataset cataloged by alos2-ingest, one collection per kind of product.");
        root.putArray("links");
        Stac.link(root, "root", "./catalog.json", Stac.JSON, null);
        List<ObjectNode> collections = new StacCollections(settings).collections(definitions, catalog.typeSummaries());
        long count = 0;
        for (ObjectNode c : collections) {
            String cid = c.path("id").asText();
            Path cdir = dir.resolve(cid);
            Files.createDirectories(cdir);
            Stac.link(root, "child", "./" + cid + "/collection.json", Stac.JSON, c.path("title").asText());
            Stac.link(c, "root", "../catalog.json", Stac.JSON, null);
            Stac.link(c, "parent", "../catalog.json", Stac.JSON, null);
            for (ObjectNode doc : catalog.search(SearchQuery.all().withTypes(Set.of(typeOf(cid))).withLimit(Integer.MAX_VALUE))) {
                if (!StacCollections.idOf(doc).equals(cid)) {
                    continue;
                }
                String id = doc.path("id").asText();
                ObjectNode item = items.item(doc, hrefs);
                StacItems.linkCollection(item, "../collection.json");
                Stac.link(item, "root", "../../catalog.json", Stac.JSON, null);
                Stac.link(item, "parent", "../collection.json", Stac.JSON, null);
                Path idir = cdir.resolve(id);
                Files.createDirectories(idir);
                Json.write(idir.resolve(id + ".json"), item);
                Stac.link(c, "item", "./" + id + "/" + id + ".json", Stac.GEOJSON, null);
                count++;
            }
            Json.write(cdir.resolve("collection.json"), c);
        }
        Json.write(dir.resolve("catalog.json"), root);
        return new Result(collections.size(), count);
    }

    /** The datasets.json type whose documents a collection holds (its id, or the GeoTIFF type of a CEOS one). */
    private static String typeOf(String collectionId) {
        return collectionId.toLowerCase(java.util.Locale.ROOT).contains("ceos") ? collectionId.replaceAll("(?i)ceos", "geotiff") : collectionId;
    }
}
