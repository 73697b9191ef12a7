package org.alos2ingest.sample.ceos;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.alos2ingest.format.ceos.FilePointer;
import org.alos2ingest.format.ceos.LeaderFileDescriptor;
import org.alos2ingest.format.ceos.RecordCode;
import org.alos2ingest.format.ceos.RecordWriter;
import org.alos2ingest.format.ceos.TextRecord;
import org.alos2ingest.format.ceos.TrailerFile;
import org.alos2ingest.format.ceos.VolumeDescriptor;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.sample.CornerLabels;
import org.alos2ingest.util.Progress;

/**
 * Writes one generated Level 1.1 CEOS product into a folder, every file as JAXA lays it out
 * (alos2-formats.md 1.2, 2 and 3): {@code VOL-}, {@code LED-}, one {@code IMG-<pol>-} per
 * polarisation (and per scan, {@code -F1}..., for ScanSAR), {@code TRL-}, a {@code BRS-<pol>-...jpg}
 * per polarisation and summary.txt, all derived from one {@link SampleGeometry}.
 */
public final class CeosSampleProduct {

    private final CeosSampleSpec spec;
    private final SampleGeometry geometry;
    private final Scenery scenery;

    public CeosSampleProduct(CeosSampleSpec spec) {
        this.spec = spec;
        this.geometry = SampleGeometry.of(spec);
        this.scenery = new Scenery(spec.name().text().hashCode());
    }

    public SampleGeometry geometry() {
        return geometry;
    }

    /** The image file names, as written: one list per polarisation, one name per scan. */
    public List<String> imageNames(String pol) {
        List<String> out = new ArrayList<>();
        for (SampleGeometry.Image im : geometry.images()) {
            out.add("IMG-" + pol + "-" + spec.name().text() + (spec.isScanSar() ? "-F" + im.scan() : ""));
        }
        return out;
    }

    /** Writes every file into {@code folder} (created if needed); returns them in delivery order. */
    public List<Path> write(Path folder, Progress progress) throws IOException {
        Files.createDirectories(folder);
        String id = spec.name().text();
        Path led = LeaderWriter.write(geometry, folder.resolve("LED-" + id));
        List<Path> images = new ArrayList<>();
        ImageWriter writer = new ImageWriter(geometry, scenery);
        long total = 0;
        for (SampleGeometry.Image im : geometry.images()) {
            total += (spec.sparse() ? 2 : im.lines()) * ImageWriter.recordLength(im) * spec.polarisations().size();
        }
        try (Progress.Task task = progress.start("writing " + id, total, Progress.Unit.BYTES)) {
            for (int i = 0; i < geometry.images().size(); i++) {
                List<Path> files = new ArrayList<>();
                for (String pol : spec.polarisations()) {
                    files.add(folder.resolve(imageNames(pol).get(i)));
                }
                writer.write(geometry.images().get(i), spec.polarisations(), files, spec.sparse(), task);
            }
        }
        for (String pol : spec.polarisations()) {
            for (String n : imageNames(pol)) {
                images.add(folder.resolve(n));
            }
        }
        QuickLookWriter quickLook = new QuickLookWriter(geometry, scenery);
        Path trl = writeTrailer(folder.resolve("TRL-" + id), quickLook);
        Path vol = writeVolume(folder.resolve("VOL-" + id), led, images, trl);
        List<Path> out = new ArrayList<>();
        out.add(vol);
        out.add(led);
        out.addAll(images);
        out.add(trl);
        for (String pol : spec.polarisations()) {
            Path brs = folder.resolve("BRS-" + pol + "-" + id + ".jpg");
            quickLook.writeJpeg(pol, brs);
            out.add(brs);
        }
        List<Path> listed = new ArrayList<>(List.of(vol, led));
        listed.addAll(images);
        listed.add(trl);
        out.add(writeSummary(folder.resolve("summary.txt"), listed));
        return out;
    }

