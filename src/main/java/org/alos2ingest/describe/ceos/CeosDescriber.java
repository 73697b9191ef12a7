package org.alos2ingest.describe.ceos;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.config.Settings;
import org.alos2ingest.describe.DescribeException;
import org.alos2ingest.describe.SummaryCorners;
import org.alos2ingest.format.ceos.CeosProduct;
import org.alos2ingest.format.ceos.DatasetSummaryRecord;
import org.alos2ingest.format.ceos.MapProjectionRecord;
import org.alos2ingest.format.ceos.PlatformPositionRecord;
import org.alos2ingest.format.ceos.ProcessedDataRecord;
import org.alos2ingest.format.ceos.ReadCounter;
import org.alos2ingest.geo.Ellipsoid;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.IsoTime;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.identify.Scene;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * What the CEOS files of a product say for its metadata: sensing times, footprint and the leader's
 * key values. Level 1.1 is geolocated natively ({@link CeosFootprint}), or taken from BOS SARCAT
 * when that optional service is configured and answers. Level 1.5 CEOS falls back on the map
 * projection record's frame corners and the image lines' times, for products without summary.txt.
 */
public final class CeosDescriber {

    /**
     * @param leaderValues fields for met.json's {@code alos2md}
     * @param geolocation  both methods' corners and how they compare (Level 1.1)
     */
    public record Facts(Instant start, Instant end, Footprint footprint, ObjectNode leaderValues, CeosProduct product,
                        Optional<CeosGeometry> geometry, Optional<CeosFootprint.Result> geolocation, Optional<SarcatLookup.Answer> sarcat) {
    }

    static final double SUMMARY_AGREEMENT_METRES = 1000;

    private final Settings settings;
    private final Consumer<String> warnings;
    private final ReadCounter counter;

    public CeosDescriber(Settings settings, Consumer<String> warnings, ReadCounter counter) {
        this.settings = settings;
        this.warnings = warnings;
        this.counter = counter;
    }

    public Facts describe(Scene scene) {
        CeosProduct p = CeosProduct.read(scene, counter);
        p.notes().forEach(n -> warnings.accept(scene.id() + ": " + n));
        if (scene.kind().radarGeometry()) {
            return singleLook(scene, p);
        }
        return processed(scene, p);
    }

