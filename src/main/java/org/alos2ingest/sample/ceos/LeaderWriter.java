package org.alos2ingest.sample.ceos;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.alos2ingest.format.ceos.AttitudeRecord;
import org.alos2ingest.format.ceos.DataQualityRecord;
import org.alos2ingest.format.ceos.DatasetSummaryRecord;
import org.alos2ingest.format.ceos.FacilityRecord;
import org.alos2ingest.format.ceos.FileDescriptorFields;
import org.alos2ingest.format.ceos.LeaderFileDescriptor;
import org.alos2ingest.format.ceos.PlatformPositionRecord;
import org.alos2ingest.format.ceos.RadiometricRecord;
import org.alos2ingest.format.ceos.RecordCode;
import org.alos2ingest.format.ceos.RecordWriter;
import org.alos2ingest.geo.Ellipsoid;
import org.alos2ingest.geo.Geodetic;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.LookSide;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.geo.OrbitState;
import org.alos2ingest.geo.StateVector;
import org.alos2ingest.identify.ObservationMode;

/**
 * Writes a Level 1.1 SAR leader as JAXA lays it out (alos2-formats.md 3.2): file descriptor,
 * dataset summary, platform position, attitude, radiometric data, data quality summary and facility
 * related data 1-5 (no map projection record at Level 1.1), with the real records' lengths.
 */
final class LeaderWriter {

    static final int DSSR_LENGTH = 4096;
    static final int PLATFORM_LENGTH = 4680;
    static final int ATTITUDE_LENGTH = 16384;
    static final int RADIOMETRIC_LENGTH = 9860;
    static final int QUALITY_LENGTH = 1620;
    static final int[] FACILITY_LENGTHS = {325000, 511000, 3072, 728000, 5000};

    private LeaderWriter() {
    }

    static Path write(SampleGeometry g, Path file) throws IOException {
        List<byte[]> records = new ArrayList<>();
        records.add(descriptor(g));
        records.add(datasetSummary(g));
        records.add(platformPosition(g));
        records.add(attitude(g));
        records.add(radiometric());
        records.add(dataQuality());
        Facility5Fit.Fit fit = Facility5Fit.fit(g);
        for (int i = 1; i <= 5; i++) {
            RecordWriter w = RecordWriter.ascii(RecordCode.FACILITY, 6 + i, FACILITY_LENGTHS[i - 1]).put(FacilityRecord.SEQUENCE_NUMBER, i);
            byte[] bytes = w.bytes();
            if (i == 5) {
                facility5(w, fit);
            } else if (i > 1) {
                ephemerisText(g, bytes, i);
            }
            records.add(bytes);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            for (byte[] r : records) {
                out.write(r);
            }
        }
        return file;
    }

    static void fileDescriptorHeader(RecordWriter w, String fileId) {
        w.put(FileDescriptorFields.ASCII_EBCDIC_FLAG, "A ").put(FileDescriptorFields.FORMAT_CONTROL_DOCUMENT_ID, "CEOS-SAR")
                .put(FileDescriptorFields.FORMAT_CONTROL_DOCUMENT_REVISION, " A").put(FileDescriptorFields.RECORD_FORMAT_REVISION, " A")
                .put(FileDescriptorFields.SOFTWARE_RELEASE, "002.012").put(FileDescriptorFields.FILE_NUMBER, 1)
                .put(FileDescriptorFields.FILE_ID, fileId)
                .put(FileDescriptorFields.SEQUENCE_FLAG, "FSEQ").put(FileDescriptorFields.SEQUENCE_LOCATION, 1)
                .put(FileDescriptorFields.SEQUENCE_LENGTH, 4).put(FileDescriptorFields.CODE_FLAG, "FTYP")
                .put(FileDescriptorFields.CODE_LOCATION, 5).put(FileDescriptorFields.CODE_LENGTH, 4)
                .put(FileDescriptorFields.LENGTH_FLAG, "FLGT").put(FileDescriptorFields.LENGTH_LOCATION, 9)
                .put(FileDescriptorFields.LENGTH_LENGTH, 4);
    }

