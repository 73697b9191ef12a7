package org.alos2ingest.describe;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.identify.ProductId;
import org.alos2ingest.identify.ProductName;
import org.alos2ingest.identify.SceneId;
import org.alos2ingest.identify.SummaryFile;

/**
 * The fields of {@code <id>.met.json}, with the names existing catalogs facet on (seed-system.md 2.5),
 * typos included ({@code AcquistionMode}).
 */
public final class MetJson {

    private MetJson() {
    }

    /** The fields that come from the product name alone. */
    public static ObjectNode fromName(ProductName name) {
        SceneId s = name.scene();
        ProductId p = name.product();
        ObjectNode met = Json.object();
        met.put("prod_name", name.text());
        met.put("spacecraftName", "ALOS2");
        met.put("platform", "ALOS2");
        met.put("dataset_type", "ALOS2");
        met.put("orbitNumber", s.orbit());
        met.put("frameID", s.frame());
        met.put("trackNumber", s.pathNumber());
        met.put("prod_date", s.date().format(DateTimeFormatter.ISO_LOCAL_DATE));
        ObjectNode dfdn = met.putObject("dfdn");
        dfdn.put("AcquistionMode", p.mode().name());
        dfdn.put("LookSide", String.valueOf(p.lookSide().code()));
        met.put("lookDirection", p.lookSide().word());
        met.put("level", p.level().label());
        met.put("processingOption", String.valueOf(p.processingOption()));
        met.put("mapProjection", String.valueOf(p.mapProjection()));
        met.put("direction", p.direction().word());
        met.put("modeDescription", p.mode().description());
        return met;
    }

    public static void putPolarisations(ObjectNode met, List<String> pols) {
        ArrayNode a = met.putArray("polarisations");
        pols.forEach(a::add);
    }

    /** {@code alos2md}: every summary key lower-cased with its value, quotes removed. */
    public static ObjectNode alos2md(SummaryFile summary) {
        ObjectNode md = Json.object();
        for (Map.Entry<String, String> e : summary.entries().entrySet()) {
            md.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }
        return md;
    }
}
