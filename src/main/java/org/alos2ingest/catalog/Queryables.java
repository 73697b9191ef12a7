package org.alos2ingest.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.IsoTime;
import org.alos2ingest.identify.ObservationMode;

/**
 * The properties a STAC search filters on (its {@code /queryables}), by their STAC names, mapped to
 * the GRQ document: met.json's {@code trackNumber} is {@code sat:relative_orbit}, {@code dataset_type}
 * the collection, and so on. An item's {@code datetime} is the scene centre, the middle of the
 * dataset's start and end to the millisecond (rounded towards zero), in every backend alike.
 */
public final class Queryables {

    /** The SQL of the scene centre; SqliteCatalog indexes exactly this expression. */
    static final String CENTRE_SQL = "((d.start_ms + d.end_ms) / 2)";
    /** The same in OpenSearch's Painless, for sorting and filtering on {@code datetime}. */
    static final String CENTRE_PAINLESS = "(doc['starttime'].value.toInstant().toEpochMilli() + doc['endtime'].value.toInstant().toEpochMilli()) / 2";

    public static final Queryable ID = string("id", "Item id", "d.id", "id.keyword", List.of(), d -> text(d.path("id")));
    public static final Queryable COLLECTION = string("collection", "Collection (dataset type)", "d.type", "dataset_type.keyword",
            List.of(), d -> text(d.path("dataset_type")));
    public static final Queryable DATETIME = new Queryable("datetime", "Scene centre time", Queryable.Kind.TIMESTAMP, CENTRE_SQL, null,
            List.of(), null, d -> centre(d));
    public static final Queryable START = new Queryable("start_datetime", "Acquisition start", Queryable.Kind.TIMESTAMP, "d.start_ms",
            "starttime", List.of(), null, d -> time(d.path("starttime")));
    public static final Queryable END = new Queryable("end_datetime", "Acquisition end", Queryable.Kind.TIMESTAMP, "d.end_ms",
            "endtime", List.of(), null, d -> time(d.path("endtime")));
    public static final Queryable GEOMETRY = new Queryable("geometry", "Footprint", Queryable.Kind.GEOMETRY, null, "location",
            List.of(), null, d -> Footprint.GeoJson.read(d.path("location")));
    public static final Queryable PLATFORM = new Queryable("platform", "Platform", Queryable.Kind.STRING, null, null,
            List.of("alos-2"), "alos-2", d -> "alos-2");
    public static final Queryable MODE = string("sar:instrument_mode", "Observation mode", "d.mode", "metadata.dfdn.AcquistionMode.keyword",
            Arrays.stream(ObservationMode.values()).map(Enum::name).toList(), d -> text(d.path("metadata").path("dfdn").path("AcquistionMode")));
    public static final Queryable POLARIZATIONS = new Queryable("sar:polarizations", "Polarisations", Queryable.Kind.STRINGS,
            "json_extract(d.document, '$.metadata.polarisations')", "metadata.polarisations.keyword", List.of("HH", "HV", "VH", "VV"), null,
            d -> texts(d.path("metadata").path("polarisations")));
    public static final Queryable LOOK = string("sar:observation_direction", "Look side", "json_extract(d.document, '$.metadata.lookDirection')",
            "metadata.lookDirection.keyword", List.of("left", "right"), d -> text(d.path("metadata").path("lookDirection")));
    public static final Queryable PATH = integer("sat:relative_orbit", "Path (relative orbit)", "d.track", "metadata.trackNumber",
            d -> number(d.path("metadata").path("trackNumber")));
    /** Indexed as this exact expression. */
    public static final Queryable ORBIT = integer("sat:absolute_orbit", "Orbit number", "json_extract(d.document, '$.metadata.orbitNumber')",
            "metadata.orbitNumber", d -> number(d.path("metadata").path("orbitNumber")));
    public static final Queryable ORBIT_STATE = string("sat:orbit_state", "Orbit direction", "d.direction", "metadata.direction.keyword",
            List.of("ascending", "descending"), d -> text(d.path("metadata").path("direction")));
    public static final Queryable LEVEL = string("processing:level", "Processing level", "d.level", "metadata.level.keyword",
            List.of("L1.1", "L1.5", "L2.1"), d -> text(d.path("metadata").path("level")));
    /** Indexed as this exact expression. */
    public static final Queryable FRAME = integer("alos2:frame", "Frame number", "json_extract(d.document, '$.metadata.frameID')",
            "metadata.frameID", d -> number(d.path("metadata").path("frameID")));

