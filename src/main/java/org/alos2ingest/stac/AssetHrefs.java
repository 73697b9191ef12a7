package org.alos2ingest.stac;

import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where an Item's assets are: the href of a file of a dataset's product folder, given the catalog
 * document and the file's path inside the folder ({@code <id>.zip}, {@code tiles/HH/{z}/{x}/{y}.png}).
 * The same mapper makes the product folder's own item (relative), the API's (under its base URL)
 * and an export's (the published URLs: http, or s3 when published to S3).
 */
@FunctionalInterface
public interface AssetHrefs {

    String href(JsonNode doc, String path);

    /** {@code ./<path>}: valid wherever the product folder is copied, for {@code <id>.stac.json}. */
    static AssetHrefs relative() {
        return (doc, path) -> "./" + path;
    }

    /** Under the folder URL a function gives for the document. */
    static AssetHrefs under(Function<JsonNode, String> folderUrl) {
        return (doc, path) -> {
            String base = folderUrl.apply(doc);
            return (base.endsWith("/") ? base : base + "/") + path;
        };
    }

    /** Under the document's published URL: the first http(s) one in {@code urls}, else the first. */
    static AssetHrefs published() {
        return under(doc -> url(doc, "http"));
    }

    /** Under the document's {@code s3://} URL when it has one (published to S3), else as {@link #published()}. */
    static AssetHrefs s3() {
        return under(doc -> url(doc, "s3://"));
    }

    /**
     * Published URLs moved to another root: a URL starting with {@code publishedRoot} (the setting
     * {@code DATASET_URL_ROOT}, filled) gets {@code baseUrl} in its place, so an API can serve the
     * published files itself; a URL elsewhere (S3) is kept.
     */
    static AssetHrefs rebased(String publishedRoot, String baseUrl) {
        String from = publishedRoot.endsWith("/") ? publishedRoot.substring(0, publishedRoot.length() - 1) : publishedRoot;
        String to = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return under(doc -> {
            for (JsonNode u : doc.path("urls")) {
                if (u.asText().startsWith(from + "/")) {
                    return to + u.asText().substring(from.length());
                }
            }
            return url(doc, "http");
        });
    }

    private static String url(JsonNode doc, String prefix) {
        JsonNode urls = doc.path("urls");
        for (JsonNode u : urls) {
            if (u.asText().startsWith(prefix)) {
                return u.asText();
            }
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(doc.path("id").asText() + ": the catalog document has no urls to place its assets under");
        }
        return urls.get(0).asText();
    }
}
