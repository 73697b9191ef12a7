package org.alos2ingest.serve;

import java.util.Locale;
import java.util.Map;

/** Media types of the files a product folder holds, as the STAC best practices name them. */
final class MediaTypes {
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("zip", "application/zip"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("json", "application/json"),
            Map.entry("geojson", "application/geo+json"),
            Map.entry("kml", "application/vnd.google-earth.kml+xml"),
            Map.entry("kmz", "application/vnd.google-earth.kmz"),
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("tif", "image/tiff; application=geotiff"),
            Map.entry("tiff", "image/tiff; application=geotiff"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("xml", "application/xml"),
            Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"));

    private MediaTypes() {
    }

    static String of(String fileName) {
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".cog.tif")) {
            return "image/tiff; application=geotiff; profile=cloud-optimized";
        }
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(ext, "application/octet-stream");
    }

    static boolean compressible(String mediaType) {
        return mediaType.contains("json") || mediaType.startsWith("text/") || mediaType.contains("xml");
    }
}