    private static byte[] descriptor(SampleGeometry g) {
        RecordWriter w = RecordWriter.ascii(RecordCode.LEADER_FILE_DESCRIPTOR, 1, 720);
        fileDescriptorHeader(w, "AL2 SARCSARL");
        String[] kinds = {"dataset_summary", "map_projection", "platform_position", "attitude", "radiometric_data", "radiometric_compensation",
            "data_quality_summary", "data_histogram", "range_spectra", "dem_descriptor", "radar_parameter_update", "annotation_data",
            "detail_processing", "calibration", "gcp"};
        int[] lengths = {DSSR_LENGTH, 0, PLATFORM_LENGTH, ATTITUDE_LENGTH, RADIOMETRIC_LENGTH, 0, QUALITY_LENGTH, 0, 0, 0, 0, 0, 0, 0, 0};
        for (int i = 0; i < kinds.length; i++) {
            w.put(LeaderFileDescriptor.RECORD_COUNT, i, lengths[i] > 0 ? 1 : 0).put(LeaderFileDescriptor.RECORD_LENGTH, i, lengths[i]);
        }
        for (int i = 0; i < 5; i++) {
            w.put(LeaderFileDescriptor.FACILITY_COUNT, i, 1).put(LeaderFileDescriptor.FACILITY_LENGTH, i, FACILITY_LENGTHS[i]);
        }
        return w.bytes();
    }

    /** Operation-mode digits of the sensor id (ISCE's table, alos2-formats.md 1.4). */
    static String modeDigits(ObservationMode m) {
        return switch (m) {
            case SBS -> "00";
            case UBS, UBD -> "01";
            case HBS, HBD -> "02";
            case FBS, FBD -> "03";
            case HBQ -> "18";
            case FBQ -> "19";
            case VBS, VBD -> "09";
            default -> "08";
        };
    }