    private Path writeTrailer(Path file, QuickLookWriter q) throws IOException {
        RecordWriter w = RecordWriter.ascii(RecordCode.TRAILER_FILE_DESCRIPTOR, 1, 720);
        LeaderWriter.fileDescriptorHeader(w, "AL2 SARCSART");
        for (int i = 0; i < 15; i++) {
            w.put(LeaderFileDescriptor.RECORD_COUNT, i, 0).put(LeaderFileDescriptor.RECORD_LENGTH, i, 0);
        }
        for (int i = 0; i < 5; i++) {
            w.put(LeaderFileDescriptor.FACILITY_COUNT, i, 0).put(LeaderFileDescriptor.FACILITY_LENGTH, i, 0);
        }
        long length = 2L * q.width() * q.height();
        w.put(TrailerFile.QUICK_LOOKS, 1).put(TrailerFile.QUICK_LOOK_LENGTH, 0, length).put(TrailerFile.QUICK_LOOK_PIXELS, 0, q.width())
                .put(TrailerFile.QUICK_LOOK_LINES, 0, q.height()).put(TrailerFile.QUICK_LOOK_BYTES, 0, 2);
        int[] v = q.values(spec.polarisations().get(0));
        ByteBuffer b = ByteBuffer.allocate((int) length);
        for (int x : v) {
            b.putShort((short) x);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(w.bytes());
            out.write(b.array());
        }
        return file;
    }

    private Path writeVolume(Path file, Path led, List<Path> images, Path trl) throws IOException {
        LocalDateTime made = LocalDateTime.ofInstant(spec.centreTime(), ZoneOffset.UTC).plusDays(2).withNano(0);
        List<byte[]> records = new ArrayList<>();
        records.add(RecordWriter.ascii(RecordCode.VOLUME_DESCRIPTOR, 1, 360).put(VolumeDescriptor.ASCII_FLAG, "A ")
                .put(VolumeDescriptor.DOCUMENT_ID, "CEOS-SAR").put(VolumeDescriptor.DOCUMENT_REVISION, " A").put(VolumeDescriptor.RECORD_REVISION, " A")
                .put(VolumeDescriptor.SOFTWARE, "002.012").put(VolumeDescriptor.PHYSICAL_VOLUME_ID, "EICS")
                .put(VolumeDescriptor.LOGICAL_VOLUME_ID, "AL2SAR" + DateTimeFormatter.BASIC_ISO_DATE.format(made))
                .put(VolumeDescriptor.VOLUME_SET_ID, "ALOS2  SAR").put(VolumeDescriptor.PHYSICAL_VOLUMES, 1).put(VolumeDescriptor.FIRST_TAPE, 1)
                .put(VolumeDescriptor.LAST_TAPE, 1).put(VolumeDescriptor.CURRENT_TAPE, 1).put(VolumeDescriptor.FILE_NUMBER, images.size() + 2)
                .put(VolumeDescriptor.LOGICAL_VOLUME, 1).put(VolumeDescriptor.LOGICAL_VOLUME_NUMBER, 1)
                .put(VolumeDescriptor.CREATION_TIME, DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(made) + "00")
                .put(VolumeDescriptor.COUNTRY, "JAPAN").put(VolumeDescriptor.AGENCY, "JAXA").put(VolumeDescriptor.FACILITY, "EICS")
                .put(VolumeDescriptor.FILE_POINTERS, images.size() + 2).put(VolumeDescriptor.TEXT_RECORDS, 1).bytes());
        int n = 1;
        records.add(pointer(n + 1, n, "AL2 SARCSARL", "SARLEADER FILE", "SARL", "MIXED BINARY AND ASCII", "MBAA", 11, 720, 728000, "VARIABLE LEN", "VARE"));
        for (Path img : images) {
            n++;
            long lines = geometry.images().get((n - 2) % geometry.images().size()).lines();
            long len = ImageWriter.recordLength(geometry.images().get((n - 2) % geometry.images().size()));
            records.add(pointer(n + 1, n, "AL2 SARCIMSP", "IMAGERY FILE", "IMOP", "MIXED BINARY AND ASCII", "MBAA", lines + 1, 720, len,
                    "FIXED LENGTH", "FIXD"));
        }
        n++;
        records.add(pointer(n + 1, n, "AL2 SARCSART", "SAR TRAILER FILE", "SART", "MIXED BINARY AND ASCII", "MBAA", 2, 720,
                Files.size(trl) - 720, "VARIABLE LEN", "VARE"));
        LonLat c = geometry.sceneCentre();
        records.add(RecordWriter.ascii(RecordCode.TEXT, n + 2, 360).put(TextRecord.ASCII_FLAG, "A ")
                .put(TextRecord.PRODUCT_ID, "PRODUCT:" + spec.name().product().text())
                .put(TextRecord.CREATION, "PROCESS:JAPAN-JAXA-ALOS2-EICS  " + DateTimeFormatter.ofPattern("yyyyMMdd HHmmss").format(made))
                .put(TextRecord.TAPE_ID, "TAPE ID:").put(TextRecord.SCENE_ID, "ORBIT :" + spec.name().scene().text())
                .put(TextRecord.SCENE_LOCATION, String.format(Locale.ROOT, "FRAME CENTRE: N%+07.2f  E%+07.2f", c.lat(), c.lon())).bytes());
        try (OutputStream out = Files.newOutputStream(file)) {
            for (byte[] r : records) {
                out.write(r);
            }
        }
        return file;
    }

