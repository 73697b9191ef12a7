package org.alos2ingest.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.alos2ingest.cli.input.AcquisitionCodes;
import org.alos2ingest.cli.input.Choices;
import org.alos2ingest.cli.input.IsoDateTime;
import org.alos2ingest.cli.input.PlaceOption;
import org.alos2ingest.cli.input.WholeNumbers;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.LookSide;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.identify.ProcessingLevel;
import org.alos2ingest.sample.SampleDelivery;
import org.alos2ingest.sample.SampleProduct;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.sample.ceos.CeosSampleDelivery;
import org.alos2ingest.sample.ceos.CeosSampleProduct;
import org.alos2ingest.sample.ceos.CeosSampleSpec;
import org.alos2ingest.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Writes realistic ALOS-2 deliveries for trying and testing alos2-ingest: "
                + "<order>_<item>_<scene>.zip holding UInt16 GeoTIFF images (DN 0 outside a rotated swath), "
                + "LUT, BRS browse, KML and a summary.txt consistent with the rasters.",
                "Presets reproduce the two real products of the fixtures (fbd: 14060 x 13684 px FBD L1.5, "
                + "ubs: 27964 x 31459 px UBS L1.5); otherwise the mode, level and place are chosen freely.",
                "--level 1.1 writes a CEOS Level 1.1 product (VOL, LED, IMG per polarisation and, for ScanSAR, per "
                + "scan -F1.., TRL, BRS, summary.txt) from a simulated ALOS-2 orbit; presets ubs-l11 (25600 x 32971, "
                + "6.8 GB per image) and wbd-l11 (ScanSAR, 5 scans). --full-size writes the real size with sparse images."})
public final class SampleCommand implements Callable<Integer> {

