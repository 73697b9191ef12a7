package org.alos2ingest.stac;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;

/** An Item's assets (the product folder's files) and its web-map-links to the tile layers. */
final class ItemAssets {

    /** The polarisation in a browse image's name: {@code IMG-HH-ALOS2...}, {@code BRS-HV-...}. */
    private static final Pattern POLARISATION = Pattern.compile("^(?:IMG|BRS)-(HH|HV|VH|VV)-");

    private ItemAssets() {
    }

    static ObjectNode assets(JsonNode doc, ProductFiles files, AssetHrefs hrefs) {
        String id = doc.path("id").asText();
        ObjectNode assets = Json.object();
        if (files.has(id + ".zip")) {
            put(assets, "data", hrefs.href(doc, id + ".zip"), Stac.ZIP, "Product archive (JAXA's files of the scene)", "data");
        }
        for (JsonNode image : doc.path("images")) {
            String tooltip = image.path("tooltip").asText();
            Matcher m = POLARISATION.matcher(tooltip);
            String pol = m.find() ? m.group(1) : null;
            String suffix = pol != null ? "-" + pol.toLowerCase(Locale.ROOT) : "-" + tooltip;
            String img = image.path("img").asText();
            if (files.has(img)) {
                polarised(put(assets, "overview" + suffix, hrefs.href(doc, img), Stac.PNG, "Browse image " + (pol != null ? pol : tooltip), "overview"), pol);
            }
            if (image.path("small_img").isTextual() && files.has(image.path("small_img").asText())) {
                polarised(put(assets, "thumbnail" + suffix, hrefs.href(doc, image.path("small_img").asText()), Stac.PNG,
                        "Thumbnail " + (pol != null ? pol : tooltip), "thumbnail"), pol);
            }
        }
        if (files.has(id + ".met.json")) {
            put(assets, "metadata", hrefs.href(doc, id + ".met.json"), Stac.JSON, "met.json (the catalog's metadata)", "metadata");
        }
        if (files.has(id + ".dataset.json")) {
            put(assets, "dataset-json", hrefs.href(doc, id + ".dataset.json"), Stac.JSON, "dataset.json (HySDS)", "metadata");
        }
        if (files.has(id + ".kml")) {
            put(assets, "kml", hrefs.href(doc, id + ".kml"), Stac.KML, "Footprint (KML)", "metadata");
        }
        if (files.has("index.html")) {
            put(assets, "viewer", hrefs.href(doc, "index.html"), Stac.HTML, "Map viewer (Leaflet, tiles and footprint)", "overview");
        }
        return assets;
    }

    private static ObjectNode put(ObjectNode assets, String key, String href, String type, String title, String role) {
        ObjectNode a = assets.putObject(key);
        a.put("href", href);
        a.put("type", type);
        a.put("title", title);
        a.putArray("roles").add(role);
        return a;
    }

    private static void polarised(ObjectNode asset, String pol) {
        if (pol != null) {
            asset.putArray("sar:polarizations").add(pol);
        }
    }

    /** One {@code rel: "xyz"} link per tile layer (met.json {@code tile_layers}); true when there is one. */
    static boolean putTileLinks(ObjectNode item, JsonNode doc, AssetHrefs hrefs) {
        JsonNode met = doc.path("metadata");
        if (!met.path("tiles").asBoolean(false)) {
            return false;
        }
        JsonNode layers = met.path("tile_layers");
        JsonNode zooms = met.path("tile_max_zoom");
        for (int i = 0; i < layers.size(); i++) {
            String layer = layers.get(i).asText();
            String zoom = zooms.has(i) ? " to zoom " + zooms.get(i).asInt() : "";
            Stac.link(item, "xyz", hrefs.href(doc, "tiles/" + layer + "/{z}/{x}/{y}.png"), Stac.PNG, layer + " tiles (Web Mercator" + zoom + ")");
        }
        return !layers.isEmpty();
    }
}
