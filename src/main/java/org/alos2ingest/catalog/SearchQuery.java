package org.alos2ingest.catalog;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.IsoTime;
import org.locationtech.jts.geom.Geometry;

/**
 * What a user asks the catalog: datasets whose footprint intersects an area, whose time span
 * overlaps [start, end], of given levels, modes, path, direction and types. Null or empty means
 * "any". Filter values are normalised so that {@code 1.5}, {@code l1.5} and {@code L1.5} are one level.
 */
public record SearchQuery(Geometry area, Instant start, Instant end, Set<String> levels, Set<String> modes,
                          Integer track, String direction, Set<String> types, int limit) {

    public static final int DEFAULT_LIMIT = 1000;

    public SearchQuery {
        levels = levels == null ? Set.of() : levels.stream().map(SearchQuery::level).collect(Collectors.toUnmodifiableSet());
        modes = modes == null ? Set.of() : modes.stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        types = types == null ? Set.of() : Set.copyOf(types);
        direction = direction == null ? null : direction(direction);
        if (limit <= 0) {
            limit = DEFAULT_LIMIT;
        }
    }

    public static SearchQuery all() {
        return new SearchQuery(null, null, null, Set.of(), Set.of(), null, null, Set.of(), DEFAULT_LIMIT);
    }

    public SearchQuery withArea(Geometry g) {
        return new SearchQuery(g, start, end, levels, modes, track, direction, types, limit);
    }

    public SearchQuery withTime(Instant from, Instant to) {
        return new SearchQuery(area, from, to, levels, modes, track, direction, types, limit);
    }

    public SearchQuery withLevels(Set<String> l) {
        return new SearchQuery(area, start, end, l, modes, track, direction, types, limit);
    }

    public SearchQuery withModes(Set<String> m) {
        return new SearchQuery(area, start, end, levels, m, track, direction, types, limit);
    }

    public SearchQuery withTrack(Integer t) {
        return new SearchQuery(area, start, end, levels, modes, t, direction, types, limit);
    }

    public SearchQuery withDirection(String d) {
        return new SearchQuery(area, start, end, levels, modes, track, d, types, limit);
    }

    public SearchQuery withTypes(Set<String> t) {
        return new SearchQuery(area, start, end, levels, modes, track, direction, t, limit);
    }

    public SearchQuery withLimit(int n) {
        return new SearchQuery(area, start, end, levels, modes, track, direction, types, n);
    }

    /** "1.5", "l1.5", "L1.5" all become "L1.5", as met.json writes it. */
    public static String level(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        return t.startsWith("L") ? t : "L" + t;
    }

    /** "A", "asc", "ascending" become "ascending"; likewise descending. */
    public static String direction(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("a")) {
            return "ascending";
        }
        if (t.startsWith("d")) {
            return "descending";
        }
        throw new IllegalArgumentException("direction must be ascending or descending, not '" + text + "'");
    }

    /**
     * The reference semantics every catalog implements: true when the GRQ document matches.
     * Times overlap when the dataset ends at or after {@code start} and starts at or before {@code end}.
     */
    public boolean matches(JsonNode doc) {
        JsonNode met = doc.path("metadata");
        if (!levels.isEmpty() && !levels.contains(met.path("level").asText())) {
            return false;
        }
        if (!modes.isEmpty() && !modes.contains(met.path("dfdn").path("AcquistionMode").asText())) {
            return false;
        }
        if (track != null && met.path("trackNumber").asInt(-1) != track) {
            return false;
        }
        if (direction != null && !direction.equals(met.path("direction").asText())) {
            return false;
        }
        if (!types.isEmpty() && !types.contains(doc.path("dataset_type").asText())) {
            return false;
        }
        if (start != null && IsoTime.parse(doc.path("endtime").asText()).isBefore(start)) {
            return false;
        }
        if (end != null && IsoTime.parse(doc.path("starttime").asText()).isAfter(end)) {
            return false;
        }
        if (area != null) {
            Geometry footprint = Footprint.GeoJson.read(doc.path("location"));
            return footprint.intersects(area);
        }
        return true;
    }
}
