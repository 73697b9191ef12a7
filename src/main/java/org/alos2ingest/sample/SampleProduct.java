package org.alos2ingest.sample;

import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

import org.alos2ingest.format.geotiff.GeoTiffWriter;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.MapProjection;
import org.alos2ingest.identify.ProductFormat;
import org.alos2ingest.identify.ProductKind;
import org.alos2ingest.util.Parallel;

/**
 * Writes one generated GeoTIFF product into a folder, with the files JAXA ships beside the images:
 * per polarisation an {@code IMG-<pol>-<id>.tif} (UInt16, DN 0 outside the swath, speckled terrain
 * inside), a {@code LUT-<pol>-<id>.txt} and a {@code BRS-<pol>-<id>.jpg} browse; the scene's KML; and a
 * summary.txt whose sizes, times and corners agree with the rasters.
 */
public final class SampleProduct {

    /** Mean amplitude DN inside the swath: about -15 dB sigma-nought with CF = -83 dB. */
    private static final double MEAN_DN = 2500;

    private final SampleSpec spec;
    private final SwathMask mask;

    public SampleProduct(SampleSpec spec) {
        this.spec = spec;
        this.mask = new SwathMask(spec);
    }

    public SwathMask mask() {
        return mask;
    }

    /** The swath corners in WGS84, as summary.txt's {@code Img_ImageScene*} LT, RT, RB, LB. */
    public List<LonLat> imageCorners() {
        MapProjection p = MapProjection.epsg(spec.epsg());
        List<LonLat> ll = new ArrayList<>();
        for (double[] q : spec.quad()) {
            ll.add(p.inverse(q[0], q[1]));
        }
        return CornerLabels.ltRtRbLb(ll);
    }

    /** The raster's corners in WGS84: LT, RT, RB, LB. */
    public List<LonLat> frameCorners() {
        MapProjection p = MapProjection.epsg(spec.epsg());
        double x1 = spec.originX() + spec.width() * spec.pixelSpacing();
        double y1 = spec.originY() - spec.height() * spec.pixelSpacing();
        return List.of(p.inverse(spec.originX(), spec.originY()), p.inverse(x1, spec.originY()), p.inverse(x1, y1),
                p.inverse(spec.originX(), y1));
    }

    /** Writes every file of the product into {@code folder} (created if needed); returns them in delivery order. */
    public List<Path> write(Path folder) throws IOException {
        Files.createDirectories(folder);
        String id = spec.name().text();
        List<Path> files = new ArrayList<>();
        List<Path> images = Parallel.map(Runtime.getRuntime().availableProcessors(), spec.polarisations(), pol -> writeImage(folder, pol));
        for (int i = 0; i < images.size(); i++) {
            files.add(images.get(i));
            files.add(writeLut(folder.resolve("LUT-" + spec.polarisations().get(i) + "-" + id + ".txt")));
        }
        for (String pol : spec.polarisations()) {
            files.add(folder.resolve("BRS-" + pol + "-" + id + ".jpg"));
        }
        files.add(writeKml(folder.resolve(spec.name().scene().text() + "_" + spec.name().product().text() + ".kml")));
        long dataBytes = 0;
        for (Path f : files) {
            if (f.getFileName().toString().startsWith("IMG-") || f.getFileName().toString().startsWith("LUT-")) {
                dataBytes += Files.size(f);
            }
        }
        files.add(writeSummary(folder.resolve("summary.txt"), dataBytes));
        return files;
    }

    private Path writeImage(Path folder, String pol) throws IOException {
        String id = spec.name().text();
        Path tif = folder.resolve("IMG-" + pol + "-" + id + ".tif");
        int w = spec.width();
        int h = spec.height();
        // Browse: every step-th pixel, about 800 pixels across like JAXA's.
        int step = Math.max(1, (int) Math.ceil(Math.max(w, h) / 800.0));
        BufferedImage browse = new BufferedImage((w + step - 1) / step, (h + step - 1) / step, BufferedImage.TYPE_BYTE_GRAY);
        Texture texture = new Texture(w, h, spec.seed() ^ pol.hashCode());
        SplittableRandom noise = new SplittableRandom(spec.seed() * 31 + pol.hashCode());
        double polGain = pol.equals("HH") || pol.equals("VV") ? 1.0 : 0.45;
        GeoTiffWriter writer = new GeoTiffWriter(w, h, spec.epsg(), spec.originX(), spec.originY(), spec.pixelSpacing(), spec.pixelSpacing(),
                ByteOrder.LITTLE_ENDIAN, false);
        int[] span = new int[2];
        writer.write(tif, (y, row) -> {
            java.util.Arrays.fill(row, (short) 0);
            if (mask.span(y, span)) {
                double[] ty = texture.row(y);
                for (int x = span[0]; x < span[1]; x++) {
                    if (mask.inHole(x, y)) {
                        continue;
                    }
                    double amp = MEAN_DN * polGain * texture.at(x, ty) * Speckle.next(noise);
                    row[x] = (short) Math.max(1, Math.min(65535, (int) amp));
                }
            }
            if (y % step == 0) {
                for (int x = 0; x < w; x += step) {
                    int dn = row[x] & 0xffff;
                    int v = dn == 0 ? 0 : Math.max(1, Math.min(255, (int) Math.round(dn * 254.0 / 7500) + 1));
                    browse.getRaster().setSample(x / step, y / step, 0, v);
                }
            }
        });
        ImageIO.write(browse, "jpg", folder.resolve("BRS-" + pol + "-" + id + ".jpg").toFile());
        return tif;
    }