    private Facts singleLook(Scene scene, CeosProduct p) {
        CeosGeometry g = CeosGeometry.of(p);
        g.notes().forEach(n -> warnings.accept(scene.id() + ": " + n));
        CeosFootprint.Result r = CeosFootprint.compute(g);
        r.warnings().forEach(w -> warnings.accept(scene.id() + ": " + w));
        Footprint footprint = r.footprint();
        Optional<SarcatLookup.Answer> sarcat = Optional.empty();
        Optional<SarcatLookup> lookup = SarcatLookup.fromSettings(settings);
        if (lookup.isPresent()) {
            String sceneId = scene.name().scene().text();
            try {
                sarcat = lookup.get().find(sceneId);
                if (sarcat.isEmpty()) {
                    warnings.accept(scene.id() + ": BOS SARCAT at " + lookup.get().base() + " knows no scene " + sceneId
                            + "; using native geolocation");
                }
            } catch (IOException | RuntimeException e) {
                warnings.accept(scene.id() + ": BOS SARCAT at " + lookup.get().base() + " did not answer (" + e.getMessage()
                        + "); using native geolocation");
            }
            if (sarcat.isPresent()) {
                footprint = sarcat.get().footprint();
                double off = offset(r.ring(), footprint);
                if (off > CeosFootprint.AGREEMENT_METRES) {
                    warnings.accept(String.format(Locale.ROOT, "%s: the BOS SARCAT footprint lies up to %.0f m from the native geolocation; "
                            + "using BOS SARCAT's as configured", scene.id(), off));
                }
            }
        }
        ObjectNode values = leaderValues(p, g.start(), g.end());
        ObjectNode geo = values.putObject("geolocation");
        scene.summary().flatMap(SummaryCorners::imageScene).ifPresent(c -> {
            double d = nearestCornerDistance(c, r.ring());
            geo.put("summary_corners_difference_m", Math.round(d * 10) / 10.0);
            // summary.txt rounds to 0.001 degrees (about 110 m): only a larger difference means something.
            if (d > SUMMARY_AGREEMENT_METRES) {
                warnings.accept(String.format(Locale.ROOT, "%s: summary.txt's corners lie up to %.0f m from the geolocated footprint",
                        scene.id(), d));
            }
        });
        geo.put("footprint_source", sarcat.isPresent() ? "bos_sarcat" : r.used());
        geo.put("native_method", r.used());
        if (!Double.isNaN(r.difference())) {
            geo.put("methods_difference_m", Math.round(r.difference() * 1000) / 1000.0);
            geo.put("facility5_image", r.facility5Image());
        }
        geo.set("range_doppler_corners", corners(r.rangeDoppler()));
        r.facility5().ifPresent(c -> geo.set("facility5_corners", corners(c)));
        values.put("source", sarcat.isPresent() ? "bos_sarcat" : "ceos_leader");
        sarcat.ifPresent(a -> values.set("sarcat", a.properties()));
        if (g.isScanSar()) {
            ArrayNode scans = values.putArray("scans");
            for (RadarSwath s : g.swaths()) {
                ObjectNode o = scans.addObject();
                o.put("file", s.file());
                o.put("scan", s.scan());
                o.put("start_time", IsoTime.format(s.start()));
                o.put("stop_time", IsoTime.format(s.end()));
                o.put("prf", s.prf());
                o.put("number_of_lines", s.lines());
                o.put("number_of_pixels", s.pixels());
                o.put("near_range_m", s.nearRangeFirst());
                o.put("far_range_m", s.farRangeFirst());
            }
        } else {
            RadarSwath s = g.swaths().get(0);
            values.put("number_of_lines", s.lines());
            values.put("number_of_pixels", s.pixels());
            values.put("near_range_m", s.nearRangeFirst());
            values.put("far_range_m", s.farRangeFirst());
        }
        values.put("range_pixel_spacing_m", g.swaths().get(0).rangeSpacing());
        return new Facts(g.start(), g.end(), footprint, values, p, Optional.of(g), Optional.of(r), sarcat);
    }

