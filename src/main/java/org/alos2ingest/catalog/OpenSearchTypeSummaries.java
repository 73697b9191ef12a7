package org.alos2ingest.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;

/**
 * {@link Catalog#typeSummaries()} of a GRQ catalog in one aggregation request (terms on the type and
 * met.json {@code dataset}; min/max times; {@code geo_bounds} of the footprints, not wrapped at the
 * antimeridian, as the embedded catalog counts the parts of a split footprint apart; terms of the
 * facets), so that no document leaves the cluster.
 */
final class OpenSearchTypeSummaries {

    private static final int MANY = 10_000;

    private OpenSearchTypeSummaries() {
    }

    static List<DatasetTypeSummary> query(OpenSearchClient client, String path) {
        ObjectNode body = Json.object();
        body.put("size", 0);
        ObjectNode types = body.putObject("aggs").putObject("types");
        types.putObject("terms").put("field", "dataset_type.keyword").put("size", MANY);
        ObjectNode datasets = types.putObject("aggs").putObject("datasets");
        datasets.putObject("terms").put("field", "metadata.dataset.keyword").put("size", MANY).put("missing", "");
        ObjectNode per = datasets.putObject("aggs");
        per.putObject("start").putObject("min").put("field", "starttime");
        per.putObject("end").putObject("max").put("field", "endtime");
        per.putObject("box").putObject("geo_bounds").put("field", "location").put("wrap_longitude", false);
        terms(per, "modes", "metadata.dfdn.AcquistionMode.keyword");
        terms(per, "polarisations", "metadata.polarisations.keyword");
        terms(per, "directions", "metadata.direction.keyword");
        terms(per, "levels", "metadata.level.keyword");
        JsonNode answer = client.json("POST", path, body);
        List<DatasetTypeSummary> out = new ArrayList<>();
        for (JsonNode t : answer.path("aggregations").path("types").path("buckets")) {
            for (JsonNode d : t.path("datasets").path("buckets")) {
                JsonNode box = d.path("box").path("bounds");
                out.add(new DatasetTypeSummary(t.path("key").asText(), d.path("key").asText(), d.path("doc_count").asLong(),
                        box.path("top_left").path("lon").asDouble(), box.path("bottom_right").path("lat").asDouble(),
                        box.path("bottom_right").path("lon").asDouble(), box.path("top_left").path("lat").asDouble(),
                        Instant.ofEpochMilli(d.path("start").path("value").asLong()), Instant.ofEpochMilli(d.path("end").path("value").asLong()),
                        keys(d.path("modes")), keys(d.path("polarisations")), keys(d.path("directions")), keys(d.path("levels"))));
            }
        }
        out.sort(java.util.Comparator.comparing(DatasetTypeSummary::type).thenComparing(DatasetTypeSummary::dataset));
        return out;
    }

    private static void terms(ObjectNode aggs, String name, String field) {
        aggs.putObject(name).putObject("terms").put("field", field).put("size", MANY);
    }

    private static SortedSet<String> keys(JsonNode agg) {
        SortedSet<String> out = new TreeSet<>();
        for (JsonNode b : agg.path("buckets")) {
            if (!b.path("key").asText().isEmpty()) {
                out.add(b.path("key").asText());
            }
        }
        return out;
    }
}
