package org.alos2ingest.config;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The part of Python's {@code str.format} that HySDS location templates use: {@code {name}},
 * {@code {dataset[starttime]}}, {@code {met[trackNumber]}}, and {@code {{ }}} for literal braces.
 */
public final class Template {
    private Template() {
    }

    /**
     * @param names plain names (match groups, version, level, type, hostname...)
     * @param objects objects addressed with brackets ({@code dataset}, {@code met})
     */
    public static String format(String template, Map<String, String> names, Map<String, JsonNode> objects) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                if (i + 1 < template.length() && template.charAt(i + 1) == '{') {
                    out.append('{');
                    i += 2;
                    continue;
                }
                int end = template.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed '{' in template " + template);
                }
                out.append(field(template.substring(i + 1, end), template, names, objects));
                i = end + 1;
            } else if (c == '}') {
                if (i + 1 < template.length() && template.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw new IllegalArgumentException("single '}' in template " + template);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String field(String spec, String template, Map<String, String> names, Map<String, JsonNode> objects) {
        if (spec.contains(":") || spec.contains("!")) {
            throw new IllegalArgumentException("format specs are not supported: {" + spec + "} in " + template);
        }
        int bracket = spec.indexOf('[');
        if (bracket < 0) {
            String v = names.get(spec);
            if (v == null) {
                throw new IllegalArgumentException("unknown name {" + spec + "} in template " + template);
            }
            return v;
        }
        String obj = spec.substring(0, bracket);
        JsonNode node = objects.get(obj);
        if (node == null) {
            throw new IllegalArgumentException("unknown object {" + obj + "[...]} in template " + template);
        }
        String rest = spec.substring(bracket);
        while (!rest.isEmpty()) {
            if (!rest.startsWith("[") || rest.indexOf(']') < 0) {
                throw new IllegalArgumentException("bad field {" + spec + "} in template " + template);
            }
            String key = rest.substring(1, rest.indexOf(']'));
            node = key.matches("\\d+") && node.isArray() ? node.path(Integer.parseInt(key)) : node.path(key);
            rest = rest.substring(rest.indexOf(']') + 1);
        }
        if (node.isMissingNode() || node.isNull()) {
            throw new IllegalArgumentException("{" + spec + "} has no value (template " + template + ")");
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
