package org.alos2ingest.identify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JAXA's {@code summary.txt}: one {@code Key="value"} per line (alos2-formats.md 2.1). Keys keep their
 * file order and case; unknown keys are kept; values are trimmed; blank values read as absent.
 */
public final class SummaryFile {

    private static final Pattern LINE = Pattern.compile("^\\s*(?<key>[A-Za-z]{3}_[A-Za-z0-9_]+)\\s*=\\s*\"(?<value>.*)\"\\s*$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss[.SSSSSS][.SSS][.SS][.S]");

    private final Path file;
    private final Map<String, String> values;

    private SummaryFile(Path file, Map<String, String> values) {
        this.file = file;
        this.values = Collections.unmodifiableMap(values);
    }

    public static SummaryFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IdentifyException(file, "cannot read summary.txt: " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    /**
     * @param file only used in error messages
     */
    public static SummaryFile parse(Path file, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = text.split("\\r?\\n|\\r");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IdentifyException(file, "line " + (i + 1) + " is not Key=\"value\": " + abbreviate(line));
            }
            values.put(m.group("key"), m.group("value").strip());
        }
        if (values.isEmpty()) {
            throw new IdentifyException(file, "summary.txt is empty");
        }
        return new SummaryFile(file, values);
    }

    public Path file() {
        return file;
    }

    /** Every key in file order, values trimmed (blank values included, as empty strings). */
    public Map<String, String> entries() {
        return values;
    }

    /** The value, or empty when the key is missing or its value is blank. */
    public Optional<String> get(String key) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    public String require(String key) {
        return get(key).orElseThrow(() -> new IdentifyException(file, "summary.txt has no value for " + key));
    }

    public Optional<Double> getDouble(String key) {
        return get(key).map(v -> {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IdentifyException(file, key + "=\"" + v + "\" is not a number");
            }
        });
    }

    public Optional<Integer> getInt(String key) {
        return get(key).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IdentifyException(file, key + "=\"" + v + "\" is not an integer");
            }
        });
    }

    /** Summary times are UTC {@code yyyyMMdd HH:mm:ss.SSS}. */
    public Optional<LocalDateTime> getTime(String key) {
        return get(key).map(v -> {
            try {
                return LocalDateTime.parse(v, TIME);
            } catch (DateTimeParseException e) {
                throw new IdentifyException(file, key + "=\"" + v + "\" is not a time (yyyyMMdd HH:mm:ss.SSS)");
            }
        });
    }

    /** {@code Pdi_ProductFormat}: "GeoTIFF" or "CEOS". */
    public Optional<String> productFormat() {
        return get("Pdi_ProductFormat");
    }

    public boolean isGeoTiff() {
        return productFormat().map(f -> f.toUpperCase().contains("TIFF")).orElse(false);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
