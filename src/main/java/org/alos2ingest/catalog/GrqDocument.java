package org.alos2ingest.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.describe.Description;
import org.alos2ingest.geo.LonLat;

/**
 * The catalog document of one dataset, shaped as HySDS's dataset ingest sends it and GRQ completes
 * it (hysds-conventions.md), so that existing GRQ facets and queries find it.
 */
public final class GrqDocument {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    /** One browse image at the top of the product folder. */
    public record Image(String img, String smallImg, String tooltip) {
    }

    private GrqDocument() {
    }

    public static ObjectNode build(Description d, List<String> urls, List<String> browseUrls, List<Image> images,
                                   JsonNode context, JsonNode prov) {
        ObjectNode doc = Json.object();
        doc.put("id", d.id());
        doc.put("objectid", d.id());
        doc.put("dataset", d.match().definition().dataset());
        doc.put("ipath", d.match().definition().ipath());
        doc.put("system_version", d.version());
        doc.put("dataset_level", d.match().definition().level());
        doc.put("dataset_type", d.match().definition().type());
        ArrayNode u = doc.putArray("urls");
        urls.forEach(u::add);
        ArrayNode bu = doc.putArray("browse_urls");
        browseUrls.forEach(bu::add);
        ArrayNode imgs = doc.putArray("images");
        for (Image i : images) {
            ObjectNode o = imgs.addObject();
            o.put("img", i.img());
            if (i.smallImg() == null) {
                o.putNull("small_img");
            } else {
                o.put("small_img", i.smallImg());
            }
            o.put("tooltip", i.tooltip());
        }
        ObjectNode metadata = d.met().deepCopy();
        metadata.set("context", context == null ? Json.object() : context);
        doc.set("metadata", metadata);
        doc.set("prov", prov == null ? Json.object() : prov);
        d.dataset().fields().forEachRemaining(e -> doc.set(e.getKey(), e.getValue().deepCopy()));
        ObjectNode location = (ObjectNode) doc.path("location");
        location.put("type", location.path("type").asText().toLowerCase(Locale.ROOT));
        doc.put("@timestamp", TIMESTAMP.format(LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC)));
        LonLat c = d.footprint().centroid();
        ObjectNode center = doc.putObject("center");
        center.put("type", "point");
        center.putArray("coordinates").add(c.lon()).add(c.lat());
        doc.put("temporal_span", temporalSpan(d.start(), d.end()));
        return doc;
    }

    /** GRQ's rule: whole days between start and end, plus one when the rest is 12 hours or more. */
    static int temporalSpan(Instant start, Instant end) {
        Duration span = Duration.between(start, end);
        long days = span.toDays();
        return (int) (span.minusDays(days).compareTo(Duration.ofHours(12)) >= 0 ? days + 1 : days);
    }
}