    private static byte[] pointer(long seq, int fileNumber, String id, String cls, String clsCode, String type, String typeCode, long records,
                                  long firstLength, long maxLength, String lengthType, String lengthCode) {
        return RecordWriter.ascii(RecordCode.FILE_POINTER, seq, 360).put(FilePointer.ASCII_FLAG, "A ").put(FilePointer.FILE_NUMBER, fileNumber)
                .put(FilePointer.FILE_NAME_ID, id).put(FilePointer.FILE_CLASS, cls).put(FilePointer.FILE_CLASS_CODE, clsCode)
                .put(FilePointer.DATA_TYPE, type).put(FilePointer.DATA_TYPE_CODE, typeCode).put(FilePointer.RECORDS, records)
                .put(FilePointer.FIRST_RECORD_LENGTH, firstLength).put(FilePointer.MAX_RECORD_LENGTH, maxLength)
                .put(FilePointer.LENGTH_TYPE, lengthType).put(FilePointer.LENGTH_TYPE_CODE, lengthCode).put(FilePointer.FIRST_VOLUME, 1)
                .put(FilePointer.LAST_VOLUME, 1).put(FilePointer.FIRST_RECORD, 1).put(FilePointer.LAST_RECORD, records).bytes();
    }

    /** The corners summary.txt writes: the product's extent labelled by position in the north-up picture (alos2-formats.md 2.4). */
    public List<LonLat> summaryCorners() {
        return CornerLabels.ltRtRbLb(geometry.extent());
    }

