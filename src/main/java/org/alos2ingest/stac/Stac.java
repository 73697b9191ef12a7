package org.alos2ingest.stac;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The versions, extension schemas and media types the STAC documents declare. */
public final class Stac {

    public static final String VERSION = "1.1.0";
    public static final String SAR = "https://stac-extensions.github.io/sar/v1.3.0/schema.json";
    public static final String SAT = "https://stac-extensions.github.io/sat/v1.2.0/schema.json";
    public static final String VIEW = "https://stac-extensions.github.io/view/v1.1.0/schema.json";
    public static final String PROCESSING = "https://stac-extensions.github.io/processing/v1.2.0/schema.json";
    public static final String PROJECTION = "https://stac-extensions.github.io/projection/v2.0.0/schema.json";
    public static final String WEB_MAP_LINKS = "https://stac-extensions.github.io/web-map-links/v1.2.0/schema.json";
    public static final String RASTER = "https://stac-extensions.github.io/raster/v1.1.0/schema.json";
    /** The extensions every Collection declares (their fields are in its summaries). */
    public static final List<String> COLLECTION_EXTENSIONS = List.of(SAR, SAT, PROCESSING);

    public static final String GEOJSON = "application/geo+json";
    public static final String JSON = "application/json";
    public static final String ZIP = "application/zip";
    public static final String PNG = "image/png";
    /** The media type STAC and OGC give a Cloud-Optimized GeoTIFF. */
    public static final String COG = "image/tiff; application=geotiff; profile=cloud-optimized";
    public static final String HTML = "text/html";
    public static final String KML = "application/vnd.google-earth.kml+xml";

    /** COSPAR id of ALOS-2 (launched 2014-05-24). */
    public static final String ALOS2_COSPAR = "2014-029A";

    private Stac() {
    }

    /** Adds a link {@code {rel, href, type[, title]}} to a STAC object's {@code links}. */
    public static ObjectNode link(ObjectNode stacObject, String rel, String href, String type, String title) {
        ObjectNode l = link(rel, href, type, title);
        (stacObject.has("links") ? (com.fasterxml.jackson.databind.node.ArrayNode) stacObject.get("links")
                : stacObject.putArray("links")).add(l);
        return l;
    }

    /** A link object {@code {rel, href, type[, title]}}; a null type or title is left out. */
    public static ObjectNode link(String rel, String href, String type, String title) {
        ObjectNode l = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        l.put("rel", rel);
        l.put("href", href);
        if (type != null) {
            l.put("type", type);
        }
        if (title != null) {
            l.put("title", title);
        }
        return l;
    }
}
