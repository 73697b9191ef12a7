package org.alos2ingest.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.Raster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.MapProjection;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.identify.ProcessingLevel;
import org.alos2ingest.identify.SummaryFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated products are what the ingest tests rely on: check them against their own spec. */
class SampleProductTest {

    @TempDir
    Path tmp;

    private static Raster read(Path tif) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(tif.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            return r.read(0).getRaster();
        }
    }

    @Test
    void fbdPresetAgreesWithTheRealSummary() throws IOException {
        SampleSpec spec = SampleSpec.preset("fbd").withWidth(400);
        SampleProduct p = new SampleProduct(spec);
        List<Path> files = p.write(tmp);
        assertEquals(List.of("IMG-HH-ALOS2146686640-170209-FBDR1.5GUA.tif", "LUT-HH-ALOS2146686640-170209-FBDR1.5GUA.txt",
                "IMG-HV-ALOS2146686640-170209-FBDR1.5GUA.tif", "LUT-HV-ALOS2146686640-170209-FBDR1.5GUA.txt",
                "BRS-HH-ALOS2146686640-170209-FBDR1.5GUA.jpg", "BRS-HV-ALOS2146686640-170209-FBDR1.5GUA.jpg",
                "ALOS2146686640-170209_FBDR1.5GUA.kml", "summary.txt"), files.stream().map(f -> f.getFileName().toString()).toList());
        SummaryFile s = SummaryFile.read(tmp.resolve("summary.txt"));
        SummaryFile real = SummaryFile.read(Path.of("src/test/resources/fixtures/geotiff-l15/ALOS2146686640-170209/summary.txt"));
        for (String k : List.of("Img_ImageSceneLeftTopLatitude", "Img_ImageSceneLeftTopLongitude", "Img_ImageSceneRightTopLatitude",
                "Img_ImageSceneRightTopLongitude", "Img_ImageSceneLeftBottomLatitude", "Img_ImageSceneLeftBottomLongitude",
                "Img_ImageSceneRightBottomLatitude", "Img_ImageSceneRightBottomLongitude", "Img_SceneStartDateTime", "Img_SceneEndDateTime",
                "Scs_SceneID", "Pds_ProductID", "Pds_UTM_ZoneNo", "Pdi_ProductFormat", "Img_OffNadirAngle")) {
            assertEquals(real.require(k), s.require(k), k);
        }
        // the raster frame of the generated product lies within a pixel of the real one
        for (String k : List.of("Img_FrameSceneLeftTopLatitude", "Img_FrameSceneLeftTopLongitude", "Img_FrameSceneRightBottomLatitude",
                "Img_FrameSceneRightBottomLongitude")) {
            assertEquals(real.getDouble(k).orElseThrow(), s.getDouble(k).orElseThrow(), 0.0015, k);
        }
        assertEquals(400, s.getInt("Pdi_NoOfPixels_0").orElseThrow());
        assertEquals(spec.height(), s.getInt("Pdi_NoOfLines_0").orElseThrow());
        assertEquals(401, Files.readAllLines(tmp.resolve("LUT-HH-ALOS2146686640-170209-FBDR1.5GUA.txt")).size(), "width + 1 lines");
        assertEquals(" 1.995262314968883E+08", Files.readAllLines(tmp.resolve("LUT-HH-ALOS2146686640-170209-FBDR1.5GUA.txt")).get(1));
    }

    @Test
    void rasterHoldsDataExactlyInsideTheSwath() throws IOException {
        SampleSpec spec = SampleSpec.preset("ubs").withWidth(300).withDefects(3, 2);
        SampleProduct p = new SampleProduct(spec);
        p.write(tmp);
        Raster r = read(tmp.resolve("IMG-HH-ALOS2337294000-200821-UBSL1.5GUD.tif"));
        assertEquals(spec.width(), r.getWidth());
        assertEquals(spec.height(), r.getHeight());
        long valid = 0;
        long sum = 0;
        for (int y = 0; y < r.getHeight(); y++) {
            for (int x = 0; x < r.getWidth(); x++) {
                int dn = r.getSample(x, y, 0);
                assertEquals(p.mask().valid(x, y), dn != 0, "pixel " + x + "," + y);
                if (dn != 0) {
                    valid++;
                    sum += dn;
                }
            }
        }
        assertTrue(valid > spec.width() * spec.height() / 3, "the swath fills much of the frame");
        assertEquals(2500, sum / (double) valid, 250, "mean amplitude near 2500 DN (about -15 dB)");
    }

    @Test
    void geoKeysAndTiePointPlaceTheRasterOnTheEarth() throws IOException {
        SampleSpec spec = SampleSpec.preset("fbd").withWidth(200);
        new SampleProduct(spec).write(tmp);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(tmp.resolve("IMG-HH-ALOS2146686640-170209-FBDR1.5GUA.tif")))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertEquals('I', b.get(0));
        assertEquals(42, b.getShort(2));
        int ifd = b.getInt(4);
        int n = b.getShort(ifd);
        double[] tie = null;
        double[] scale = null;
        int epsg = -1;
        for (int i = 0; i < n; i++) {
            int e = ifd + 2 + 12 * i;
            int tag = b.getShort(e) & 0xffff;
            int off = b.getInt(e + 8);
            if (tag == 33922) {
                tie = new double[] {b.getDouble(off + 24), b.getDouble(off + 32)};
            } else if (tag == 33550) {
                scale = new double[] {b.getDouble(off), b.getDouble(off + 8)};
            } else if (tag == 34735) {
                for (int k = 4; k < 4 + 4 * b.getShort(off + 6); k += 4) {
                    if (b.getShort(off + 2 * k) == 3072) {
                        epsg = b.getShort(off + 2 * k + 6) & 0xffff;
                    }
                }
            }
        }
        assertEquals(32719, epsg, "UTM zone 19 south");
        assertEquals(spec.pixelSpacing(), scale[0], 1e-9);
        LonLat topLeft = MapProjection.epsg(epsg).inverse(tie[0], tie[1]);
        assertEquals(-70.660, topLeft.lon(), 0.001);
        assertEquals(-26.770, topLeft.lat(), 0.001);
    }

    @Test
    void genericScenesFollowTheOrbit() throws IOException {
        SampleSpec asc = SampleSpec.generic(ObservationMode.FBD, ProcessingLevel.L1_5, 'R', OrbitDirection.ASCENDING, 'U',
                new LonLat(-70.2, -27.2), LocalDateTime.of(2017, 2, 9, 5, 11, 3), 14668, 6640);
        List<LonLat> c = new SampleProduct(asc.withWidth(200)).imageCorners();
        // LT, RT, RB, LB: an ascending right-looking swath heads north-north-west like the real FBD product
        double headingNearEdge = Math.toDegrees(Math.atan2((c.get(0).lon() - c.get(3).lon()) * Math.cos(Math.toRadians(27.2)),
                c.get(0).lat() - c.get(3).lat()));
        assertEquals(-13.3, headingNearEdge, 2.0);
        SampleSpec polar = SampleSpec.generic(ObservationMode.WBD, ProcessingLevel.L2_1, 'R', OrbitDirection.DESCENDING, 'P',
                new LonLat(-60, -75), LocalDateTime.of(2023, 12, 1, 0, 0), 50000, 4000);
        assertEquals(32761, polar.epsg(), "UPS south");
        SampleSpec dateline = SampleSpec.generic(ObservationMode.WBD, ProcessingLevel.L1_5, 'R', OrbitDirection.ASCENDING, 'U',
                new LonLat(179.9, -17), LocalDateTime.of(2023, 12, 1, 0, 0), 50000, 4000).withWidth(300);
        new SampleProduct(dateline).write(tmp.resolve("dl"));
        SummaryFile s = SummaryFile.read(tmp.resolve("dl/summary.txt"));
        assertTrue(s.getDouble("Img_ImageSceneLeftTopLongitude").orElseThrow() > 170);
        assertTrue(s.getDouble("Img_ImageSceneRightTopLongitude").orElseThrow() < -170, "east corners wrapped to -180..180");
    }
}
