package org.alos2ingest.describe;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.DatasetDefinition;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.DatasetMatch;
import org.alos2ingest.config.Json;
import org.alos2ingest.config.Settings;
import org.alos2ingest.describe.ceos.CeosDescriber;
import org.alos2ingest.format.ceos.ReadCounter;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.IsoTime;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.identify.ProductKind;
import org.alos2ingest.identify.Scene;
import org.alos2ingest.identify.SummaryFile;

/**
 * Makes the metadata of one scene: met.json from the name and summary.txt, the footprint, the times,
 * and dataset.json with the version datasets.json and the settings give its type.
 */
public final class Describer {

    /** How {@code footprint_method} names the footprint read from summary.txt's valid-data corners. */
    public static final String SUMMARY_IMAGE_CORNERS = "summary.txt Img_ImageScene corners";
    public static final String SUMMARY_FRAME_CORNERS = "summary.txt Img_FrameScene corners (raster frame)";

    private final Settings settings;
    private final DatasetDefinitions definitions;
    private final Consumer<String> warnings;
    private final ReadCounter readCounter;

    public Describer(Settings settings, DatasetDefinitions definitions, Consumer<String> warnings) {
        this(settings, definitions, warnings, new ReadCounter());
    }

    /** @param readCounter counts the bytes read from CEOS files (for {@code inspect --stats}) */
    public Describer(Settings settings, DatasetDefinitions definitions, Consumer<String> warnings, ReadCounter readCounter) {
        this.settings = settings;
        this.definitions = definitions;
        this.warnings = warnings;
        this.readCounter = readCounter;
    }

    public Description describe(Scene scene, Provenance delivery) {
        return describe(scene, delivery, null);
    }

    /** @param ceos what was already read from the scene's CEOS files, or {@code null} to read them here */
    public Description describe(Scene scene, Provenance delivery, CeosDescriber.Facts ceos) {
        String id = scene.id();
        ObjectNode met = MetJson.fromName(scene.name());
        MetJson.putPolarisations(met, scene.polarisations());

        ProductKind kind = scene.kind();
        SummaryFile summary = scene.summary().orElse(null);
        Instant start = null;
        Instant end = null;
        Footprint footprint = null;
        if (summary != null) {
            met.set("alos2md", MetJson.alos2md(summary));
            start = time(summary, "Img_SceneStartDateTime");
            end = time(summary, "Img_SceneEndDateTime");
            footprint = summaryFootprint(kind, summary);
        }
        if (kind.readsCeosFiles()) {
            if (ceos == null) {
                ceos = new CeosDescriber(settings, warnings, readCounter).describe(scene);
            }
            ObjectNode md = met.has("alos2md") ? (ObjectNode) met.get("alos2md") : met.putObject("alos2md");
            md.setAll(ceos.leaderValues());
            if (kind.ceosFirst() || start == null || end == null) {
                start = ceos.start();
                end = ceos.end();
            }
            if (kind.ceosFirst() || footprint == null) {
                footprint = ceos.footprint();
            }
        }
        if (start == null || end == null) {
            throw new DescribeException(summary == null ? scene.folder() : summary.file(),
                    "no scene start/end time: summary.txt " + (summary == null ? "is missing" : "lacks Img_SceneStartDateTime/Img_SceneEndDateTime"));
        }
        if (end.isBefore(start)) {
            throw new DescribeException(summary.file(), "scene ends (" + IsoTime.format(end) + ") before it starts (" + IsoTime.format(start) + ")");
        }
        if (footprint == null) {
            throw new DescribeException(summary == null ? scene.folder() : summary.file(),
                    "no footprint: summary.txt " + (summary == null ? "is missing" : "has no Img_ImageScene corners")
                            + " and " + kind + " geolocation is not available");
        }
        met.put("starttime", IsoTime.format(start));
        met.put("endtime", IsoTime.format(end));
        met.put("dataset", kind.datasetName(scene.summary()));
        met.put("source", "jaxa");
        met.put("archive_filename", id + ".zip");
        met.put("download_source", delivery.downloadSource());
        for (Map.Entry<String, Object> e : delivery.metadata().entrySet()) {
            met.set(e.getKey(), Json.MAPPER.valueToTree(e.getValue()));
        }

        DatasetMatch match = definitions.match("/" + id).orElseThrow(() -> new DescribeException(null,
                id + ": no definition in " + definitions.origin() + " matches this product"));
        String version = versionOf(match.definition());

        ObjectNode dataset = Json.object();
        dataset.put("version", version);
        dataset.put("label", id);
        dataset.put("starttime", IsoTime.format(start));
        dataset.put("endtime", IsoTime.format(end));
        dataset.put("creation_timestamp", IsoTime.format(Instant.now()));
        return new Description(id, match, version, met, dataset, footprint, start, end);
    }

    /** The version of a dataset type: {@code VERSION_<type>} when set, else the old system's per-format keys. */
    public String versionOf(DatasetDefinition d) {
        Optional<String> v = settings.get("VERSION_" + d.type());
        if (v.isPresent()) {
            return v.get();
        }
        String key = ProductKind.versionKey(d.level());
        return settings.get(key).orElseThrow(() -> new DescribeException(null, "no setting " + key + " for the version of " + d.type()));
    }

    private static Footprint summaryFootprint(ProductKind kind, SummaryFile summary) {
        Optional<List<LonLat>> corners = switch (kind.summaryCorners()) {
            case NONE -> Optional.empty();
            case IMAGE_SCENE -> SummaryCorners.imageScene(summary);
            case RASTER_FRAME -> SummaryCorners.imageScene(summary).or(() -> SummaryCorners.frameScene(summary));
        };
        String method = kind.summaryCorners() == ProductKind.SummaryCorners.RASTER_FRAME ? SUMMARY_FRAME_CORNERS : SUMMARY_IMAGE_CORNERS;
        return corners.map(c -> ring(summary, c, method)).orElse(null);
    }

    private static Footprint ring(SummaryFile summary, List<LonLat> corners, String method) {
        try {
            return Footprint.ofRing(corners, method);
        } catch (IllegalArgumentException e) {
            throw new DescribeException(summary.file(), "corners do not make a polygon: " + e.getMessage());
        }
    }

    private static Instant time(SummaryFile s, String key) {
        Optional<LocalDateTime> t = s.getTime(key);
        return t.map(x -> x.toInstant(ZoneOffset.UTC)).orElse(null);
    }
}
