package org.alos2ingest.stac;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.DatasetTypeSummary;
import org.alos2ingest.config.DatasetDefinition;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Json;
import org.alos2ingest.config.Settings;
import org.alos2ingest.geo.IsoTime;

/**
 * One STAC Collection per kind of dataset: each datasets.json type, with Level 1.5 CEOS products
 * apart from the GeoTIFF ones they share a type with ({@code L1.5_ceos}). Extents and summaries come
 * from {@link org.alos2ingest.catalog.Catalog#typeSummaries()}; license and providers from the
 * settings ({@code STAC_LICENSE}, {@code STAC_LICENSE_URL}, {@code STAC_HOST_NAME}, {@code STAC_HOST_URL}).
 */
public final class StacCollections {

    private static final Map<String, String[]> KNOWN = Map.of(
            "alos2_slc", new String[] {"ALOS-2 PALSAR-2 Level 1.1 SLC",
                "Single-look complex slant-range products in JAXA's CEOS format, footprints computed from their orbits."},
            "alos2_slc_md", new String[] {"ALOS-2 PALSAR-2 Level 1.1 archive metadata",
                "Metadata of Level 1.1 scenes cataloged where they lie in an archive; the files are listed in alos2:archive_files."},
            "L1.5_geotiff", new String[] {"ALOS-2 PALSAR-2 Level 1.5 GeoTIFF",
                "Multi-look ground-range products map-projected (UTM or UPS), in GeoTIFF."},
            "L2.1_geotiff", new String[] {"ALOS-2 PALSAR-2 Level 2.1 GeoTIFF",
                "Orthorectified products in GeoTIFF; footprints are the outline of the valid data."},
            "L1.5_ceos", new String[] {"ALOS-2 PALSAR-2 Level 1.5 CEOS",
                "Multi-look ground-range map-projected products in JAXA's CEOS format."});

    private final Settings settings;

    public StacCollections(Settings settings) {
        this.settings = settings;
    }

    /** The collection of a catalog document. */
    public static String idOf(JsonNode doc) {
        return idOf(doc.path("dataset_type").asText(), doc.path("metadata").path("dataset").asText());
    }

    /** A type's collection; a CEOS Level 1.5 product (met.json {@code dataset} ALOS2_CEOS) of a GeoTIFF type has its own. */
    public static String idOf(String type, String dataset) {
        if ("ALOS2_CEOS".equals(dataset) && type.toLowerCase(Locale.ROOT).contains("geotiff")) {
            return type.replaceAll("(?i)geotiff", "ceos");
        }
        return type;
    }

    /**
     * Every collection: one per datasets.json type (and Level 1.5 CEOS), empty ones included, and
     * any other kind the catalog holds; in datasets.json order.
     */
    public List<ObjectNode> collections(DatasetDefinitions definitions, List<DatasetTypeSummary> summaries) {
        Map<String, String> levels = new LinkedHashMap<>();
        for (DatasetDefinition d : definitions.all()) {
            levels.putIfAbsent(d.type(), d.level());
            if (d.level().equalsIgnoreCase("l1.5") && d.type().toLowerCase(Locale.ROOT).contains("geotiff")) {
                levels.putIfAbsent(idOf(d.type(), "ALOS2_CEOS"), d.level());
            }
        }
        Map<String, List<DatasetTypeSummary>> byId = new LinkedHashMap<>();
        levels.keySet().forEach(id -> byId.put(id, new ArrayList<>()));
        for (DatasetTypeSummary s : summaries) {
            byId.computeIfAbsent(idOf(s.type(), s.dataset()), k -> new ArrayList<>()).add(s);
        }
        List<ObjectNode> out = new ArrayList<>();
        byId.forEach((id, s) -> out.add(collection(id, s, levels.getOrDefault(id, ""))));
        return out;
    }

