package org.alos2ingest.describe.ceos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.alos2ingest.geo.Ellipsoid;
import org.alos2ingest.geo.Facility5Polynomial;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.RangeDopplerGeolocator;

/**
 * The footprint of a Level 1.1 product, computed twice and compared:
 * <ol>
 *   <li>by zero-Doppler range-Doppler geolocation of the four radar corners (first/last line times,
 *       near/far slant ranges) on WGS84 from the Hermite-interpolated state vectors, as ISCE does;</li>
 *   <li>by JAXA's facility-5 pixel/line polynomial at the corner pixels, as SNAP does.</li>
 * </ol>
 * Stripmap uses the polynomial when the two agree within {@link #AGREEMENT_METRES} and the
 * range-Doppler corners (with a warning) when they do not. ScanSAR uses the union of all scans in
 * radar coordinates (earliest start, latest end, nearest and farthest range, ISCE's getBboxRdr),
 * which only range-Doppler can give; the polynomial checks the scan it describes.
 */
public final class CeosFootprint {

    public static final double AGREEMENT_METRES = 500;
    public static final String RANGE_DOPPLER = "range-Doppler";
    public static final String FACILITY5 = "facility-5 polynomial";

    /**
     * @param ring             corners in radar order: (first line, near), (first line, far), (last line, far), (last line, near)
     * @param rangeDoppler     the range-Doppler corners of the footprint's extent (all scans for ScanSAR)
     * @param facility5        the polynomial's corners of the image it refers to, when usable
     * @param checkedAgainst   the range-Doppler corners of that same image
     * @param difference       largest distance between corresponding corners of the two methods, metres, or NaN
     * @param perScan          range-Doppler corners of each scan
     */
    public record Result(Footprint footprint, String used, List<LonLat> ring, List<LonLat> rangeDoppler, Optional<List<LonLat>> facility5,
                         List<LonLat> checkedAgainst, String facility5Image, double difference, List<List<LonLat>> perScan,
                         List<String> warnings) {
    }

    private CeosFootprint() {
    }

    public static Result compute(CeosGeometry g) {
        RangeDopplerGeolocator rd = new RangeDopplerGeolocator(g.orbit(), Ellipsoid.WGS84);
        List<List<LonLat>> perScan = new ArrayList<>();
        for (RadarSwath s : g.swaths()) {
            perScan.add(corners(rd, g, s.start(), s.end(), s.nearRangeFirst(), s.farRangeFirst(), s.nearRangeLast(), s.farRangeLast()));
        }
        List<LonLat> extent;
        if (g.isScanSar()) {
            Instant t0 = g.start();
            Instant t1 = g.end();
            double near = g.swaths().stream().mapToDouble(s -> Math.min(s.nearRangeFirst(), s.nearRangeLast())).min().orElseThrow();
            double far = g.swaths().stream().mapToDouble(s -> Math.max(s.farRangeFirst(), s.farRangeLast())).max().orElseThrow();
            extent = corners(rd, g, t0, t1, near, far, near, far);
        } else {
            extent = perScan.get(0);
        }
        List<String> warnings = new ArrayList<>();
        Optional<List<LonLat>> poly = Optional.empty();
        List<LonLat> checked = List.of();
        String polyImage = null;
        double difference = Double.NaN;
        if (g.facility5().isPresent() && g.facility5Scan() >= 0) {
            RadarSwath ref = g.swaths().get(g.facility5Scan());
            Facility5Polynomial p = g.facility5().get();
            try {
                long w = ref.pixels() - 1;
                long h = ref.lines() - 1;
                poly = Optional.of(List.of(p.at(0, 0), p.at(w, 0), p.at(w, h), p.at(0, h)));
                checked = perScan.get(g.facility5Scan());
                polyImage = ref.file();
                difference = maxDistance(poly.get(), checked);
            } catch (IllegalArgumentException e) {
                warnings.add("facility-5 polynomial unusable: " + e.getMessage());
                poly = Optional.empty();
            }
        }
        String used;
        List<LonLat> ring;
        if (poly.isPresent() && !g.isScanSar() && difference <= AGREEMENT_METRES) {
            used = FACILITY5;
            ring = poly.get();
        } else {
            used = RANGE_DOPPLER;
            ring = extent;
            if (poly.isPresent() && difference > AGREEMENT_METRES) {
                warnings.add(String.format(Locale.ROOT, "the facility-5 polynomial and range-Doppler geolocation of %s differ by %.0f m "
                        + "(more than %.0f m); the footprint uses range-Doppler geolocation", polyImage, difference, AGREEMENT_METRES));
            }
        }
        String method = describe(used, g, difference);
        Footprint f = Footprint.ofRing(ring, method);
        return new Result(f, used, ring, extent, poly, checked, polyImage, difference, perScan, warnings);
    }

    private static String describe(String used, CeosGeometry g, double difference) {
        String agreement = Double.isNaN(difference) ? "no facility-5 polynomial to compare with"
                : String.format(Locale.ROOT, "the two methods agree within %.2f m", difference);
        if (used.equals(FACILITY5)) {
            return "CEOS leader facility-5 pixel/line polynomial (" + agreement + ")";
        }
        return "range-Doppler geolocation from the CEOS leader's orbit" + (g.isScanSar() ? ", union of " + g.swaths().size() + " scans" : "")
                + " (" + agreement + ")";
    }

    private static List<LonLat> corners(RangeDopplerGeolocator rd, CeosGeometry g, Instant t0, Instant t1, double near0, double far0,
                                        double near1, double far1) {
        try {
            return List.of(rd.locate(t0, near0, g.lookSide(), 0).lonLat(), rd.locate(t0, far0, g.lookSide(), 0).lonLat(),
                    rd.locate(t1, far1, g.lookSide(), 0).lonLat(), rd.locate(t1, near1, g.lookSide(), 0).lonLat());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new org.alos2ingest.describe.DescribeException(null, "range-Doppler geolocation failed: " + e.getMessage());
        }
    }

    /** Largest distance between corresponding corners, metres. */
    public static double maxDistance(List<LonLat> a, List<LonLat> b) {
        double m = 0;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            m = Math.max(m, Ellipsoid.WGS84.distance(a.get(i), b.get(i)));
        }
        return m;
    }
}
