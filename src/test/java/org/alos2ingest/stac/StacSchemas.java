package org.alos2ingest.stac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Validation against the official STAC JSON schemas, offline: every {@code $id} the documents and
 * schemas refer to is mapped to the copies in {@code src/test/resources/stac-schemas} (see its NOTICE).
 * The 1.1.0 files are resolved by path, whatever {@code $id} they declare (one says {@code …/commonjson}).
 */
public final class StacSchemas {

    private static final String HERE = "classpath:stac-schemas/";
    private static final Map<String, String> EXTENSIONS = Map.of(
            Stac.SAR, "sar-v1.3.0.json", Stac.SAT, "sat-v1.2.0.json", Stac.VIEW, "view-v1.1.0.json",
            Stac.PROCESSING, "processing-v1.2.0.json", Stac.PROJECTION, "projection-v2.0.0.json",
            Stac.WEB_MAP_LINKS, "web-map-links-v1.2.0.json", Stac.RASTER, "raster-v1.1.0.json");

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            b -> b.schemaIdResolvers(r -> {
                r.mapPrefix("https://schemas.stacspec.org/v1.1.0-beta.1/", HERE + "v1.1.0/");
                r.mapPrefix("https://schemas.stacspec.org/v1.1.0/", HERE + "v1.1.0/");
                r.mapPrefix("https://geojson.org/schema/", HERE + "geojson/");
                r.mapPrefix("https://proj.org/schemas/v0.7/projjson.schema.json", HERE + "projjson/projjson.schema.json");
                EXTENSIONS.forEach((url, file) -> {
                    r.mapPrefix(url + "#", HERE + "extensions/" + file);
                    r.mapPrefix(url, HERE + "extensions/" + file);
                });
            }));

    private StacSchemas() {
    }

    /** The schema violations of a STAC Item, Collection or Catalog, its declared extensions included. */
    public static List<String> violations(JsonNode stac) {
        String kind = switch (stac.path("type").asText()) {
            case "Feature" -> "item-spec/json-schema/item.json";
            case "Collection" -> "collection-spec/json-schema/collection.json";
            case "Catalog" -> "catalog-spec/json-schema/catalog.json";
            default -> throw new AssertionError("not a STAC object: type " + stac.path("type"));
        };
        assertEquals("1.1.0", stac.path("stac_version").asText());
        List<String> out = new ArrayList<>();
        out.addAll(check(REGISTRY.getSchema(SchemaLocation.of("https://schemas.stacspec.org/v1.1.0/" + kind)), filledTemplates(stac), "core"));
        for (JsonNode ext : stac.path("stac_extensions")) {
            assertTrue(EXTENSIONS.containsKey(ext.asText()), "an extension with no schema copy: " + ext.asText());
            out.addAll(check(REGISTRY.getSchema(SchemaLocation.of(ext.asText())), stac, EXTENSIONS.get(ext.asText())));
        }
        return out;
    }

    static void assertValid(JsonNode stac) {
        List<String> v = violations(stac);
        assertTrue(v.isEmpty(), stac.path("type").asText() + " " + stac.path("id").asText() + " is not valid STAC:\n  "
                + String.join("\n  ", v) + "\n" + stac.toPrettyString());
    }

    /**
     * Formats are asserted (dates, URIs), but the {z}/{x}/{y} of web-map-links' xyz hrefs, which that
     * extension defines, are not IRI characters: the core schema sees them filled in, as a client uses them.
     */
    private static JsonNode filledTemplates(JsonNode stac) {
        JsonNode copy = stac.deepCopy();
        for (JsonNode link : copy.path("links")) {
            if (link.path("rel").asText().equals("xyz")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) link).put("href",
                        link.path("href").asText().replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"));
            }
        }
        return copy;
    }

    private static List<String> check(Schema schema, JsonNode doc, String name) {
        return schema.validate(doc).stream().map(e -> name + ": " + e).toList();
    }
}
