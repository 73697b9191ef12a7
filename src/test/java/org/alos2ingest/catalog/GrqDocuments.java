package org.alos2ingest.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.DatasetMatch;
import org.alos2ingest.config.Json;
import org.alos2ingest.config.Settings;
import org.alos2ingest.describe.Describer;
import org.alos2ingest.describe.Description;
import org.alos2ingest.describe.MetJson;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.IsoTime;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.identify.ProductName;

/**
 * GRQ documents made by the real code path (met.json from the product name, datasets.json match,
 * {@link GrqDocument#build}), with the real summary.txt of the FBD fixture as {@code alos2md}, so
 * that catalog tests and the benchmark index what an ingest indexes.
 */
public final class GrqDocuments {

    public static final DatasetDefinitions DEFINITIONS = DatasetDefinitions.load(null);
    public static final Settings SETTINGS = Settings.load(null, Map.of("ALOS2_INGEST_HOME", "/data/alos2"));
    private static final Map<String, String> SUMMARY = fixtureSummary();

    private GrqDocuments() {
    }

    /**
     * @param name    a product name ({@code ALOS2146686640-170209-FBDR1.5GUA}), with {@code -md} for an archive dataset
     * @param ring    footprint corners as lon, lat pairs (crossing the antimeridian is split as an ingest splits it)
     */
    public static ObjectNode of(String name, String start, String end, double... ring) {
        List<LonLat> corners = new ArrayList<>();
        for (int i = 0; i + 1 < ring.length; i += 2) {
            corners.add(new LonLat(ring[i], ring[i + 1]));
        }
        return of(name, IsoTime.parse(start), IsoTime.parse(end), Footprint.ofRing(corners, "test"), null);
    }

    /** @param version the dataset version, or null for the one settings give its type */
    public static ObjectNode of(String name, Instant start, Instant end, Footprint footprint, String version) {
        boolean md = name.endsWith("-md");
        ProductName product = ProductName.parse(md ? name.substring(0, name.length() - 3) : name);
        ObjectNode met = MetJson.fromName(product);
        MetJson.putPolarisations(met, List.of("HH", "HV"));
        ObjectNode alos2md = met.putObject("alos2md");
        SUMMARY.forEach(alos2md::put);
        alos2md.put("scs_sceneid", product.scene().text());
        alos2md.put("pds_productid", product.product().text());
        met.put("starttime", IsoTime.format(start));
        met.put("endtime", IsoTime.format(end));
        met.put("dataset", "ALOS2_GeoTIFF");
        met.put("source", "jaxa");
        met.put("archive_filename", name + ".zip");
        met.put("download_source", "https://example.invalid/orders/" + name + ".zip");
        DatasetMatch match = DEFINITIONS.match("/" + name).orElseThrow(() -> new IllegalArgumentException("no dataset type for " + name));
        String v = version != null ? version : new Describer(SETTINGS, DEFINITIONS, w -> { }).versionOf(match.definition());
        ObjectNode dataset = Json.object();
        dataset.put("version", v);
        dataset.put("label", name);
        dataset.put("starttime", IsoTime.format(start));
        dataset.put("endtime", IsoTime.format(end));
        dataset.put("creation_timestamp", IsoTime.format(end.plusSeconds(3600)));
        Description d = new Description(name, match, v, met, dataset, footprint, start, end);
        List<String> urls = match.publishUrls(SETTINGS, v, dataset, met, "localhost");
        List<String> browse = match.browseUrls(SETTINGS, v, dataset, met, "localhost");
        List<GrqDocument.Image> images = List.of(new GrqDocument.Image("HH.browse.png", "HH.browse_small.png", "HH"));
        return GrqDocument.build(d, urls, browse, images, null, null);
    }

    private static Map<String, String> fixtureSummary() {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = GrqDocuments.class.getResourceAsStream("/fixtures/geotiff-l15/ALOS2146686640-170209/summary.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    out.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), line.substring(eq + 1).strip().replace("\"", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