    private static final Map<String, Queryable> ALL = new LinkedHashMap<>();

    static {
        for (Queryable q : List.of(ID, COLLECTION, DATETIME, START, END, GEOMETRY, PLATFORM, MODE, POLARIZATIONS, LOOK, PATH, ORBIT,
                ORBIT_STATE, LEVEL, FRAME)) {
            ALL.put(q.name(), q);
        }
    }

    private Queryables() {
    }

    public static Collection<Queryable> all() {
        return ALL.values();
    }

    /** @throws InvalidSearchException naming {@code parameter} when there is no such queryable */
    public static Queryable get(String parameter, String name) {
        Queryable q = ALL.get(name);
        if (q == null) {
            throw new InvalidSearchException(parameter, "unknown queryable '" + name + "'; expected one of " + String.join(", ", ALL.keySet()));
        }
        return q;
    }

    /** The scene centre of a dataset, as {@code datetime} means it. */
    public static Instant centre(JsonNode doc) {
        Instant s = time(doc.path("starttime"));
        Instant e = time(doc.path("endtime"));
        return s == null || e == null ? null : Instant.ofEpochMilli((s.toEpochMilli() + e.toEpochMilli()) / 2);
    }

    /**
     * The JSON Schema of the queryables, as {@code /queryables} serves it.
     *
     * @param id          the schema's {@code $id}: the URL it is served at
     * @param collections the collection ids, listed as the enum of {@code collection}
     */
    public static ObjectNode schema(String id, Collection<String> collections) {
        ObjectNode s = Json.object();
        s.put("$schema", "https://json-schema.org/draft/2019-09/schema");
        s.put("$id", id);
        s.put("type", "object");
        s.put("title", "Queryables of ALOS-2 PALSAR-2 datasets");
        ObjectNode props = s.putObject("properties");
        for (Queryable q : ALL.values()) {
            ObjectNode p = props.putObject(q.name());
            p.put("title", q.title());
            List<String> values = q == COLLECTION ? new ArrayList<>(collections) : q.values();
            switch (q.kind()) {
                case STRING -> {
                    p.put("type", "string");
                    enumOf(p, values);
                }
                case INTEGER -> {
                    p.put("type", "integer");
                    p.put("minimum", 0);
                    if (q == PATH) {
                        p.put("maximum", 206);
                    }
                }
                case TIMESTAMP -> p.put("type", "string").put("format", "date-time");
                case GEOMETRY -> p.put("$ref", "https://geojson.org/schema/Geometry.json");
                case STRINGS -> {
                    p.put("type", "array");
                    enumOf(p.putObject("items").put("type", "string"), values);
                }
            }
        }
        s.put("additionalProperties", false);
        return s;
    }

    private static void enumOf(ObjectNode p, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode e = p.putArray("enum");
            values.forEach(e::add);
        }
    }

    private static Queryable string(String name, String title, String sql, String field, List<String> values, Function<JsonNode, Object> v) {
        return new Queryable(name, title, Queryable.Kind.STRING, sql, field, values, null, v);
    }

    private static Queryable integer(String name, String title, String sql, String field, Function<JsonNode, Object> v) {
        return new Queryable(name, title, Queryable.Kind.INTEGER, sql, field, List.of(), null, v);
    }

    private static Object text(JsonNode n) {
        return n.isValueNode() && !n.isNull() ? n.asText() : null;
    }

    private static Object number(JsonNode n) {
        return n.isIntegralNumber() || (n.isTextual() && n.asText().matches("-?\\d+")) ? n.asLong() : null;
    }

    private static Object texts(JsonNode n) {
        if (!n.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static Instant time(JsonNode n) {
        // stored to the millisecond everywhere, so compared so here
        return n.isTextual() ? Instant.ofEpochMilli(IsoTime.parse(n.asText()).toEpochMilli()) : null;
    }
}
