package org.alos2ingest.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Deployment values, as HySDS keeps them in {@code settings.json}: dataset versions
 * ({@code ALOS2_GEOTIFF_VERSION}, {@code ALOS2_SLC_VERSION}) and the values that fill the
 * {@code {{ NAME }}} placeholders of datasets.json ({@code DATASET_BUCKET}, ...). The defaults ship in
 * the jar; a user's file overrides them key by key. A value may itself use placeholders.
 */
public final class Settings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*}}");

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The shipped defaults, then the user's file when given, then runtime values (which win). */
    public static Settings load(Path userFile, Map<String, String> runtime) {
        Map<String, String> v = new LinkedHashMap<>();
        try (InputStream in = Settings.class.getResourceAsStream("/org/alos2ingest/settings.json")) {
            merge(v, new ObjectMapper().readTree(in), null);
        } catch (IOException e) {
            throw new IllegalStateException("shipped settings.json unreadable", e);
        }
        if (userFile != null) {
            try {
                merge(v, new ObjectMapper().readTree(Files.readString(userFile)), userFile);
            } catch (IOException e) {
                throw new ConfigException(userFile, "cannot read settings: " + e.getMessage(), e);
            }
        }
        v.putAll(runtime);
        return new Settings(v);
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(new LinkedHashMap<>(values));
    }

    private static void merge(Map<String, String> into, JsonNode json, Path file) {
        if (json == null || !json.isObject()) {
            throw new ConfigException(file, "settings must be a JSON object of names to values");
        }
        json.fields().forEachRemaining(e -> into.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).map(v -> fill(v, key, 0));
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** Replaces every {@code {{ NAME }}} in {@code text} by its setting. */
    public String fill(String text) {
        return fill(text, null, 0);
    }

    private String fill(String text, String forKey, int depth) {
        if (depth > 10) {
            throw new ConfigException(null, "settings refer to each other in a loop at " + forKey);
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = values.get(name);
            if (value == null) {
                throw new ConfigException(null, "no setting " + name + " (needed by '" + text + "'); add it to your settings.json");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(fill(value, name, depth + 1)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
