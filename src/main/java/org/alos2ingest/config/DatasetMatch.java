package org.alos2ingest.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A product recognised by a {@link DatasetDefinition}, with the named groups its pattern captured:
 * what is needed to fill in the publish and browse templates.
 */
public record DatasetMatch(DatasetDefinition definition, Map<String, String> groups) {

    public DatasetMatch {
        groups = Map.copyOf(groups);
    }

    /** Where the product folder is published. */
    public String publishLocation(Settings settings, String version, JsonNode dataset, JsonNode met) {
        return fill(definition.publish().location(), settings, version, dataset, met, null);
    }

    public List<String> publishUrls(Settings settings, String version, JsonNode dataset, JsonNode met, String hostname) {
        return fillAll(definition.publish().urls(), settings, version, dataset, met, hostname);
    }

    /** Where the small browse images are copied, or null when the definition has no browse section. */
    public String browseLocation(Settings settings, String version, JsonNode dataset, JsonNode met) {
        return definition.browse() == null ? null : fill(definition.browse().location(), settings, version, dataset, met, null);
    }

    public List<String> browseUrls(Settings settings, String version, JsonNode dataset, JsonNode met, String hostname) {
        return definition.browse() == null ? List.of() : fillAll(definition.browse().urls(), settings, version, dataset, met, hostname);
    }

    private List<String> fillAll(List<String> templates, Settings settings, String version, JsonNode dataset, JsonNode met, String hostname) {
        List<String> out = new ArrayList<>();
        for (String t : templates) {
            out.add(fill(t, settings, version, dataset, met, hostname));
        }
        return out;
    }

    private String fill(String template, Settings settings, String version, JsonNode dataset, JsonNode met, String hostname) {
        Map<String, String> names = new HashMap<>(groups);
        names.put("version", version);
        names.put("level", definition.level());
        names.put("type", definition.type());
        if (hostname != null) {
            names.put("hostname", hostname);
        }
        try {
            return Template.format(settings.fill(template), names, Map.of("dataset", dataset, "met", met));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(null, "datasets.json type " + definition.type() + ": " + e.getMessage(), e);
        }
    }
}
