package org.alos2ingest.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.LonLat;
import org.locationtech.jts.geom.Geometry;

/**
 * Generated ALOS-2 catalogs: scenes all over the globe (some across the antimeridian, some near the
 * poles) and across the mission's years, with swath sizes and durations by observation mode, and
 * random queries over them. For the shared catalog tests and the catalog benchmark.
 */
public final class SyntheticCatalog {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final String[] MODES = {"FBD", "FBD", "FBS", "UBS", "UBD", "HBQ", "WBD", "WBD", "WBS", "SBS", "VBD"};
    private static final LocalDate FIRST = LocalDate.of(2014, 8, 4);
    private static final int DAYS = 4200;

    private SyntheticCatalog() {
    }

    public static List<ObjectNode> documents(Random r, int n) {
        List<ObjectNode> out = new ArrayList<>(n);
        Set<String> ids = new HashSet<>();
        while (out.size() < n) {
            String mode = MODES[r.nextInt(MODES.length)];
            int orbit = 1 + r.nextInt(65000);
            int frame = r.nextInt(720) * 10;
            LocalDate date = FIRST.plusDays(r.nextInt(DAYS));
            String level = switch (r.nextInt(10)) {
                case 0, 1, 2 -> "1.1";
                case 3 -> "2.1";
                default -> "1.5";
            };
            char dir = r.nextBoolean() ? 'A' : 'D';
            char look = r.nextInt(10) == 0 ? 'L' : 'R';
            String product = mode + look + level + (level.equals("1.1") ? "__" : "GU") + dir;
            String id = String.format(Locale.ROOT, "ALOS2%05d%04d-%s-%s", orbit, frame, date.format(YYMMDD), product);
            if (level.equals("1.1") && r.nextInt(4) == 0) {
                id += "-md";
            }
            if (!ids.add(id)) {
                continue;
            }
            boolean scanSar = mode.startsWith("W") || mode.startsWith("V");
            double along = scanSar ? 3.2 + r.nextDouble() : mode.equals("SBS") ? 0.25 : 0.6 + 0.1 * r.nextDouble();
            double across = scanSar ? 3.2 + r.nextDouble() : mode.equals("SBS") ? 0.25 : mode.startsWith("U") ? 0.45 : 0.65;
            double lat = -80 + 160 * r.nextDouble();
            double lon = r.nextInt(30) == 0 ? (r.nextBoolean() ? 179.9 : -179.9) : -180 + 360 * r.nextDouble();
            Footprint fp = swath(lon, lat, along, across, (dir == 'A' ? -10 : 190) + 6 * r.nextGaussian());
            Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant().plusMillis((long) (r.nextDouble() * 86_400_000L));
            Instant end = start.plusMillis((scanSar ? 25_000 : 5_000) + r.nextInt(scanSar ? 40_000 : 6_000));
            out.add(GrqDocuments.of(id, start, end, fp, null));
        }
        return out;
    }

    /** A swath's four corners around a centre, heading degrees clockwise from north, sizes in degrees of latitude. */
    static Footprint swath(double lon, double lat, double along, double across, double heading) {
        double h = Math.toRadians(heading);
        double k = 1 / Math.max(0.15, Math.cos(Math.toRadians(lat)));
        List<LonLat> ring = new ArrayList<>();
        double[][] corners = {{-0.5, 0.5}, {0.5, 0.5}, {0.5, -0.5}, {-0.5, -0.5}};
        for (double[] c : corners) {
            double x = c[0] * across;
            double y = c[1] * along;
            double dLat = y * Math.cos(h) - x * Math.sin(h);
            double dLon = (y * Math.sin(h) + x * Math.cos(h)) * k;
            double cornerLon = lon + dLon;
            cornerLon = cornerLon > 180 ? cornerLon - 360 : cornerLon < -180 ? cornerLon + 360 : cornerLon;
            ring.add(new LonLat(cornerLon, Math.max(-89.9, Math.min(89.9, lat + dLat))));
        }
        return Footprint.ofRing(ring, "synthetic");
    }

    /** A random query: an area (sometimes across the antimeridian), a time window, and some filters. */
    public static SearchQuery query(Random r) {
        SearchQuery q = SearchQuery.all();
        if (r.nextInt(10) < 7) {
            q = q.withArea(bbox(r, 2 + 38 * r.nextDouble()));
        }
        if (r.nextBoolean()) {
            Instant from = FIRST.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds((long) (r.nextDouble() * DAYS * 86400L));
            q = q.withTime(from, from.plusSeconds(86400L + (long) (r.nextDouble() * 3 * 365 * 86400L)));
        }
        if (r.nextInt(5) == 0) {
            q = q.withLevels(Set.of(r.nextBoolean() ? "1.5" : "L1.1"));
        }
        if (r.nextInt(5) == 0) {
            q = q.withModes(Set.of(MODES[r.nextInt(MODES.length)], MODES[r.nextInt(MODES.length)]));
        }
        if (r.nextInt(8) == 0) {
            q = q.withTrack(r.nextInt(207));
        }
        if (r.nextInt(5) == 0) {
            q = q.withDirection(r.nextBoolean() ? "A" : "D");
        }
        if (r.nextInt(10) == 0) {
            q = q.withTypes(Set.of(r.nextBoolean() ? "alos2_slc" : "L2.1_geotiff"));
        }
        return q;
    }

    /** A box of about {@code size} degrees, west > east when it crosses the antimeridian. */
    public static Geometry bbox(Random r, double size) {
        double w = -180 + 360 * r.nextDouble();
        double s = -85 + (170 - size) * r.nextDouble();
        double e = w + size;
        if (e > 180) {
            e -= 360;
        }
        double east = e < w ? e + 360 : e;
        return Footprint.ofRing(List.of(new LonLat(w, s), new LonLat(east, s), new LonLat(east, s + size), new LonLat(w, s + size)), "query").geometry();
    }
}
