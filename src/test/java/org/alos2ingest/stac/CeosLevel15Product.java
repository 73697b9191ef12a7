package org.alos2ingest.stac;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.alos2ingest.format.ceos.DatasetSummaryRecord;
import org.alos2ingest.format.ceos.FileDescriptorFields;
import org.alos2ingest.format.ceos.ImageFileDescriptor;
import org.alos2ingest.format.ceos.LeaderFileDescriptor;
import org.alos2ingest.format.ceos.MapProjectionRecord;
import org.alos2ingest.format.ceos.ProcessedDataRecord;
import org.alos2ingest.format.ceos.RecordCode;
import org.alos2ingest.format.ceos.RecordWriter;
import org.alos2ingest.testing.J2Propagator;
import org.alos2ingest.testing.RealLeader;
import org.alos2ingest.testing.Records;

/**
 * A small Level 1.5 CEOS product (the sample generators make Level 1.1 CEOS and Level 1.5/2.1
 * GeoTIFF only): leader with dataset summary, map projection and platform position records, a
 * 4 x 3 image and summary.txt, as describe.ceos.CeosLevel15Test builds it.
 */
final class CeosLevel15Product {

    static final String ID = "ALOS2015976960-140909-FBDR1.5GUA";

    private CeosLevel15Product() {
    }

    static Path write(Path dir) throws IOException {
        Path p = dir.resolve(ID);
        Files.createDirectories(p);
        ByteArrayOutputStream led = new ByteArrayOutputStream();
        led.write(RecordWriter.ascii(RecordCode.LEADER_FILE_DESCRIPTOR, 1, 720).put(FileDescriptorFields.FILE_ID, "AL2 SARCSARL")
                .put(LeaderFileDescriptor.RECORD_COUNT, 0, 1).put(LeaderFileDescriptor.RECORD_LENGTH, 0, 4096)
                .put(LeaderFileDescriptor.RECORD_COUNT, 1, 1).put(LeaderFileDescriptor.RECORD_LENGTH, 1, 1620)
                .put(LeaderFileDescriptor.RECORD_COUNT, 2, 1).put(LeaderFileDescriptor.RECORD_LENGTH, 2, 4680).bytes());
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
        Files.writeString(p.resolve("summary.txt"), String.join("\n",
                "Scs_SceneID=\"ALOS2015976960-140909\"", "Pds_ProductID=\"FBDR1.5GUA\"",
                "Img_SceneStartDateTime=\"20140909 04:33:42.052\"", "Img_SceneEndDateTime=\"20140909 04:33:52.052\"",
                "Img_ImageSceneLeftTopLatitude=\"-10.812\"", "Img_ImageSceneLeftTopLongitude=\"-62.900\"",
                "Img_ImageSceneRightTopLatitude=\"-10.679\"", "Img_ImageSceneRightTopLongitude=\"-62.301\"",
                "Img_ImageSceneLeftBottomLatitude=\"-11.423\"", "Img_ImageSceneLeftBottomLongitude=\"-62.764\"",
                "Img_ImageSceneRightBottomLatitude=\"-11.290\"", "Img_ImageSceneRightBottomLongitude=\"-62.163\"",
                "Pdi_ProductFormat=\"CEOS\"", ""));
        return p;
    }
}
