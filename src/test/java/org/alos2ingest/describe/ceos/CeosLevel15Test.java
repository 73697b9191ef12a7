package org.alos2ingest.describe.ceos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Settings;
import org.alos2ingest.describe.Describer;
import org.alos2ingest.describe.Description;
import org.alos2ingest.describe.Provenance;
import org.alos2ingest.fetch.Delivery;
import org.alos2ingest.format.ceos.DatasetSummaryRecord;
import org.alos2ingest.format.ceos.FileDescriptorFields;
import org.alos2ingest.format.ceos.ImageFileDescriptor;
import org.alos2ingest.format.ceos.LeaderFileDescriptor;
import org.alos2ingest.format.ceos.MapProjectionRecord;
import org.alos2ingest.format.ceos.ProcessedDataRecord;
import org.alos2ingest.format.ceos.RecordCode;
import org.alos2ingest.format.ceos.RecordWriter;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.identify.Scene;
import org.alos2ingest.identify.SceneFinder;
import org.alos2ingest.testing.J2Propagator;
import org.alos2ingest.testing.RealLeader;
import org.alos2ingest.testing.Records;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Level 1.5 in CEOS format, rebuilt from the real fixture's values (FBDR1.5GUA, alos2-formats.md
 * 2.3 and 3.2.3): with its summary.txt the footprint is the summary's valid-data corners and the
 * leader adds its values; without one, times come from the image lines and the footprint from the
 * map projection record's frame corners. The dataset is ALOS2_CEOS.
 */
class CeosLevel15Test {

    static final String ID = "ALOS2015976960-140909-FBDR1.5GUA";

    @TempDir
    Path dir;

    private Path product(boolean withSummary) throws Exception {
        Path p = dir.resolve(withSummary ? "with" : "without");
        Files.createDirectories(p);
        ByteArrayOutputStream led = new ByteArrayOutputStream();
        RecordWriter fdr = RecordWriter.ascii(RecordCode.LEADER_FILE_DESCRIPTOR, 1, 720).put(FileDescriptorFields.FILE_ID, "AL2 SARCSARL")
                .put(LeaderFileDescriptor.RECORD_COUNT, 0, 1).put(LeaderFileDescriptor.RECORD_LENGTH, 0, 4096)
                .put(LeaderFileDescriptor.RECORD_COUNT, 1, 1).put(LeaderFileDescriptor.RECORD_LENGTH, 1, 1620)
                .put(LeaderFileDescriptor.RECORD_COUNT, 2, 1).put(LeaderFileDescriptor.RECORD_LENGTH, 2, 4680);
        led.write(fdr.bytes());
        led.write(RecordWriter.ascii(RecordCode.DATASET_SUMMARY, 2, 4096).put(DatasetSummaryRecord.SCENE_ID, "ALOS2015976960-140909")
                .put(DatasetSummaryRecord.SCENE_CENTER_TIME, "20140909043347052").put(DatasetSummaryRecord.LATITUDE, -11.0510316)
                .put(DatasetSummaryRecord.LONGITUDE, -62.5322403).put(DatasetSummaryRecord.CLOCK_ANGLE, 90.0)
                .put(DatasetSummaryRecord.INCIDENCE_ANGLE, 40.573).put(DatasetSummaryRecord.PRF_MHZ, 2122318.4485180)
                .put(DatasetSummaryRecord.SAMPLING_RATE_MHZ, 34.9305319).put(DatasetSummaryRecord.PROCESSING_FACILITY, "EICS")
                .put(DatasetSummaryRecord.PRODUCT_LEVEL, "1.5").put(DatasetSummaryRecord.LINE_TIME_DIRECTION, "ASCEND")
                .put(DatasetSummaryRecord.OFF_NADIR_ANGLE, 36.6481913).bytes());
        led.write(RecordWriter.ascii(RecordCode.MAP_PROJECTION, 3, 1620).put(MapProjectionRecord.PROJECTION_TYPE, "GEOCODED")
                .put(MapProjectionRecord.AXIS_ANGLE, null)
                .putAll(MapProjectionRecord.GEOGRAPHIC_CORNERS, -10.6794393, -62.9005207, -10.6783401, -62.1650802, -11.4221274, -62.1629744,
                        -11.4233051, -62.9002697).bytes());
        led.write(Records.platformPosition(J2Propagator.vectors(RealLeader.FIRST_VECTOR, 28, 60), 60));
        Files.write(p.resolve("LED-" + ID), led.toByteArray());

        int width = 4;
        int lines = 3;
        int recordLength = 192 + 2 * width;
        ByteArrayOutputStream img = new ByteArrayOutputStream();
        img.write(RecordWriter.ascii(RecordCode.IMAGE_FILE_DESCRIPTOR, 1, 720).put(ImageFileDescriptor.RECORDS, lines)
                .put(ImageFileDescriptor.RECORD_LENGTH, recordLength).put(ImageFileDescriptor.BYTES_PER_GROUP, 2)
                .put(ImageFileDescriptor.LINES, lines).put(ImageFileDescriptor.PIXELS, width).put(ImageFileDescriptor.PREFIX_BYTES, 192)
                .put(ImageFileDescriptor.FORMAT_CODE, "IU2").bytes());
        long[] ms = {16422052, 16427052, 16432052};
        for (int k = 0; k < lines; k++) {
            byte[] rec = new byte[recordLength];
            byte[] prefix = RecordWriter.prefix(RecordCode.PROCESSED_DATA, k + 2, recordLength, 192)
                    .put(ProcessedDataRecord.LINE_NUMBER, k + 1).put(ProcessedDataRecord.YEAR, 2014)
                    .put(ProcessedDataRecord.DAY_OF_YEAR, 252).put(ProcessedDataRecord.MILLISECOND_OF_DAY, ms[k]).bytes();
            System.arraycopy(prefix, 0, rec, 0, 192);
            ByteBuffer.wrap(rec).putShort(192, (short) 1234);
            img.write(rec);
        }
        Files.write(p.resolve("IMG-HH-" + ID), img.toByteArray());
        if (withSummary) {
            Files.writeString(p.resolve("summary.txt"), String.join("\n",
                    "Scs_SceneID=\"ALOS2015976960-140909\"", "Pds_ProductID=\"FBDR1.5GUA\"",
                    "Img_SceneStartDateTime=\"20140909 04:33:42.052\"", "Img_SceneEndDateTime=\"20140909 04:33:52.052\"",
                    "Img_ImageSceneLeftTopLatitude=\"-10.812\"", "Img_ImageSceneLeftTopLongitude=\"-62.900\"",
                    "Img_ImageSceneRightTopLatitude=\"-10.679\"", "Img_ImageSceneRightTopLongitude=\"-62.301\"",
                    "Img_ImageSceneLeftBottomLatitude=\"-11.423\"", "Img_ImageSceneLeftBottomLongitude=\"-62.764\"",
                    "Img_ImageSceneRightBottomLatitude=\"-11.290\"", "Img_ImageSceneRightBottomLongitude=\"-62.163\"",
                    "Pdi_ProductFormat=\"CEOS\"", ""));
        }
        return p;
    }