    /**
     * One collection from what the catalog holds of it (possibly nothing).
     *
     * @param level the datasets.json level ({@code l1.5}), for the summaries of an empty collection
     */
    public ObjectNode collection(String id, Collection<DatasetTypeSummary> stats, String level) {
        String[] known = KNOWN.getOrDefault(id, new String[] {"ALOS-2 PALSAR-2 " + id, "ALOS-2 PALSAR-2 datasets of type " + id + "."});
        ObjectNode c = Json.object();
        c.put("type", "Collection");
        c.put("stac_version", Stac.VERSION);
        ArrayNode ext = c.putArray("stac_extensions");
        Stac.COLLECTION_EXTENSIONS.forEach(ext::add);
        c.put("id", id);
        c.put("title", known[0]);
        c.put("description", known[1] + " From JAXA's ALOS-2 (DAICHI-2) L-band radar PALSAR-2.");
        c.putArray("keywords").add("ALOS-2").add("PALSAR-2").add("SAR").add("L-band").add("JAXA");
        c.put("license", setting("STAC_LICENSE").orElse("other"));
        ArrayNode providers = c.putArray("providers");
        ObjectNode jaxa = providers.addObject();
        jaxa.put("name", "JAXA (Japan Aerospace Exploration Agency)");
        jaxa.putArray("roles").add("producer").add("licensor");
        jaxa.put("url", "https://global.jaxa.jp/");
        ObjectNode host = providers.addObject();
        host.put("name", setting("STAC_HOST_NAME").orElse("alos2-ingest"));
        host.putArray("roles").add("host").add("processor");
        setting("STAC_HOST_URL").ifPresent(u -> host.put("url", u));
        putExtent(c.putObject("extent"), stats);
        putSummaries(c.putObject("summaries"), stats, level);
        c.putArray("links");
        setting("STAC_LICENSE_URL").ifPresent(u -> Stac.link(c, "license", u, Stac.HTML, "Terms of use"));
        return c;
    }

    private static void putExtent(ObjectNode extent, Collection<DatasetTypeSummary> stats) {
        double w = 180;
        double s = 90;
        double e = -180;
        double n = -90;
        String start = null;
        String end = null;
        for (DatasetTypeSummary t : stats) {
            w = Math.min(w, t.west());
            s = Math.min(s, t.south());
            e = Math.max(e, t.east());
            n = Math.max(n, t.north());
            start = start == null || IsoTime.format(t.start()).compareTo(start) < 0 ? IsoTime.format(t.start()) : start;
            end = end == null || IsoTime.format(t.end()).compareTo(end) > 0 ? IsoTime.format(t.end()) : end;
        }
        ArrayNode box = extent.putObject("spatial").putArray("bbox").addArray();
        if (stats.isEmpty()) {
            box.add(-180).add(-90).add(180).add(90);
        } else {
            // the R*Tree's outward rounding may step past the world's edges
            box.add(Math.max(-180, w)).add(Math.max(-90, s)).add(Math.min(180, e)).add(Math.min(90, n));
        }
        ArrayNode interval = extent.putObject("temporal").putArray("interval").addArray();
        if (start == null) {
            interval.addNull().addNull();
        } else {
            interval.add(start).add(end);
        }
    }

    private static void putSummaries(ObjectNode s, Collection<DatasetTypeSummary> stats, String level) {
        s.putArray("platform").add("alos-2");
        s.putArray("constellation").add("alos");
        s.putArray("instruments").add("palsar-2");
        s.putArray("sar:frequency_band").add("L");
        ArrayNode modes = s.putArray("sar:instrument_mode");
        ArrayNode pols = s.putArray("sar:polarizations");
        ArrayNode states = s.putArray("sat:orbit_state");
        ArrayNode levels = s.putArray("processing:level");
        java.util.SortedSet<String> m = new java.util.TreeSet<>();
        java.util.SortedSet<String> p = new java.util.TreeSet<>();
        java.util.SortedSet<String> d = new java.util.TreeSet<>();
        java.util.SortedSet<String> l = new java.util.TreeSet<>();
        for (DatasetTypeSummary t : stats) {
            m.addAll(t.modes());
            p.addAll(t.polarisations());
            t.directions().forEach(x -> d.add(x.toLowerCase(Locale.ROOT)));
            l.addAll(t.levels());
        }
        if (l.isEmpty() && !level.isEmpty()) {
            l.add(level.toUpperCase(Locale.ROOT));
        }
        m.forEach(modes::add);
        p.retainAll(java.util.Set.of("HH", "HV", "VH", "VV"));
        p.forEach(pols::add);
        d.retainAll(java.util.Set.of("ascending", "descending"));
        d.forEach(states::add);
        l.forEach(levels::add);
        s.putArray("sat:platform_international_designator").add(Stac.ALOS2_COSPAR);
        // a summary is a non-empty list: an empty collection has no modes to list
        java.util.List<String> empty = new java.util.ArrayList<>();
        s.fields().forEachRemaining(f -> {
            if (f.getValue().isEmpty()) {
                empty.add(f.getKey());
            }
        });
        s.remove(empty);
    }

    private Optional<String> setting(String key) {
        return settings.get(key).map(String::strip).filter(v -> !v.isEmpty());
    }
}