    private Facts processed(Scene scene, CeosProduct p) {
        List<Instant> times = new ArrayList<>();
        for (CeosProduct.Image img : p.images()) {
            img.file().firstProcessed().flatMap(ProcessedDataRecord::time).ifPresent(times::add);
            img.file().lastProcessed().flatMap(ProcessedDataRecord::time).ifPresent(times::add);
        }
        Instant start = times.stream().min(Instant::compareTo).orElse(null);
        Instant end = times.stream().max(Instant::compareTo).orElse(null);
        if (start == null) {
            Optional<Instant> centre = p.leader().datasetSummary().sceneCenterTime();
            start = centre.orElse(null);
            end = start;
        }
        Footprint footprint = null;
        Optional<MapProjectionRecord> mp = p.leader().mapProjection();
        Optional<List<double[]>> c = mp.flatMap(MapProjectionRecord::geographicCorners);
        if (c.isPresent()) {
            List<LonLat> ring = new ArrayList<>();
            for (double[] latLon : c.get()) {
                ring.add(new LonLat(latLon[1], latLon[0]));
            }
            try {
                footprint = Footprint.ofRing(ring, "CEOS leader map projection record corners (raster frame)");
            } catch (IllegalArgumentException e) {
                throw new DescribeException(p.leader().file(), "map projection corners do not make a polygon: " + e.getMessage());
            }
        }
        ObjectNode values = leaderValues(p, start, end);
        values.put("source", "ceos_leader");
        return new Facts(start, end, footprint, values, p, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The leader's key values, with the names the old system's Level 1.1 metadata used where it had one. */
    static ObjectNode leaderValues(CeosProduct p, Instant start, Instant end) {
        DatasetSummaryRecord d = p.leader().datasetSummary();
        PlatformPositionRecord pp = p.leader().platformPosition();
        ObjectNode o = Json.object();
        o.put("satellite_name", "ALOS2");
        o.put("absolute_orbit", d.record().integer(DatasetSummaryRecord.ORBIT).orElse((long) p.name().scene().orbit()));
        o.put("frame", p.name().scene().frame());
        o.put("flight_direction", d.passDirection().orElse(p.name().product().direction()).code() == 'A' ? "asc" : "dsc");
        if (start != null) {
            o.put("start_time", IsoTime.format(start));
            o.put("stop_time", IsoTime.format(end));
        }
        d.sceneCenterTime().ifPresent(t -> o.put("scene_center_time", IsoTime.format(t)));
        d.centreLatitude().ifPresent(v -> o.put("scene_center_latitude", v));
        d.centreLongitude().ifPresent(v -> o.put("scene_center_longitude", v));
        d.incidenceAngle().ifPresent(v -> o.put("incidence_angle", v));
        d.offNadirAngle().ifPresent(v -> o.put("off_nadir_angle", v));
        d.prfHz().ifPresent(v -> o.put("prf", v));
        d.samplingRateHz().ifPresent(v -> o.put("range_sampling_rate", v));
        d.processingFacility().ifPresent(v -> o.put("processing_facility", v));
        d.record().text(DatasetSummaryRecord.PROCESSING_SYSTEM).ifPresent(v -> o.put("processing_system", v));
        d.record().text(DatasetSummaryRecord.PROCESSING_VERSION).ifPresent(v -> o.put("processing_version", v));
        o.put("orbit_precision", pp.precision());
        pp.referenceSystem().ifPresent(v -> o.put("orbit_reference_frame", v));
        d.lookSide().ifPresent(v -> o.put("look_side", v.word()));
        d.record().real(DatasetSummaryRecord.CLOCK_ANGLE).ifPresent(v -> o.put("clock_angle", v));
        d.passDirection().ifPresent(v -> o.put("pass_direction", v.word()));
        d.record().real(DatasetSummaryRecord.WAVELENGTH).ifPresent(v -> o.put("wavelength_m", v));
        d.productLevel().ifPresent(v -> o.put("product_level", v));
        d.record().text(DatasetSummaryRecord.PRODUCT_TYPE).ifPresent(v -> o.put("product_type", v));
        d.record().text(DatasetSummaryRecord.SENSOR_ID).ifPresent(v -> o.put("sensor_id", v));
        d.operationMode().ifPresent(v -> o.put("operation_mode", v));
        p.leader().radiometric().flatMap(r -> r.calibrationFactor()).ifPresent(v -> o.put("calibration_factor_db", v));
        return o;
    }

    private static ArrayNode corners(List<LonLat> ring) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (LonLat c : ring) {
            a.addArray().add(round(c.lon())).add(round(c.lat()));
        }
        return a;
    }

    private static double round(double v) {
        return Math.round(v * 1e7) / 1e7;
    }

    /** Largest distance in metres from one of {@code corners} to the nearest of {@code ring}'s vertices. */
    static double nearestCornerDistance(List<LonLat> corners, List<LonLat> ring) {
        double max = 0;
        for (LonLat c : corners) {
            double best = Double.MAX_VALUE;
            for (LonLat v : ring) {
                best = Math.min(best, Ellipsoid.WGS84.distance(c, v));
            }
            max = Math.max(max, best);
        }
        return max;
    }

    /** Largest distance in metres from a native corner to the other footprint's outline. */
    static double offset(List<LonLat> corners, Footprint other) {
        GeometryFactory gf = new GeometryFactory();
        double max = 0;
        for (LonLat c : corners) {
            Coordinate[] near = DistanceOp.nearestPoints(other.geometry().getBoundary(), gf.createPoint(new Coordinate(c.lon(), c.lat())));
            max = Math.max(max, Ellipsoid.WGS84.distance(c, new LonLat(near[0].x, near[0].y)));
        }
        return max;
    }
}
