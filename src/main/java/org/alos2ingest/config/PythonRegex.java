package org.alos2ingest.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression written for Python's {@code re}, as datasets.json holds them. Java spells
 * named groups {@code (?<name>)} and allows no underscore in their names, so groups are renamed
 * internally and reported under their Python names.
 */
public final class PythonRegex {

    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P<([A-Za-z_][A-Za-z0-9_]*)>");
    private static final Pattern BACKREF = Pattern.compile("\\(\\?P=([A-Za-z_][A-Za-z0-9_]*)\\)");

    private final String source;
    private final Pattern pattern;
    private final List<String> names;

    private PythonRegex(String source, Pattern pattern, List<String> names) {
        this.source = source;
        this.pattern = pattern;
        this.names = names;
    }

    public static PythonRegex compile(String python) {
        List<String> names = new ArrayList<>();
        Matcher m = NAMED_GROUP.matcher(python);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(sb, "(?<g" + (names.size() - 1) + ">");
        }
        m.appendTail(sb);
        Matcher b = BACKREF.matcher(sb.toString());
        StringBuilder sb2 = new StringBuilder();
        while (b.find()) {
            int idx = names.indexOf(b.group(1));
            if (idx < 0) {
                throw new IllegalArgumentException("back-reference to unknown group " + b.group(1) + " in " + python);
            }
            b.appendReplacement(sb2, Matcher.quoteReplacement("\\k<g" + idx + ">"));
        }
        b.appendTail(sb2);
        return new PythonRegex(python, Pattern.compile(sb2.toString()), List.copyOf(names));
    }

    /** Like Python's {@code re.search}: the first match anywhere in the text, with its named groups. */
    public Optional<Map<String, String>> search(String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        Map<String, String> groups = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String v = m.group("g" + i);
            if (v != null) {
                groups.put(names.get(i), v);
            }
        }
        return Optional.of(groups);
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
