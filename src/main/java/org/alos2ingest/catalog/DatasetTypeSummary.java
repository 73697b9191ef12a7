package org.alos2ingest.catalog;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.IsoTime;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * What the catalog holds of one kind of dataset, for a STAC Collection's extents and summaries:
 * the datasets.json {@code type} with met.json's {@code dataset} (a Level 1.5 CEOS product shares its
 * type with the GeoTIFF ones), how many, the box around their footprints (the parts of one split at
 * the antimeridian counted apart, so west may be -180 and east 180), their time span, and the values
 * of the fields users facet on.
 */
public record DatasetTypeSummary(String type, String dataset, long count, double west, double south, double east, double north,
                                 Instant start, Instant end, SortedSet<String> modes, SortedSet<String> polarisations,
                                 SortedSet<String> directions, SortedSet<String> levels) {

    public DatasetTypeSummary {
        modes = Collections.unmodifiableSortedSet(new TreeSet<>(modes));
        polarisations = Collections.unmodifiableSortedSet(new TreeSet<>(polarisations));
        directions = Collections.unmodifiableSortedSet(new TreeSet<>(directions));
        levels = Collections.unmodifiableSortedSet(new TreeSet<>(levels));
    }

    /** The summaries of these documents, one per type and dataset, in order of type then dataset. */
    public static List<DatasetTypeSummary> of(Iterable<? extends JsonNode> documents) {
        Map<String, Builder> by = new java.util.TreeMap<>();
        for (JsonNode doc : documents) {
            String type = doc.path("dataset_type").asText();
            String dataset = doc.path("metadata").path("dataset").asText();
            by.computeIfAbsent(type + "\u0000" + dataset, k -> new Builder(type, dataset)).add(doc);
        }
        return by.values().stream().map(Builder::build).toList();
    }

    /** Accumulates documents of one type and dataset. */
    static final class Builder {
        private final String type;
        private final String dataset;
        private long count;
        private final Envelope box = new Envelope();
        private Instant start;
        private Instant end;
        private final SortedSet<String> modes = new TreeSet<>();
        private final SortedSet<String> polarisations = new TreeSet<>();
        private final SortedSet<String> directions = new TreeSet<>();
        private final SortedSet<String> levels = new TreeSet<>();

        Builder(String type, String dataset) {
            this.type = type;
            this.dataset = dataset;
        }

        void add(JsonNode doc) {
            count++;
            Geometry g = Footprint.GeoJson.read(doc.path("location"));
            for (int i = 0; i < g.getNumGeometries(); i++) {
                box.expandToInclude(g.getGeometryN(i).getEnvelopeInternal());
            }
            Instant s = IsoTime.parse(doc.path("starttime").asText());
            Instant e = IsoTime.parse(doc.path("endtime").asText());
            start = start == null || s.isBefore(start) ? s : start;
            end = end == null || e.isAfter(end) ? e : end;
            JsonNode met = doc.path("metadata");
            addText(modes, met.path("dfdn").path("AcquistionMode"));
            addText(directions, met.path("direction"));
            addText(levels, met.path("level"));
            met.path("polarisations").forEach(p -> addText(polarisations, p));
        }

        private static void addText(SortedSet<String> into, JsonNode v) {
            if (v.isTextual() && !v.asText().isEmpty()) {
                into.add(v.asText());
            }
        }

        DatasetTypeSummary build() {
            return new DatasetTypeSummary(type, dataset, count, box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY(),
                    start, end, modes, polarisations, directions, levels);
        }
    }
}