    private Description describe(Path p, List<String> warnings) {
        List<Scene> scenes = new SceneFinder(warnings::add).find(p);
        Describer d = new Describer(Settings.load(null, Map.of("ALOS2_INGEST_HOME", dir.toString())), DatasetDefinitions.load(null), warnings::add);
        return d.describe(scenes.get(0), Provenance.local(p));
    }

    @Test
    void withoutSummaryTimesFromTheLinesAndTheFrameFromTheMapProjectionRecord() throws Exception {
        List<String> warnings = new ArrayList<>();
        Description d = describe(product(false), warnings);
        assertEquals("ALOS2_CEOS", d.met().path("dataset").asText());
        assertEquals("2014-09-09T04:33:42.052Z", d.met().path("starttime").asText());
        assertEquals("2014-09-09T04:33:52.052Z", d.met().path("endtime").asText());
        assertEquals("CEOS leader map projection record corners (raster frame)", d.footprint().method());
        List<LonLat> ring = d.footprint().ring();
        assertTrue(ring.contains(new LonLat(-62.9005207, -10.6794393)) && ring.contains(new LonLat(-62.1629744, -11.4221274)), ring.toString());
        JsonNode md = d.met().path("alos2md");
        assertEquals(-11.0510316, md.path("scene_center_latitude").asDouble(), 0);
        assertEquals(40.573, md.path("incidence_angle").asDouble(), 0);
        assertEquals("EICS", md.path("processing_facility").asText());
        assertEquals("high precision", md.path("orbit_precision").asText());
    }

    @Test
    void withSummaryTheValidDataCornersWin() throws Exception {
        List<String> warnings = new ArrayList<>();
        Description d = describe(product(true), warnings);
        assertEquals("ALOS2_CEOS", d.met().path("dataset").asText());
        assertEquals(Describer.SUMMARY_IMAGE_CORNERS, d.footprint().method());
        assertTrue(d.footprint().ring().contains(new LonLat(-62.163, -11.290)));
        assertEquals("FBDR1.5GUA", d.met().path("alos2md").path("pds_productid").asText());
        assertEquals(2122.3184485180, d.met().path("alos2md").path("prf").asDouble(), 1e-9, "and the leader's values join summary.txt's");
    }
}