    private Path writeLut(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write(String.format(Locale.ROOT, "%22.15E%n", 0.0));
            String factor = String.format(Locale.ROOT, "%22.15E%n", Math.pow(10, 8.3));
            for (int i = 0; i < spec.width(); i++) {
                w.write(factor);
            }
        }
        return file;
    }

    private Path writeKml(Path file) throws IOException {
        List<LonLat> c = imageCorners();
        LonLat centre = centre(c);
        String scene = spec.name().scene().text();
        DateTimeFormatter t = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
        String rows = String.join("", row("Satellite", "ALOS2"), row("Sensor", "PALSAR-2"), row("Scene ID", scene),
                row("Product ID", spec.name().product().text()), row("Observation Date", spec.name().scene().date().toString()),
                row("Path No", String.valueOf(spec.name().scene().pathNumber())),
                row("Frame(center)", String.valueOf(spec.name().scene().frame())), row("SceneShift", "0"),
                row("Offnadir Angle", String.format(Locale.ROOT, "%.1f", spec.offNadir())),
                row("Scene Time(Center)", t.format(spec.centreTime())), row("Scene Time(Start)", t.format(start())),
                row("Scene Time(End)", t.format(end())), row("Lat/Long(center)", latLon(centre)), row("Lat/Long(Left Upper)", latLon(c.get(0))),
                row("Lat/Long(Right Upper)", latLon(c.get(1))), row("Lat/Long(Left Lower)", latLon(c.get(3))),
                row("Lat/Long(Right Lower)", latLon(c.get(2))));
        // KML ring: LT, LB, RB, RT, LT, as JAXA writes it
        String ring = String.join(" ", lonLat0(c.get(0)), lonLat0(c.get(3)), lonLat0(c.get(2)), lonLat0(c.get(1)), lonLat0(c.get(0)));
        String kml = """
                <?xml version="1.0"?>
                <kml xmlns="http://www.opengis.net/kml/2.2">
                  <name>kmlproduct</name>
                  <Document>
                    <name>Product</name>
                    <Folder>
                      <name>Scene Rectangle</name>
                      <Placemark>
                        <name>%s</name>
                        <description><![CDATA[<br/> <table border="1" cellspacing="0" cellpadding="2" bordercolor="C0C0C0" >%s</table>]]></description>
                        <Polygon>
                          <tessellate>1</tessellate>
                          <altitudeMode>clampToGround</altitudeMode>
                          <outerBoundaryIs>
                            <LinearRing>
                              <coordinates>%s </coordinates>
                            </LinearRing>
                          </outerBoundaryIs>
                        </Polygon>
                      </Placemark>
                    </Folder>
                    <Folder>
                      <name>Scene Center</name>
                      <Placemark>
                        <name>%s</name>
                        <Point>
                          <altitudeMode>clampToGround</altitudeMode>
                          <coordinates>%s</coordinates>
                        </Point>
                      </Placemark>
                    </Folder>
                  </Document>
                </kml>
                """.formatted(scene, rows, ring, scene, String.format(Locale.ROOT, "%.3f,%.3f,4000.0", centre.lon(), centre.lat()));
        Files.writeString(file, kml);
        return file;
    }

    private Path writeSummary(Path file, long dataBytes) throws IOException {
        List<LonLat> image = imageCorners();
        List<LonLat> frame = frameCorners();
        // JAXA's L2.1 summaries do not outline the swath: their "image" corners are the raster's.
        boolean rasterCorners = ProductKind.of(spec.name().level(), ProductFormat.GEOTIFF).summaryCorners() == ProductKind.SummaryCorners.RASTER_FRAME;
        List<LonLat> imageKeys = rasterCorners ? frame : image;
        DateTimeFormatter ts = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss.SSS");
        DateTimeFormatter ymd = DateTimeFormatter.ofPattern("yyyyMMdd");
        LocalDateTime processed = spec.centreTime().plusDays(3).withNano(0);
        String id = spec.name().text();
        String token = "L" + spec.name().level().code().replace(".", "");
        StringBuilder s = new StringBuilder();
        kv(s, "Odi_SceneId", "SARD000000" + spec.order().substring(4) + "-00001-001-001");
        kv(s, "Odi_SiteDateTime", "PROCESS:JAPAN-JAXA-ALOS2-EICS  " + DateTimeFormatter.ofPattern("yyyyMMdd HHmmss").format(processed));
        kv(s, "Scs_SceneID", spec.name().scene().text());
        kv(s, "Scs_SceneShift", "0");
        kv(s, "Pds_ProductID", spec.name().product().text());
        kv(s, "Pds_ResamplingMethod", "CC");
        MapProjection p = MapProjection.epsg(spec.epsg());
        if (spec.epsg() >= 32601 && spec.epsg() <= 32760 && spec.epsg() % 100 <= 60) {
            kv(s, "Pds_UTM_ZoneNo", String.valueOf(spec.epsg() % 100));
        }
        kv(s, "Pds_MapDirection", "MapNorth");
        kv(s, "Pds_PixelSpacing", String.format(Locale.ROOT, "%.6f", spec.pixelSpacing()));
        kv(s, "Pds_OrbitDataPrecision", "Precision");
        kv(s, "Pds_AttitudeDataPrecision", "Onboard");
        kv(s, "Img_SceneCenterDateTime", ts.format(spec.centreTime()));
        kv(s, "Img_SceneStartDateTime", ts.format(start()));
        kv(s, "Img_SceneEndDateTime", ts.format(end()));
        corners(s, "Img_ImageScene", imageKeys);
        corners(s, "Img_FrameScene", frame);
        double[] fc = {spec.originX() + spec.width() * spec.pixelSpacing() / 2, spec.originY() - spec.height() * spec.pixelSpacing() / 2};
        LonLat frameCentre = p.inverse(fc[0], fc[1]);
        // keep the keys in JAXA's order: centre first
        String centreKeys = String.format(Locale.ROOT, "Img_FrameSceneCenterLatitude=\"%.3f\"%nImg_FrameSceneCenterLongitude=\"%.3f\"%n",
                frameCentre.lat(), frameCentre.lon());
        int at = s.indexOf("Img_FrameSceneLeftTopLatitude");
        s.insert(at, centreKeys);
        kv(s, "Img_OffNadirAngle", String.format(Locale.ROOT, "%.1f", spec.offNadir()));
        kv(s, "Pdi_ProductDataSize", String.format(Locale.ROOT, "%.1f", dataBytes / 1048576.0));
        kv(s, "Pdi_CntOf" + token + "ProductFileName", String.valueOf(2 * spec.polarisations().size()));
        int n = 1;
        for (String pol : spec.polarisations()) {
            kv(s, String.format(Locale.ROOT, "Pdi_%sProductFileName%02d", token, n++), "IMG-" + pol + "-" + id + ".tif");
            kv(s, String.format(Locale.ROOT, "Pdi_%sProductFileName%02d", token, n++), "LUT-" + pol + "-" + id + ".txt");
        }
        kv(s, "Pdi_BitPixel", "16");
        kv(s, "Pdi_NoOfPixels_0", String.valueOf(spec.width()));
        kv(s, "Pdi_NoOfLines_0", String.valueOf(spec.height()));
        kv(s, "Pdi_ProductFormat", "GeoTIFF");
        for (String k : List.of("Ach_TimeCheck", "Ach_AttitudeCheck")) {
            kv(s, k, "GOOD");
        }
        kv(s, "Ach_AbsoluteNavigationStatus", "");
        for (String k : List.of("Ach_HouseKeepingDataCheck", "Ach_OrbitCheck", "Ach_OnBoardAttitudeCheck", "Ach_LossLines")) {
            kv(s, k, "GOOD");
        }
        for (String k : List.of("Ach_AbsoluteNavigationTime", "Ach_PRF_Check", "Ach_CalibrationDataCheck")) {
            kv(s, k, "");
        }
        kv(s, "Rad_PracticeResultCode", "GOOD");
        kv(s, "Lbi_Satellite", "ALOS2");
        kv(s, "Lbi_Sensor", "SAR");
        kv(s, "Lbi_ProcessLevel", spec.name().level().code());
        kv(s, "Lbi_ProcessFacility", "EICS");
        kv(s, "Lbi_ObservationDate", ymd.format(spec.centreTime()));
        Files.writeString(file, s.toString());
        return file;
    }

    private LocalDateTime start() {
        return spec.centreTime().minusNanos((long) (spec.durationSeconds() / 2 * 1e9));
    }

    private LocalDateTime end() {
        return spec.centreTime().plusNanos((long) (spec.durationSeconds() / 2 * 1e9));
    }

    private static void corners(StringBuilder s, String prefix, List<LonLat> c) {
        if (prefix.equals("Img_ImageScene")) {
            LonLat centre = centre(c);
            kv(s, prefix + "CenterLatitude", String.format(Locale.ROOT, "%.3f", centre.lat()));
            kv(s, prefix + "CenterLongitude", String.format(Locale.ROOT, "%.3f", centre.lon()));
        }
        String[] names = {"LeftTop", "RightTop", "LeftBottom", "RightBottom"};
        int[] index = {0, 1, 3, 2};
        for (int i = 0; i < 4; i++) {
            kv(s, prefix + names[i] + "Latitude", String.format(Locale.ROOT, "%.3f", c.get(index[i]).lat()));
            kv(s, prefix + names[i] + "Longitude", String.format(Locale.ROOT, "%.3f", c.get(index[i]).lon()));
        }
    }

    private static LonLat centre(List<LonLat> c) {
        double lat = 0;
        double x = 0;
        double y = 0;
        for (LonLat p : c) {
            lat += p.lat() / c.size();
            x += Math.cos(Math.toRadians(p.lon())) / c.size();
            y += Math.sin(Math.toRadians(p.lon())) / c.size();
        }
        return new LonLat(Math.toDegrees(Math.atan2(y, x)), lat);
    }

    private static void kv(StringBuilder s, String key, String value) {
        s.append(key).append("=\"").append(value).append("\"\n");
    }

    private static String row(String k, String v) {
        return "<tr><td>" + k + "</td><td>" + v + "</td></tr>";
    }

    private static String latLon(LonLat p) {
        return String.format(Locale.ROOT, "%.3f/%.3f", p.lat(), p.lon());
    }

    private static String lonLat0(LonLat p) {
        return String.format(Locale.ROOT, "%.3f,%.3f,0.0", p.lon(), p.lat());
    }

    /** Smooth, deterministic "terrain" brightness around 1, cheap enough for billions of pixels. */
    static final class Texture {
        private final double[] sx1;
        private final double[] sx2;
        private final double[] cx2;
        private final double py1;
        private final double py2;
        private final double phase;

        Texture(int w, int h, long seed) {
            Random r = new Random(seed);
            double p1 = w / (3.0 + r.nextDouble() * 3);
            double p2 = Math.max(w, h) / (8.0 + r.nextDouble() * 8);
            py1 = h / (2.5 + r.nextDouble() * 3);
            py2 = p2;
            phase = r.nextDouble() * 2 * Math.PI;
            sx1 = new double[w];
            sx2 = new double[w];
            cx2 = new double[w];
            for (int x = 0; x < w; x++) {
                sx1[x] = Math.sin(2 * Math.PI * x / p1 + phase);
                sx2[x] = Math.sin(2 * Math.PI * x / p2);
                cx2[x] = Math.cos(2 * Math.PI * x / p2);
            }
        }

        double[] row(int y) {
            return new double[] {Math.cos(2 * Math.PI * y / py1 + phase), Math.cos(2 * Math.PI * y / py2), Math.sin(2 * Math.PI * y / py2)};
        }

        double at(int x, double[] ty) {
            return 1 + 0.35 * sx1[x] * ty[0] + 0.2 * (sx2[x] * ty[1] + cx2[x] * ty[2]);
        }
    }

    /** Rayleigh-distributed amplitude speckle with unit mean, from a quantile table. */
    static final class Speckle {
        private static final double[] TABLE = new double[4096];

        static {
            double mean = Math.sqrt(Math.PI) / 2;
            for (int i = 0; i < TABLE.length; i++) {
                double u = (i + 0.5) / TABLE.length;
                TABLE[i] = Math.sqrt(-Math.log(1 - u)) / mean;
            }
        }

        static double next(SplittableRandom r) {
            return TABLE[r.nextInt(TABLE.length)];
        }
    }
}
