package org.alos2ingest.sample.ceos;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.LookSide;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.identify.ProductFormat;
import org.alos2ingest.identify.ProductId;
import org.alos2ingest.identify.ProductKind;
import org.alos2ingest.identify.ProductName;
import org.alos2ingest.identify.SceneId;

/**
 * What a generated Level 1.1 CEOS product looks like, at its real size: the mode's range sampling
 * rate, and per image (one for stripmap, one per scan for ScanSAR) the look angles, samples per
 * line, PRF and duration. {@link #withWidth} shrinks it while keeping its ground area: samples and
 * lines are fewer and proportionally further apart, with the sampling rate and PRF written to match.
 *
 * @param samplingRate  range sampling rate of the full-size product, Hz (PALSAR-2's exact rates)
 * @param scans         one entry per image; stripmap has one, ScanSAR 5 or 7
 * @param scale         1 for the real size; k > 1 takes every k-th sample and line
 * @param sparse        write only the first and last lines of each image and extend the file to
 *                      its full length, so that a multi-GB image costs no disk
 */
public record CeosSampleSpec(ProductName name, LonLat centre, Instant centreTime, List<String> polarisations, double samplingRate,
                             List<Scan> scans, double scale, boolean sparse, String order) {

    /**
     * One image's design.
     *
     * @param offNadirNear look angle of the first sample (ScanSAR), degrees; for stripmap the look
     *                     angle of the centre sample
     * @param offNadirFar  look angle of the last sample (ScanSAR); for stripmap NaN (the width is {@code pixels})
     * @param pixels       samples per line at full size (stripmap; 0 for ScanSAR, where the angles decide)
     * @param startOffset  seconds from the product's nominal start to this image's first line
     */
    public record Scan(int number, double offNadirNear, double offNadirFar, int pixels, double prf, double duration, double startOffset) {
    }

    /** PALSAR-2's range samplers (alos2-formats.md 1.4). */
    public static final double FS_104 = 1.047915957140240E+08;
    public static final double FS_52 = 5.239579785701190E+07;
    public static final double FS_34 = 3.493053190467460E+07;
    public static final double FS_17 = 1.746526595233730E+07;

    private static final double[] SCANSAR_PRFS = {1164.7, 1455.9, 1221.3, 1387.6, 1302.2, 1250.8, 1340.1};

    public CeosSampleSpec {
        polarisations = List.copyOf(polarisations);
        scans = List.copyOf(scans);
        if (!name.level().isSupported() || !ProductKind.of(name.level(), ProductFormat.CEOS).radarGeometry()) {
            // the writer makes signal data records, in radar geometry
            throw new IllegalArgumentException("CEOS samples are Level 1.1");
        }
        if (scale < 1) {
            throw new IllegalArgumentException("a sample is at most its real size");
        }
    }

    /**
     * A product of any mode at any place: the scene centre is where the middle of the swath looks at
     * the centre time, from ALOS-2's orbit passing in the given direction.
     */
    public static CeosSampleSpec generic(ObservationMode mode, LookSide look, OrbitDirection direction, LonLat centre, LocalDateTime centreTime,
                                         int orbit, int frame) {
        ProductName name = new ProductName(new SceneId(orbit, frame, centreTime.toLocalDate()),
                ProductId.parse(mode.name() + look.code() + "1.1__" + direction.code()));
        List<String> pols = switch (mode.polarisations()) {
            case 1 -> List.of("HH");
            case 2 -> List.of("HH", "HV");
            default -> List.of("HH", "HV", "VH", "VV");
        };
        double fs;
        List<Scan> scans = new ArrayList<>();
        switch (mode) {
            case SBS -> {
                fs = FS_104;
                scans.add(new Scan(1, 35.0, Double.NaN, 10_800, 4000.0, 5, 0));
            }
            case UBS, UBD -> {
                fs = FS_104;
                scans.add(new Scan(1, 33.0, Double.NaN, 25_600, 3297.0, 10, 0));
            }
            case HBS, HBD -> {
                fs = FS_52;
                scans.add(new Scan(1, 35.0, Double.NaN, 11_200, 2800.0, 10, 0));
            }
            case HBQ -> {
                fs = FS_52;
                scans.add(new Scan(1, 25.0, Double.NaN, 9_000, 3600.0, 10, 0));
            }
            case FBS, FBD -> {
                fs = FS_34;
                scans.add(new Scan(1, 32.5, Double.NaN, 9_400, 2122.3184485, 10, 0));
            }
            case FBQ -> {
                fs = FS_34;
                scans.add(new Scan(1, 25.0, Double.NaN, 4_200, 3700.0, 10, 0));
            }
            default -> {
                fs = mode == ObservationMode.WWS || mode == ObservationMode.WWD ? FS_34 : FS_17;
                // ScanSAR: equal slices of the off-nadir span, overlapping by 0.3 degrees, starting a little apart.
                int n = mode.scans();
                double first = n == 5 ? 20.5 : 17.0;
                double last = n == 5 ? 42.5 : 47.0;
                double step = (last - first) / n;
                for (int i = 0; i < n; i++) {
                    scans.add(new Scan(i + 1, first + i * step - (i == 0 ? 0 : 0.3), first + (i + 1) * step, 0, SCANSAR_PRFS[i], 52,
                            0.05 * i));
                }
            }
        }
        Instant t = centreTime.toInstant(ZoneOffset.UTC);
        return new CeosSampleSpec(name, centre, t, pols, fs, scans, 1, false, "0000000001");
    }

    /** Real products' geometries: {@code ubs-l11} (GDAL's UBS L1.1 sample size) and {@code wbd-l11} (the ASF WBD scene's time and place). */
    public static CeosSampleSpec preset(String preset) {
        return switch (preset.toLowerCase(Locale.ROOT)) {
            case "ubs-l11", "ubs" -> generic(ObservationMode.UBS, LookSide.LEFT, OrbitDirection.DESCENDING, new LonLat(138.73, 35.36),
                    LocalDateTime.of(2020, 6, 20, 2, 44, 10, 500_000_000), 40368, 4200).withOrder("0000000000");
            case "wbd-l11", "wbd" -> generic(ObservationMode.WBD, LookSide.RIGHT, OrbitDirection.DESCENDING, new LonLat(-111.464, 23.208),
                    LocalDateTime.of(2023, 3, 31, 19, 21, 12, 0), 47812, 3150).withOrder("0000000002");
            default -> throw new IllegalArgumentException("unknown Level 1.1 preset '" + preset + "' (ubs-l11 or wbd-l11)");
        };
    }

    public boolean isScanSar() {
        return scans.size() > 1;
    }

    /** The same ground area with the first image {@code width} samples wide (lines scaled alike). */
    public CeosSampleSpec withWidth(int width) {
        if (width < 16) {
            throw new IllegalArgumentException("a sample image is at least 16 samples wide");
        }
        return withScale(Math.max(1, fullPixelsEstimate() / (double) width));
    }

    /** Every {@code k}-th sample and line of the real product. */
    public CeosSampleSpec withScale(double k) {
        return new CeosSampleSpec(name, centre, centreTime, polarisations, samplingRate, scans, k, sparse, order);
    }

    /** Writes only the first and last line of each image, the rest a hole of the file (see {@link #sparse}). */
    public CeosSampleSpec withSparse(boolean s) {
        return new CeosSampleSpec(name, centre, centreTime, polarisations, samplingRate, scans, scale, s, order);
    }

    public CeosSampleSpec withOrder(String o) {
        return new CeosSampleSpec(name, centre, centreTime, polarisations, samplingRate, scans, scale, sparse, o);
    }

    public CeosSampleSpec withPolarisations(List<String> p) {
        return new CeosSampleSpec(name, centre, centreTime, p, samplingRate, scans, scale, sparse, order);
    }

    /**
     * The range sampling rate as written to the leader: the real rate divided by the scale,
     * rounded to the 0.1 Hz the field holds, so that reader and writer use the same number.
     */
    public double writtenSamplingRate() {
        return Math.round(samplingRate / scale * 10) / 10.0;
    }

    /** Slant-range sample spacing, metres. */
    public double rangeSpacing() {
        return org.alos2ingest.describe.ceos.CeosGeometry.C / (2 * writtenSamplingRate());
    }

    private double fullPixelsEstimate() {
        Scan s = scans.get(0);
        if (s.pixels() > 0) {
            return s.pixels();
        }
        // ScanSAR: the first scan's slant extent on a sphere, at full sampling.
        double a = CircularOrbit.ALOS2_RADIUS;
        double r = 6371000;
        return (SampleGeometry.slantRange(a, r, s.offNadirFar()) - SampleGeometry.slantRange(a, r, s.offNadirNear()))
                / (org.alos2ingest.describe.ceos.CeosGeometry.C / (2 * samplingRate));
    }

    /** The delivery zip's name, as JAXA names it: {@code <order>_<item>_<scene>.zip}. */
    public String deliveryName() {
        return order + "_001001_" + name.scene().text() + ".zip";
    }

    public ObservationMode mode() {
        return name.product().mode();
    }

    public LookSide lookSide() {
        return name.product().lookSide();
    }
}
