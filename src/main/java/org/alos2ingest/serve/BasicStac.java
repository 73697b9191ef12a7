package org.alos2ingest.serve;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.DatasetDefinition;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.IsoTime;
import org.locationtech.jts.geom.Envelope;

/**
 * A plain STAC Item per catalog document and a Collection per dataset type: core fields, the footprint
 * and the product zip. The full mapping (sar, sat, view, projection ...) belongs to the stac package.
 */
final class BasicStac implements CatalogBackend.Collections {
    private final DatasetDefinitions definitions;

    BasicStac(DatasetDefinitions definitions) {
        this.definitions = definitions;
    }

    @Override
    public List<ObjectNode> all() {
        List<ObjectNode> out = new ArrayList<>();
        for (DatasetDefinition d : definitions.all()) {
            ObjectNode c = Json.object();
            c.put("type", "Collection");
            c.put("stac_version", "1.1.0");
            c.put("id", d.type());
            c.put("title", "ALOS-2 PALSAR-2 " + d.type());
            c.put("description", "ALOS-2 PALSAR-2 datasets of type " + d.type() + " (" + d.ipath() + ")");
            c.put("license", "proprietary");
            ObjectNode extent = c.putObject("extent");
            extent.putObject("spatial").putArray("bbox").addArray().add(-180).add(-90).add(180).add(90);
            ArrayNode interval = extent.putObject("temporal").putArray("interval").addArray();
            interval.addNull();
            interval.addNull();
            c.putArray("links");
            out.add(c);
        }
        return out;
    }

    @Override
    public String of(JsonNode document) {
        return document.path("dataset_type").asText();
    }

    ObjectNode item(ObjectNode doc) {
        ObjectNode item = Json.object();
        item.put("type", "Feature");
        item.put("stac_version", "1.1.0");
        item.put("id", doc.path("id").asText());
        item.put("collection", of(doc));
        ObjectNode geometry = doc.path("location").deepCopy();
        geometry.put("type", geometry.path("type").asText().equalsIgnoreCase("multipolygon") ? "MultiPolygon" : "Polygon");
        item.set("geometry", geometry);
        Envelope e = Footprint.GeoJson.read(geometry).getEnvelopeInternal();
        item.putArray("bbox").add(e.getMinX()).add(e.getMinY()).add(e.getMaxX()).add(e.getMaxY());
        ObjectNode p = item.putObject("properties");
        var start = IsoTime.parse(doc.path("starttime").asText());
        var end = IsoTime.parse(doc.path("endtime").asText());
        p.put("datetime", start.plus(java.time.Duration.between(start, end).dividedBy(2)).toString());
        p.put("start_datetime", start.toString());
        p.put("end_datetime", end.toString());
        p.put("platform", "alos-2");
        p.put("constellation", "alos");
        p.putArray("instruments").add("palsar-2");
        JsonNode met = doc.path("metadata");
        if (met.path("trackNumber").isNumber()) {
            p.put("sat:relative_orbit", met.path("trackNumber").asInt());
        }
        item.putArray("stac_extensions");
        item.putArray("links");
        ObjectNode assets = item.putObject("assets");
        String url = doc.path("urls").path(0).asText(null);
        if (url != null) {
            ObjectNode data = assets.putObject("data");
            data.put("href", url + "/" + doc.path("id").asText() + ".zip");
            data.put("type", "application/zip");
            data.putArray("roles").add("data");
        }
        return item;
    }
}
