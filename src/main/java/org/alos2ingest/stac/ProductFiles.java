package org.alos2ingest.stac;

import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The files at the top of a dataset's product folder, as its catalog document lists them
 * ({@code files}, written at publication); for a document cataloged before that field existed,
 * what every ingest has always published.
 */
final class ProductFiles {

    private final Set<String> names = new LinkedHashSet<>();
    private final boolean listed;

    ProductFiles(JsonNode doc) {
        JsonNode files = doc.path("files");
        listed = files.isArray();
        if (listed) {
            files.forEach(f -> names.add(f.asText()));
        } else {
            String id = doc.path("id").asText();
            if (!doc.path("metadata").has("gekko_archive_files")) {
                names.add(id + ".zip");
            }
            names.add(id + ".met.json");
            names.add(id + ".dataset.json");
            for (JsonNode i : doc.path("images")) {
                names.add(i.path("img").asText());
                if (i.path("small_img").isTextual()) {
                    names.add(i.path("small_img").asText());
                }
            }
        }
    }

    boolean has(String name) {
        return names.contains(name);
    }
}