    private Path writeSummary(Path file, List<Path> listed) throws IOException {
        DateTimeFormatter ts = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss.SSS");
        LocalDateTime centre = LocalDateTime.ofInstant(geometry.centreLineTime(), ZoneOffset.UTC);
        LocalDateTime made = centre.plusDays(2).withNano(0);
        List<LonLat> c = summaryCorners();
        LonLat mid = geometry.sceneCentre();
        long bytes = 0;
        for (Path p : listed) {
            bytes += Files.size(p);
        }
        StringBuilder s = new StringBuilder();
        kv(s, "Odi_SceneId", "SARD000000" + spec.order().substring(4) + "-00001-001-001");
        kv(s, "Odi_SiteDateTime", "PROCESS:JAPAN-JAXA-ALOS2-EICS  " + DateTimeFormatter.ofPattern("yyyyMMdd HHmmss").format(made));
        kv(s, "Scs_SceneID", spec.name().scene().text());
        kv(s, "Scs_SceneShift", "0");
        kv(s, "Pds_ProductID", spec.name().product().text());
        kv(s, "Pds_OrbitDataPrecision", "Precision");
        kv(s, "Pds_AttitudeDataPrecision", "Onboard");
        kv(s, "Img_SceneCenterDateTime", ts.format(centre));
        kv(s, "Img_SceneStartDateTime", ts.format(LocalDateTime.ofInstant(geometry.start(), ZoneOffset.UTC)));
        kv(s, "Img_SceneEndDateTime", ts.format(LocalDateTime.ofInstant(geometry.end(), ZoneOffset.UTC)));
        for (String prefix : List.of("Img_ImageScene", "Img_FrameScene")) {
            kv(s, prefix + "CenterLatitude", String.format(Locale.ROOT, "%.3f", mid.lat()));
            kv(s, prefix + "CenterLongitude", String.format(Locale.ROOT, "%.3f", mid.lon()));
            String[] names = {"LeftTop", "RightTop", "LeftBottom", "RightBottom"};
            int[] index = {0, 1, 3, 2};
            for (int i = 0; i < 4; i++) {
                kv(s, prefix + names[i] + "Latitude", String.format(Locale.ROOT, "%.3f", c.get(index[i]).lat()));
                kv(s, prefix + names[i] + "Longitude", String.format(Locale.ROOT, "%.3f", c.get(index[i]).lon()));
            }
        }
        kv(s, "Img_OffNadirAngle", String.format(Locale.ROOT, "%.1f", geometry.anglesAtCentre()[0]));
        kv(s, "Pdi_ProductDataSize", String.format(Locale.ROOT, "%.1f", bytes / 1048576.0));
        kv(s, "Pdi_CntOfL11ProductFileName", String.valueOf(listed.size()));
        for (int i = 0; i < listed.size(); i++) {
            kv(s, String.format(Locale.ROOT, "Pdi_L11ProductFileName%02d", i + 1), listed.get(i).getFileName().toString());
        }
        kv(s, "Pdi_BitPixel", "32");
        if (spec.isScanSar()) {
            for (SampleGeometry.Image im : geometry.images()) {
                kv(s, "Pdi_NoOfPixels_" + im.scan(), String.format(Locale.ROOT, "%5d", im.pixels()));
                kv(s, "Pdi_NoOfLines_" + im.scan(), String.format(Locale.ROOT, "%5d", im.lines()));
            }
        } else {
            kv(s, "Pdi_NoOfPixels_0", String.valueOf(geometry.images().get(0).pixels()));
            kv(s, "Pdi_NoOfLines_0", String.valueOf(geometry.images().get(0).lines()));
        }
        kv(s, "Pdi_ProductFormat", "CEOS");
        for (String k : List.of("Ach_TimeCheck", "Ach_AttitudeCheck", "Ach_HouseKeepingDataCheck", "Ach_OrbitCheck", "Ach_OnBoardAttitudeCheck",
                "Ach_LossLines")) {
            kv(s, k, "GOOD");
        }
        kv(s, "Rad_PracticeResultCode", "GOOD");
        kv(s, "Lbi_Satellite", "ALOS2");
        kv(s, "Lbi_Sensor", "SAR");
        kv(s, "Lbi_ProcessLevel", "1.1");
        kv(s, "Lbi_ProcessFacility", "EICS");
        kv(s, "Lbi_ObservationDate", DateTimeFormatter.BASIC_ISO_DATE.format(centre));
        Files.writeString(file, s.toString());
        return file;
    }

    private static void kv(StringBuilder s, String key, String value) {
        s.append(key).append("=\"").append(value).append("\"\n");
    }
}
