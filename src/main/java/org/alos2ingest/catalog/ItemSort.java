package org.alos2ingest.catalog;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.alos2ingest.config.Json;

/**
 * The order of an item search, always completed by the id so that it is total, and its keyset
 * tokens: a token holds the sort values and id of the last item of a page, and the next page is
 * what sorts strictly after them. New datasets indexed meanwhile therefore shift nothing: no item
 * is listed twice and none is skipped.
 */
public record ItemSort(List<Key> keys) {

    /** A sortable queryable; values are longs (milliseconds, path numbers) or the id. */
    public enum Field {
        DATETIME("datetime"), ID("id"), RELATIVE_ORBIT("sat:relative_orbit");

        public final String stacName;

        Field(String stacName) {
            this.stacName = stacName;
        }

        Queryable queryable() {
            return switch (this) {
                case DATETIME -> Queryables.DATETIME;
                case ID -> Queryables.ID;
                case RELATIVE_ORBIT -> Queryables.PATH;
            };
        }

        /** The value of a document, as a token stores it. */
        Object value(JsonNode doc) {
            return switch (this) {
                case DATETIME -> Queryables.centre(doc).toEpochMilli();
                case ID -> doc.path("id").asText();
                case RELATIVE_ORBIT -> doc.path("metadata").path("trackNumber").asLong(-1);
            };
        }
    }

    public record Key(Field field, boolean descending) {
    }

    private static final List<Key> DEFAULT_KEYS = List.of(new Key(Field.DATETIME, true));

    /** Newest scene centre first, then by id. */
    public static final ItemSort DEFAULT = new ItemSort(List.of(new Key(Field.DATETIME, true)));

    public ItemSort {
        List<Key> k = new ArrayList<>(keys);
        if (k.isEmpty()) {
            k.addAll(DEFAULT_KEYS);
        }
        if (k.stream().noneMatch(x -> x.field() == Field.ID)) {
            k.add(new Key(Field.ID, k.get(0).descending()));
        }
        keys = List.copyOf(k);
    }

    /** STAC sort extension, GET form: {@code -datetime,+id} or {@code sat:relative_orbit} (ascending). */
    public static ItemSort parse(String text) {
        List<Key> keys = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        for (String part : text.split(",")) {
            String p = part.strip();
            boolean desc = p.startsWith("-");
            if (p.startsWith("-") || p.startsWith("+")) {
                p = p.substring(1);
            }
            keys.add(new Key(field(p), desc));
        }
        return checked(keys);
    }

    /** STAC sort extension, POST form: {@code [{"field": "datetime", "direction": "desc"}]}. */
    public static ItemSort parse(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return DEFAULT;
        }
        if (!json.isArray()) {
            throw new InvalidSearchException("sortby", "expected an array of {\"field\", \"direction\"}");
        }
        List<Key> keys = new ArrayList<>();
        for (JsonNode k : json) {
            String dir = k.path("direction").asText("asc").toLowerCase(Locale.ROOT);
            if (!dir.equals("asc") && !dir.equals("desc")) {
                throw new InvalidSearchException("sortby", "expected direction \"asc\" or \"desc\", got \"" + k.path("direction").asText() + "\"");
            }
            keys.add(new Key(field(k.path("field").asText("")), dir.equals("desc")));
        }
        return checked(keys);
    }

    private static ItemSort checked(List<Key> keys) {
        if (keys.stream().map(Key::field).distinct().count() < keys.size()) {
            throw new InvalidSearchException("sortby", "expected each field at most once");
        }
        return new ItemSort(keys);
    }

    private static Field field(String name) {
        String n = name.startsWith("properties.") ? name.substring("properties.".length()) : name;
        for (Field f : Field.values()) {
            if (f.stacName.equals(n)) {
                return f;
            }
        }
        throw new InvalidSearchException("sortby", "cannot sort by '" + name + "'; expected datetime, id or sat:relative_orbit");
    }

    /** The order as a comparator of documents: the reference the backends agree with. */
    public Comparator<JsonNode> comparator() {
        Comparator<JsonNode> c = null;
        for (Key k : keys) {
            Comparator<JsonNode> one = (a, b) -> compare(k.field().value(a), k.field().value(b));
            if (k.descending()) {
                one = one.reversed();
            }
            c = c == null ? one : c.thenComparing(one);
        }
        return c;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    /** The sort values of a document, as a token carries them. */
    List<Object> values(JsonNode doc) {
        return keys.stream().map(k -> k.field().value(doc)).toList();
    }

    /** True when the document sorts strictly after the sort values of a token. */
    boolean isAfter(JsonNode doc, List<Object> values) {
        for (int i = 0; i < keys.size(); i++) {
            int c = compare(keys.get(i).field().value(doc), values.get(i));
            if (c != 0) {
                return keys.get(i).descending() ? c < 0 : c > 0;
            }
        }
        return false;
    }

    /** Tells one order from another, so that a token is not used with a different sort. */
    private String signature() {
        return keys.stream().map(k -> (k.descending() ? "-" : "+") + k.field().stacName).collect(Collectors.joining(","));
    }

    /** The token of the page after {@code last}. */
    String token(JsonNode last) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        a.add(signature());
        for (Object v : values(last)) {
            if (v instanceof Long n) {
                a.add(n);
            } else {
                a.add((String) v);
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.compact(a).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The sort values a token holds, checked against this order. */
    List<Object> after(String token) {
        JsonNode a;
        try {
            a = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(token));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new InvalidSearchException("token", "expected a token from a next link, got '" + token + "'");
        }
        if (!a.isArray() || a.size() != keys.size() + 1 || !a.get(0).isTextual()) {
            throw new InvalidSearchException("token", "expected a token from a next link, got '" + token + "'");
        }
        if (!a.get(0).asText().equals(signature())) {
            throw new InvalidSearchException("token", "the token is of a search sorted by " + a.get(0).asText()
                    + ", not " + signature() + "; start again without it");
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            JsonNode v = a.get(i + 1);
            boolean id = keys.get(i).field() == Field.ID;
            if (id ? !v.isTextual() : !v.isIntegralNumber()) {
                throw new InvalidSearchException("token", "expected a token from a next link, got '" + token + "'");
            }
            out.add(id ? v.asText() : (Object) v.asLong());
        }
        return out;
    }

}
