package org.alos2ingest.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A datasets.json: the ordered definitions that recognise a product folder and say where it goes.
 * The first definition whose {@code match_pattern} is found in the folder's path wins, as in HySDS.
 */
public final class DatasetDefinitions {

    private final List<DatasetDefinition> definitions;
    private final String origin;

    private DatasetDefinitions(List<DatasetDefinition> definitions, String origin) {
        this.definitions = List.copyOf(definitions);
        this.origin = origin;
    }

    /** The user's file, or the four shipped ALOS-2 definitions when {@code file} is null. */
    public static DatasetDefinitions load(Path file) {
        if (file == null) {
            try (InputStream in = DatasetDefinitions.class.getResourceAsStream("/org/alos2ingest/datasets.json")) {
                return parse(new ObjectMapper().readTree(in), "shipped datasets.json", null);
            } catch (IOException e) {
                throw new IllegalStateException("shipped datasets.json unreadable", e);
            }
        }
        try {
            return parse(new ObjectMapper().readTree(Files.readString(file)), file.toString(), file);
        } catch (IOException e) {
            throw new ConfigException(file, "cannot read datasets.json: " + e.getMessage(), e);
        }
    }

    static DatasetDefinitions parse(JsonNode root, String origin, Path file) {
        JsonNode list = root.path("datasets");
        if (!list.isArray() || list.isEmpty()) {
            throw new ConfigException(file, "datasets.json needs a non-empty \"datasets\" array");
        }
        List<DatasetDefinition> defs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode d = list.get(i);
            String where = "datasets[" + i + "]";
            try {
                defs.add(new DatasetDefinition(
                        required(d, "ipath", where), required(d, "level", where), required(d, "type", where),
                        PythonRegex.compile(required(d, "match_pattern", where)),
                        location(d.path("publish"), where + ".publish"),
                        d.has("browse") ? location(d.path("browse"), where + ".browse") : null,
                        strings(d.path("browse_sort_order")),
                        d.path("index").path("suffix").isTextual() ? d.path("index").path("suffix").asText() : null,
                        strings(d.path("index").path("aliases"))));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file, where + ": " + e.getMessage(), e);
            }
        }
        return new DatasetDefinitions(defs, origin);
    }

    private static DatasetDefinition.Location location(JsonNode n, String where) {
        if (!n.isObject()) {
            throw new IllegalArgumentException(where + " is missing");
        }
        return new DatasetDefinition.Location(n.path("s3-profile-name").asText(null), required(n, "location", where), strings(n.path("urls")));
    }

    private static String required(JsonNode n, String field, String where) {
        JsonNode v = n.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + "." + field + " is missing");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    public List<DatasetDefinition> all() {
        return definitions;
    }

    public Optional<DatasetDefinition> byType(String type) {
        return definitions.stream().filter(d -> d.type().equals(type)).findFirst();
    }

    /**
     * The definition that recognises a product folder.
     *
     * @param folderPath the product folder's path; patterns such as {@code /ALOS2...$} look at its end
     */
    public Optional<DatasetMatch> match(String folderPath) {
        for (DatasetDefinition d : definitions) {
            Optional<Map<String, String>> groups = d.matchPattern().search(folderPath);
            if (groups.isPresent()) {
                return Optional.of(new DatasetMatch(d, groups.get()));
            }
        }
        return Optional.empty();
    }

    public String origin() {
        return origin;
    }
}