    private static byte[] datasetSummary(SampleGeometry g) {
        CeosSampleSpec s = g.spec();
        LonLat centre = g.sceneCentre();
        Instant tc = g.centreLineTime();
        OrbitState state = g.orbit().at(tc);
        Geodetic nadir = Ellipsoid.WGS84.toGeodetic(state.position());
        double[] angles = g.anglesAtCentre();
        SampleGeometry.Image ref = g.images().get(g.reference());
        boolean right = s.lookSide() == LookSide.RIGHT;
        RecordWriter w = RecordWriter.ascii(RecordCode.DATASET_SUMMARY, 2, DSSR_LENGTH)
                .put(DatasetSummaryRecord.SEQUENCE_NUMBER, 1)
                .put(DatasetSummaryRecord.SCENE_ID, s.name().scene().text())
                .put(DatasetSummaryRecord.SCENE_CENTER_TIME, DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").format(LocalDateTime.ofInstant(tc, ZoneOffset.UTC)))
                .put(DatasetSummaryRecord.LATITUDE, centre.lat())
                .put(DatasetSummaryRecord.LONGITUDE, centre.lon())
                .put(DatasetSummaryRecord.HEADING, g.heading())
                .put(DatasetSummaryRecord.ELLIPSOID, "GRS80")
                .put(DatasetSummaryRecord.SEMIMAJOR_KM, 6378.137)
                .put(DatasetSummaryRecord.SEMIMINOR_KM, 6356.7523141)
                .put(DatasetSummaryRecord.EARTH_MASS, 5.974)
                .put(DatasetSummaryRecord.GRAVITATIONAL_CONSTANT, 3.986005)
                .put(DatasetSummaryRecord.J2, 0.1082629)
                .put(DatasetSummaryRecord.J3, -0.0000254)
                .put(DatasetSummaryRecord.J4, -0.0000162)
                .put(DatasetSummaryRecord.CENTER_LINE, g.centreLine())
                .put(DatasetSummaryRecord.CENTER_PIXEL, g.centrePixel())
                .put(DatasetSummaryRecord.CHANNELS, s.polarisations().size())
                .put(DatasetSummaryRecord.MISSION, "ALOS2")
                .put(DatasetSummaryRecord.SENSOR_ID, "ALOS2 -L -" + modeDigits(s.mode()) + "15-")
                .put(DatasetSummaryRecord.ORBIT, s.name().scene().orbit())
                .put(DatasetSummaryRecord.NADIR_LATITUDE, nadir.lat())
                .put(DatasetSummaryRecord.NADIR_LONGITUDE, nadir.lon())
                .put(DatasetSummaryRecord.NADIR_HEADING, g.heading())
                .put(DatasetSummaryRecord.CLOCK_ANGLE, right ? 90.0 : -90.0)
                .put(DatasetSummaryRecord.INCIDENCE_ANGLE, angles[1])
                .put(DatasetSummaryRecord.WAVELENGTH, 0.2424525)
                .put(DatasetSummaryRecord.MOTION_COMPENSATION, 0)
                .put(DatasetSummaryRecord.RANGE_PULSE_CODE, "LINEAR FM CHIRP")
                .putAll(DatasetSummaryRecord.PULSE_AMPLITUDE, 0, 8.0733624E+11, 0, 0, 0)
                .put(DatasetSummaryRecord.CHIRP_EXTRACTION_INDEX, 2)
                .put(DatasetSummaryRecord.SAMPLING_RATE_MHZ, s.writtenSamplingRate() / 1e6)
                .put(DatasetSummaryRecord.RANGE_GATE_US, 2 * ref.nearRange() / org.alos2ingest.describe.ceos.CeosGeometry.C * 1e6)
                .put(DatasetSummaryRecord.PULSE_WIDTH_US, 30.842168)
                .put(DatasetSummaryRecord.BASEBAND_FLAG, "YES")
                .put(DatasetSummaryRecord.RANGE_COMPRESSION_FLAG, "YES")
                .put(DatasetSummaryRecord.QUANTIZATION_BITS, 8)
                .put(DatasetSummaryRecord.QUANTIZED_DESCRIPTOR, "UNIFORM I,Q")
                .put(DatasetSummaryRecord.ECHO_TRACKER, "OFF")
                .put(DatasetSummaryRecord.PRF_MHZ, ref.prf() * 1000)
                .put(DatasetSummaryRecord.BEAM_WIDTH_ELEVATION, 4.95909)
                .put(DatasetSummaryRecord.BEAM_WIDTH_AZIMUTH, 1.27)
                .put(DatasetSummaryRecord.CLOCK_TIME, "20121231 23:59:59.000")
                .put(DatasetSummaryRecord.CLOCK_INCREMENT, 1_000_000_000L)
                .put(DatasetSummaryRecord.PROCESSING_FACILITY, "EICS")
                .put(DatasetSummaryRecord.PROCESSING_SYSTEM, "EICS")
                .put(DatasetSummaryRecord.PROCESSING_VERSION, "002.012")
                .put(DatasetSummaryRecord.PRODUCT_LEVEL, "1.1")
                .put(DatasetSummaryRecord.PRODUCT_TYPE, "STANDARD SLANT RANGE COMPLEX")
                .put(DatasetSummaryRecord.LOOKS_AZIMUTH, 1.0)
                .put(DatasetSummaryRecord.LOOKS_RANGE, 1.0)
                .put(DatasetSummaryRecord.INPUT_SOURCE, "ONLINE")
                .put(DatasetSummaryRecord.LINE_TIME_DIRECTION, s.name().product().direction() == OrbitDirection.ASCENDING ? "ASCEND" : "DESCEND")
                .put(DatasetSummaryRecord.LINE_CONTENT, "OTHER")
                .put(DatasetSummaryRecord.CLUTTER_LOCK, "NO")
                .put(DatasetSummaryRecord.AUTO_FOCUS, "NO")
                // GDAL's real UBS L1.1 sample holds the slant-range spacing here and the azimuth spacing next (alos2-formats.md 3.2.2).
                .put(DatasetSummaryRecord.LINE_SPACING, ref.rangeSpacing())
                .put(DatasetSummaryRecord.PIXEL_SPACING, state.velocity().norm() * 6371 / 7006.137 / ref.prf())
                .put(DatasetSummaryRecord.RANGE_COMPRESSION, "EXTRACTED CHIRP")
                .put(DatasetSummaryRecord.DOPPLER_CONSTANT, 0.0)
                .put(DatasetSummaryRecord.DOPPLER_LINEAR, 0.0)
                .put(DatasetSummaryRecord.PRF_SWITCHING, 0)
                .put(DatasetSummaryRecord.PRF_SWITCHING_LINE, 1)
                .put(DatasetSummaryRecord.YAW_STEERING, 0)
                .put(DatasetSummaryRecord.OFF_NADIR_ANGLE, angles[0])
                .put(DatasetSummaryRecord.BEAM_NUMBER, 7)
                .putAll(DatasetSummaryRecord.INCIDENCE_POLYNOMIAL, 0, 0, 0, 0, 0, 0)
                .put(DatasetSummaryRecord.ANNOTATION_POINTS, 0);
        return w.bytes();
    }

    private static byte[] platformPosition(SampleGeometry g) {
        List<StateVector> v = g.stateVectors();
        LocalDateTime t0 = LocalDateTime.ofInstant(v.get(0).time(), ZoneOffset.UTC);
        OrbitState c = g.orbit().at(g.centreLineTime());
        RecordWriter w = RecordWriter.ascii(RecordCode.PLATFORM_POSITION, 3, PLATFORM_LENGTH)
                .put(PlatformPositionRecord.ORBITAL_ELEMENTS_DESIGNATOR, "2")
                .putAll(PlatformPositionRecord.ORBITAL_ELEMENTS, c.position().x(), c.position().y(), c.position().z(), c.velocity().x(),
                        c.velocity().y(), c.velocity().z())
                .put(PlatformPositionRecord.POINTS, v.size())
                .put(PlatformPositionRecord.FIRST_DATE, String.format(Locale.ROOT, "%4d%4d%4d", t0.getYear(), t0.getMonthValue(), t0.getDayOfMonth()))
                .put(PlatformPositionRecord.FIRST_DAY_OF_YEAR, t0.getDayOfYear())
                .put(PlatformPositionRecord.FIRST_SECONDS_OF_DAY, t0.toLocalTime().toNanoOfDay() / 1e9)
                .put(PlatformPositionRecord.INTERVAL, 60.0)
                .put(PlatformPositionRecord.REFERENCE_SYSTEM, "ECR")
                .putAll(PlatformPositionRecord.NOMINAL_ERRORS, 100, 100, 100, 0.3, 0.3, 0.3)
                .put(PlatformPositionRecord.LEAP_SECOND, 0);
        for (int i = 0; i < v.size(); i++) {
            StateVector s = v.get(i);
            w.put(PlatformPositionRecord.POSITION_X, i, s.x()).put(PlatformPositionRecord.POSITION_Y, i, s.y())
                    .put(PlatformPositionRecord.POSITION_Z, i, s.z()).put(PlatformPositionRecord.VELOCITY_X, i, s.vx())
                    .put(PlatformPositionRecord.VELOCITY_Y, i, s.vy()).put(PlatformPositionRecord.VELOCITY_Z, i, s.vz());
        }
        return w.bytes();
    }

    private static byte[] attitude(SampleGeometry g) {
        Instant from = g.start().minusSeconds(5);
        int n = (int) Math.min(AttitudeRecord.MAX_POINTS, Math.ceil(org.alos2ingest.geo.Orbit.seconds(from, g.end())) + 6);
        double roll = (g.spec().lookSide() == LookSide.RIGHT ? -1 : 1) * (g.anglesAtCentre()[0] - 6.45);
        RecordWriter w = RecordWriter.ascii(RecordCode.ATTITUDE, 4, ATTITUDE_LENGTH).put(AttitudeRecord.POINTS, n);
        for (int i = 0; i < n; i++) {
            LocalDateTime t = LocalDateTime.ofInstant(from.plusSeconds(i), ZoneOffset.UTC);
            w.put(AttitudeRecord.DAY_OF_YEAR, i, t.getDayOfYear()).put(AttitudeRecord.MILLISECOND_OF_DAY, i, t.toLocalTime().toNanoOfDay() / 1_000_000)
                    .put(AttitudeRecord.PITCH_FLAG, i, 0).put(AttitudeRecord.ROLL_FLAG, i, 0).put(AttitudeRecord.YAW_FLAG, i, 0)
                    .put(AttitudeRecord.PITCH, i, -0.0648).put(AttitudeRecord.ROLL, i, roll).put(AttitudeRecord.YAW, i, -3.699)
                    .put(AttitudeRecord.PITCH_RATE_FLAG, i, 0).put(AttitudeRecord.ROLL_RATE_FLAG, i, 0).put(AttitudeRecord.YAW_RATE_FLAG, i, 0)
                    .put(AttitudeRecord.PITCH_RATE, i, 0.0).put(AttitudeRecord.ROLL_RATE, i, 0.0).put(AttitudeRecord.YAW_RATE, i, 0.0);
        }
        return w.bytes();
    }

    private static byte[] radiometric() {
        return RecordWriter.ascii(RecordCode.RADIOMETRIC, 5, RADIOMETRIC_LENGTH).put(RadiometricRecord.SEQUENCE_NUMBER, 1)
                .put(RadiometricRecord.FIELDS, 1).put(RadiometricRecord.CALIBRATION_FACTOR, -83.0)
                .putAll(RadiometricRecord.DISTORTION_MATRICES, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0).bytes();
    }

    private static byte[] dataQuality() {
        return RecordWriter.ascii(RecordCode.DATA_QUALITY, 6, QUALITY_LENGTH).put(DataQualityRecord.RECORD_NUMBER, 1)
                .put(DataQualityRecord.CHANNELS, 4).put(DataQualityRecord.ISLR, -10.16).put(DataQualityRecord.PSLR, -13.26)
                .put(DataQualityRecord.AZIMUTH_AMBIGUITY, 24.4).put(DataQualityRecord.RANGE_AMBIGUITY, 32.7).put(DataQualityRecord.SNR, -32.1)
                .put(DataQualityRecord.SLANT_RANGE_RESOLUTION, 5.333657).put(DataQualityRecord.AZIMUTH_RESOLUTION, 9.4979547).bytes();
    }

    /**
     * Facility records 2-4 hold JAXA's own ephemeris, time-error and coordinate conversion tables,
     * which the ingest never reads; they are filled with the orbit at one-second steps so that the
     * leader compresses like a real one (blank records would look like a zip bomb).
     */
    private static void ephemerisText(SampleGeometry g, byte[] record, int number) {
        String label = number == 2 ? "ALDSEF" : number == 3 ? "ETMDF " : "CCMF  ";
        Instant t0 = g.stateVectors().get(0).time();
        int at = 64;
        for (int k = 0; at + 160 < record.length; k++) {
            Instant t = t0.plusMillis(1000L * (k % 1620) + 7L * (k / 1620));
            OrbitState s = g.orbit().at(t);
            String line = String.format(Locale.ROOT, "%s%8d%22.15E%22.15E%22.15E%22.15E%22.15E%22.15E%n", label, k,
                    s.position().x(), s.position().y(), s.position().z(), s.velocity().x(), s.velocity().y(), s.velocity().z());
            byte[] b = line.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(b, 0, record, at, b.length);
            at += b.length;
        }
    }

    private static void facility5(RecordWriter w, Facility5Fit.Fit fit) {
        w.putAll(FacilityRecord.MAP_TO_PIXEL, new double[10]).putAll(FacilityRecord.MAP_TO_LINE, new double[10])
                .put(FacilityRecord.CALIBRATION_FLAG, 0).putAll(FacilityRecord.CALIBRATION_LINES, 0, 0, 0, 0)
                .put(FacilityRecord.PRF_SWITCHING, 0).put(FacilityRecord.PRF_SWITCHING_LINE, 1)
                .put(FacilityRecord.LOSS_LINES_L10, 0).put(FacilityRecord.LOSS_LINES, 0)
                .putAll(FacilityRecord.PIXEL_TO_LATITUDE, fit.latitude()).putAll(FacilityRecord.PIXEL_TO_LONGITUDE, fit.longitude())
                .put(FacilityRecord.ORIGIN_PIXEL, fit.originPixel()).put(FacilityRecord.ORIGIN_LINE, fit.originLine())
                .putAll(FacilityRecord.GEOGRAPHIC_TO_PIXEL, fit.pixel()).putAll(FacilityRecord.GEOGRAPHIC_TO_LINE, fit.line())
                .put(FacilityRecord.ORIGIN_LATITUDE, fit.originLat()).put(FacilityRecord.ORIGIN_LONGITUDE, fit.originLon());
    }
}
