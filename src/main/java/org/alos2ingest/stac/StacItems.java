package org.alos2ingest.stac;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.Queryables;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.IsoTime;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The one mapping from a catalog document (GRQ's, as every catalog stores and returns it) to a STAC
 * 1.1.0 Item, with the sar, sat, view, processing, projection and web-map-links extensions and
 * {@code alos2:} fields for the rest. Navigation links (self, parent, collection, root) depend on
 * where the item is published: the caller adds them ({@link #linkCollection}, {@link Stac#link}).
 */
public final class StacItems {

    /** summary.txt's scene times: {@code 20170209 05:11:03.457}. */
    private static final DateTimeFormatter SUMMARY_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss[.SSS][.SS][.S]");
    /** met.json fields copied as {@code alos2:<name>} when present (Sentinel Asia's EOR, archive datasets). */
    private static final Map<String, String> PASSED_ON = Map.of("eor_id", "eor_id", "eor_date", "eor_date", "eor_type", "eor_type",
            "eor_country", "eor_country", "data_id", "data_id", "gekko_archive_files", "archive_files", "tags", "tags",
            "footprint_method", "footprint_method", "dataset", "dataset", "modeDescription", "mode_description");

    public ObjectNode item(JsonNode doc, AssetHrefs hrefs) {
        String id = doc.path("id").asText();
        JsonNode met = doc.path("metadata");
        ObjectNode item = Json.object();
        item.put("type", "Feature");
        item.put("stac_version", Stac.VERSION);
        ArrayNode extensions = item.putArray("stac_extensions");
        item.put("id", id);
        Geometry footprint = Footprint.GeoJson.read(doc.path("location"));
        // GRQ lower-cases the type ("polygon"); GeoJSON spells it "Polygon"
        ObjectNode geometry = doc.path("location").deepCopy();
        geometry.put("type", footprint.getGeometryType());
        item.set("geometry", geometry);
        ArrayNode bbox = item.putArray("bbox");
        for (double v : bbox(footprint)) {
            bbox.add(v);
        }
        ObjectNode p = item.putObject("properties");
        // clients that show a title cut an id at its last dot ("...-FBDR1.5GUA" became "...-FBDR1" in STAC Browser)
        p.put("title", id);
        Instant start = IsoTime.parse(doc.path("starttime").asText());
        Instant end = IsoTime.parse(doc.path("endtime").asText());
        // datetime is what the API searches, sorts and pages by (the middle of the acquisition, from the
        // catalog's indexed times), so that an item always matches the datetime filter that found it; the
        // leader's or summary.txt's own centre time, within seconds of it, is kept beside it
        p.put("datetime", IsoTime.format(Queryables.centre(doc)));
        Instant stated = sceneCentre(met.path("alos2md"), start, end);
        p.put("alos2:scene_center_time", IsoTime.format(stated));
        p.put("start_datetime", IsoTime.format(start));
        p.put("end_datetime", IsoTime.format(end));
        if (doc.path("creation_timestamp").isTextual()) {
            p.put("created", IsoTime.format(IsoTime.parse(doc.path("creation_timestamp").asText())));
        }
        if (doc.path("@timestamp").isTextual()) {
            p.put("updated", doc.path("@timestamp").asText());
        }
        p.put("platform", "alos-2");
        p.put("constellation", "alos");
        p.putArray("instruments").add("palsar-2");
        SarFields.put(p, met);
        extensions.add(Stac.SAR);
        putSat(p, met);
        extensions.add(Stac.SAT);
        if (putView(p, met.path("alos2md"))) {
            extensions.add(Stac.VIEW);
        }
        putProcessing(p, met);
        extensions.add(Stac.PROCESSING);
        if (putProjection(p, met.path("projection"))) {
            extensions.add(Stac.PROJECTION);
        }
        putAlos2(p, met);
        p.put("alos2:dataset_type", doc.path("dataset_type").asText());
        item.putArray("links");
        if (ItemAssets.putTileLinks(item, doc, hrefs)) {
            extensions.add(Stac.WEB_MAP_LINKS);
        }
        ObjectNode assets = ItemAssets.assets(doc, new ProductFiles(doc), hrefs);
        item.set("assets", assets);
        if (assets.findValue("raster:bands") != null) {
            extensions.add(Stac.RASTER);
        }
        return item;
    }

    /**
     * Places the item in its collection ({@link StacCollections#idOf}): the {@code collection} field
     * with the link STAC requires beside it.
     */
    public static ObjectNode linkCollection(ObjectNode item, String collectionHref) {
        item.put("collection", StacCollections.idOf(item.path("properties").path("alos2:dataset_type").asText(),
                item.path("properties").path("alos2:dataset").asText()));
        Stac.link(item, "collection", collectionHref, Stac.JSON, null);
        return item;
    }

    /** RFC 7946 5.2: a footprint split at the antimeridian has a box whose west is greater than its east. */
    static double[] bbox(Geometry g) {
        Envelope all = g.getEnvelopeInternal();
        double westOfSeam = Double.NEGATIVE_INFINITY;
        double eastOfSeam = Double.POSITIVE_INFINITY;
        boolean touchesEast = false;
        boolean touchesWest = false;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Envelope e = g.getGeometryN(i).getEnvelopeInternal();
            if (e.getMaxX() >= 180) {
                touchesEast = true;
                eastOfSeam = Math.min(eastOfSeam, e.getMinX());
            } else if (e.getMinX() <= -180) {
                touchesWest = true;
                westOfSeam = Math.max(westOfSeam, e.getMaxX());
            }
        }
        if (touchesEast && touchesWest && g.getNumGeometries() > 1) {
            return new double[] {eastOfSeam, all.getMinY(), westOfSeam, all.getMaxY()};
        }
        return new double[] {all.getMinX(), all.getMinY(), all.getMaxX(), all.getMaxY()};
    }

    /** The scene centre time the leader or summary.txt gives, else the middle of the scene. */
    static Instant sceneCentre(JsonNode md, Instant start, Instant end) {
        try {
            if (md.path("scene_center_time").isTextual()) {
                return IsoTime.parse(md.path("scene_center_time").asText());
            }
            if (md.path("img_scenecenterdatetime").isTextual()) {
                return LocalDateTime.parse(md.path("img_scenecenterdatetime").asText(), SUMMARY_TIME).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            // a malformed centre time is no reason to drop the item: the middle of the scene is within 5 s of it
        }
        return start.plusMillis((end.toEpochMilli() - start.toEpochMilli()) / 2);
    }

    private static void putSat(ObjectNode p, JsonNode met) {
        if (met.path("orbitNumber").canConvertToInt()) {
            p.put("sat:absolute_orbit", met.path("orbitNumber").asInt());
        }
        if (met.path("trackNumber").canConvertToInt()) {
            p.put("sat:relative_orbit", met.path("trackNumber").asInt());
        }
        String direction = met.path("direction").asText().toLowerCase(Locale.ROOT);
        if (direction.equals("ascending") || direction.equals("descending")) {
            p.put("sat:orbit_state", direction);
        }
        p.put("sat:platform_international_designator", Stac.ALOS2_COSPAR);
    }

    private static boolean putView(ObjectNode p, JsonNode md) {
        Double offNadir = number(md, "off_nadir_angle", "img_offnadirangle");
        Double incidence = number(md, "incidence_angle");
        if (offNadir != null && offNadir >= 0 && offNadir <= 90) {
            p.put("view:off_nadir", offNadir);
        }
        if (incidence != null && incidence >= 0 && incidence <= 90) {
            p.put("view:incidence_angle", incidence);
        }
        return p.has("view:off_nadir") || p.has("view:incidence_angle");
    }

    private static void putProcessing(ObjectNode p, JsonNode met) {
        if (met.path("level").isTextual()) {
            p.put("processing:level", met.path("level").asText());
        }
        JsonNode md = met.path("alos2md");
        String facility = md.path("processing_facility").asText(md.path("lbi_processfacility").asText(""));
        if (!facility.isBlank()) {
            p.put("processing:facility", facility.strip());
        }
    }

    private static boolean putProjection(ObjectNode p, JsonNode proj) {
        if (!proj.path("epsg").canConvertToInt()) {
            return false;
        }
        int epsg = proj.path("epsg").asInt();
        p.put("proj:code", "EPSG:" + epsg);
        Wkt2.ofEpsg(epsg).ifPresent(w -> p.put("proj:wkt2", w));
        if (proj.path("shape").size() == 2) {
            p.set("proj:shape", proj.path("shape").deepCopy());
        }
        if (proj.path("transform").size() == 6) {
            p.set("proj:transform", proj.path("transform").deepCopy());
        }
        return true;
    }

    private static void putAlos2(ObjectNode p, JsonNode met) {
        JsonNode md = met.path("alos2md");
        if (met.path("frameID").canConvertToInt()) {
            p.put("alos2:frame", met.path("frameID").asInt());
        }
        String id = met.path("prod_name").asText();
        p.put("alos2:scene_id", md.path("scs_sceneid").asText(id.length() >= 21 ? id.substring(0, 21) : id));
        if (met.path("processingOption").isTextual()) {
            p.put("alos2:processing_option", met.path("processingOption").asText());
        }
        if (met.path("mapProjection").isTextual()) {
            p.put("alos2:map_projection", met.path("mapProjection").asText());
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(PASSED_ON).entrySet()) {
            JsonNode v = met.path(e.getKey());
            if (!v.isMissingNode() && !v.isNull()) {
                p.set("alos2:" + e.getValue(), v.deepCopy());
            }
        }
    }

    /** The first of these alos2md fields that holds a number (the leader's are numbers, summary.txt's text). */
    static Double number(JsonNode md, String... names) {
        for (String n : names) {
            JsonNode v = md.path(n);
            if (v.isNumber()) {
                return v.asDouble();
            }
            if (v.isTextual()) {
                try {
                    return Double.parseDouble(v.asText().strip());
                } catch (NumberFormatException e) {
                    // not a number: try the next name
                }
            }
        }
        return null;
    }
}