    @Option(names = "--preset", paramLabel = "NAME", converter = Choices.SamplePreset.class,
            description = "fbd or ubs (Level 1.5 GeoTIFF), ubs-l11 or wbd-l11 (Level 1.1 CEOS): the geometry of a real product.")
    String preset;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "FBD", converter = AcquisitionCodes.Mode.class,
            description = "Observation mode code (default: ${DEFAULT-VALUE}).")
    ObservationMode mode;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "1.5", converter = AcquisitionCodes.Level.class,
            description = "Processing level: 1.1, 1.5 or 2.1 (default: ${DEFAULT-VALUE}).")
    ProcessingLevel level;

    @Option(names = "--look", paramLabel = "SIDE", defaultValue = "R", converter = AcquisitionCodes.Look.class,
            description = "Look side, R or L (default: ${DEFAULT-VALUE}).")
    LookSide look;

    @Option(names = "--direction", paramLabel = "DIR", defaultValue = "A", converter = AcquisitionCodes.Direction.class,
            description = "Orbit direction, A or D (default: ${DEFAULT-VALUE}).")
    OrbitDirection direction;

    @Option(names = "--projection", paramLabel = "U|P", defaultValue = "U", converter = Choices.Projection.class,
            description = "U (UTM) or P (polar stereographic) (default: ${DEFAULT-VALUE}).")
    String projection;

    @Option(names = "--centre", paramLabel = "LAT,LON", defaultValue = "35.36,138.73", converter = PlaceOption.class,
            description = "Swath centre (default: ${DEFAULT-VALUE}).")
    LonLat centre;

    @Option(names = "--time", paramLabel = "UTC", defaultValue = "2024-01-01T03:12:30.250", converter = IsoDateTime.Utc.class,
            description = "Scene centre time, ISO 8601 UTC (default: ${DEFAULT-VALUE}).")
    LocalDateTime time;

    @Option(names = "--orbit", paramLabel = "N", defaultValue = "51234", converter = WholeNumbers.OrbitNumber.class,
            description = "Absolute orbit number (default: ${DEFAULT-VALUE}).")
    int orbit;

    @Option(names = "--frame", paramLabel = "N", defaultValue = "2900", converter = WholeNumbers.FrameNumber.class,
            description = "Frame number (default: ${DEFAULT-VALUE}).")
    int frame;

    @Option(names = "--width", paramLabel = "PIXELS", converter = WholeNumbers.Pixels.class,
            description = "Raster width; the ground area stays the same and the pixel spacing follows (default: 1000).")
    Integer width;

    @Option(names = "--full-size", description = "Write the product at its real size (e.g. 14060 x 13684 for fbd).")
    boolean fullSize;

    @Option(names = "--holes", paramLabel = "N", defaultValue = "0", converter = WholeNumbers.Count.class,
            description = "No-data holes (lakes, shadow) inside the swath (default: ${DEFAULT-VALUE}).")
    int holes;

    @Option(names = "--ragged", paramLabel = "PIXELS", defaultValue = "0", converter = WholeNumbers.Count.class,
            description = "How far swath edges wander per row (default: ${DEFAULT-VALUE}).")
    int ragged;

    @Option(names = "--zip-level", paramLabel = "0-9", defaultValue = "6", converter = WholeNumbers.DeflateLevel.class,
            description = "Deflate level 0-9 of the delivery zip (default: ${DEFAULT-VALUE}).")
    int zipLevel;

    @Option(names = "--folder", description = "Write the unzipped product folder instead of a delivery zip.")
    boolean folder;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = ".", description = "Where to write (default: current folder).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (isLevel11()) {
            return writeCeos();
        }
        SampleSpec s = spec();
        Files.createDirectories(out);
        if (folder) {
            Path dir = out.resolve(s.name().text());
            new SampleProduct(s).write(dir);
            System.out.println(dir);
        } else {
            Path zip = SampleDelivery.write(List.of(s), out.resolve(s.deliveryName()), zipLevel);
            System.out.printf(Locale.ROOT, "%s (%s, %d x %d px, %.3f m)%n", zip, s.name().text(), s.width(), s.height(), s.pixelSpacing());
        }
        return Main.OK;
    }

    private boolean isLevel11() {
        return preset != null ? preset.endsWith("-l11") : level == ProcessingLevel.L1_1;
    }

    private Integer writeCeos() throws IOException {
        CeosSampleSpec s = ceosSpec();
        Files.createDirectories(out);
        if (folder) {
            Path dir = out.resolve(s.name().text());
            CeosSampleProduct product = new CeosSampleProduct(s);
            product.write(dir, Progress.forTerminal());
            System.out.println(dir + describe(product));
        } else {
            Path zip = CeosSampleDelivery.write(s, out.resolve(s.deliveryName()), zipLevel, Progress.forTerminal());
            System.out.println(zip + describe(new CeosSampleProduct(s)));
        }
        return Main.OK;
    }

    private static String describe(CeosSampleProduct p) {
        StringBuilder sb = new StringBuilder(" (" + p.geometry().spec().name().text());
        for (var im : p.geometry().images()) {
            sb.append(String.format(Locale.ROOT, ", %s%d x %d px", p.geometry().images().size() > 1 ? "F" + im.scan() + " " : "", im.pixels(), im.lines()));
        }
        return sb.append(p.geometry().spec().sparse() ? ", sparse images)" : ")").toString();
    }

    CeosSampleSpec ceosSpec() {
        try {
            if (holes != 0 || ragged != 0) {
                throw new IllegalArgumentException("--holes and --ragged apply to GeoTIFF samples, not Level 1.1");
            }
            CeosSampleSpec s;
            if (preset != null) {
                s = CeosSampleSpec.preset(preset);
            } else {
                s = CeosSampleSpec.generic(mode, look, direction, centre, time, orbit, frame);
            }
            if (fullSize) {
                if (width != null) {
                    throw new IllegalArgumentException("give --width or --full-size, not both");
                }
                return s.withSparse(true);
            }
            return s.withWidth(width != null ? width : s.isScanSar() ? 100 : 800);
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), Errors.oneLine(e), e, null, null);
        }
    }

    SampleSpec spec() {
        try {
            SampleSpec s;
            if (preset != null) {
                s = SampleSpec.preset(preset);
            } else {
                s = SampleSpec.generic(mode, level, look.code(), direction, projection.charAt(0), centre, time, orbit, frame);
            }
            if (!fullSize) {
                s = s.withWidth(width != null ? width : Math.min(1000, s.width()));
            } else if (width != null) {
                throw new IllegalArgumentException("give --width or --full-size, not both");
            }
            return s.withDefects(holes, ragged);
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), Errors.oneLine(e), e);
        }
    }
}
