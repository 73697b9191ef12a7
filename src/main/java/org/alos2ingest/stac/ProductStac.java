package org.alos2ingest.stac;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;

/**
 * The STAC files of a product folder, written before it is published so that they are published
 * with it: {@code <id>.kml} (the footprint) and {@code <id>.stac.json} (the item, with hrefs relative
 * to the folder, valid wherever it is copied). The catalog document gets {@code files}, the folder's
 * top-level files, from which every item's assets are made.
 */
public final class ProductStac {

    private ProductStac() {
    }

    /** @return the item written */
    public static ObjectNode write(Path folder, ObjectNode doc) throws IOException {
        String id = doc.path("id").asText();
        Files.writeString(folder.resolve(id + ".kml"), FootprintKml.of(doc), StandardCharsets.UTF_8);
        String stacName = id + ".stac.json";
        ArrayNode files = doc.putArray("files");
        List<String> names;
        try (Stream<Path> s = Files.list(folder)) {
            names = s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        }
        names.forEach(files::add);
        if (!names.contains(stacName)) {
            files.add(stacName);
        }
        ObjectNode item = new StacItems().item(doc, AssetHrefs.relative());
        Json.write(folder.resolve(stacName), item);
        return item;
    }
}
