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
        putCogs(assets, doc, files, hrefs);
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

    /**
     * The Cloud-Optimized GeoTIFFs (met.json {@code cog_files}): {@code amplitude-<pol>} (the DN) and
     * {@code sigma0-<pol>} (dB), roles {@code data} and the kind, with {@code raster:bands} and the
     * grid ({@code proj:*}) on the asset, as clients that open one asset (QGIS, TiTiler) want them.
     */
    private static void putCogs(ObjectNode assets, JsonNode doc, ProductFiles files, AssetHrefs hrefs) {
        JsonNode met = doc.path("metadata");
        JsonNode proj = met.path("projection");
        JsonNode calibration = met.path("sigma0_calibration");
        for (JsonNode c : met.path("cog_files")) {
            String file = c.path("file").asText();
            if (!files.has(file)) {
                continue;
            }
            String pol = c.path("polarization").asText();
            String kind = c.path("kind").asText();
            boolean sigma0 = "sigma0".equals(kind);
            String title = pol + (sigma0 ? " sigma0 (dB)" : " amplitude (DN, lossless)") + ", Cloud-Optimized GeoTIFF";
            ObjectNode a = put(assets, kind + "-" + pol.toLowerCase(Locale.ROOT), hrefs.href(doc, file), Stac.COG, title, "data");
            a.withArray("roles").add(kind);
            if (sigma0 && calibration.path("factor_db").isNumber()) {
                a.put("description", String.format(Locale.ROOT, "sigma0_dB = 10 log10(DN^2) + CF, CF = %.2f dB (%s); overviews average power",
                        calibration.path("factor_db").asDouble(), calibration.path("source").asText()));
            } else if (!sigma0) {
                a.put("description", "JAXA's DN, every pixel as delivered; overviews are root mean squares of the DNs (power averages)");
            }
            a.putArray("sar:polarizations").add(pol);
            ObjectNode band = a.putArray("raster:bands").addObject();
            band.put("data_type", c.path("data_type").asText());
            String nodata = c.path("nodata").asText();
            if ("nan".equals(nodata)) {
                band.put("nodata", "nan");
            } else {
                band.put("nodata", Integer.parseInt(nodata));
            }
            band.put("unit", c.path("unit").asText());
            band.put("scale", 1.0);
            band.put("offset", 0.0);
            if (proj.path("transform").size() == 6) {
                band.put("spatial_resolution", Math.abs(proj.path("transform").get(0).asDouble()));
            }
            if (proj.path("epsg").canConvertToInt()) {
                a.put("proj:code", "EPSG:" + proj.path("epsg").asInt());
                if (proj.path("shape").size() == 2) {
                    a.set("proj:shape", proj.path("shape").deepCopy());
                }
                if (proj.path("transform").size() == 6) {
                    a.set("proj:transform", proj.path("transform").deepCopy());
                }
            }
        }
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
