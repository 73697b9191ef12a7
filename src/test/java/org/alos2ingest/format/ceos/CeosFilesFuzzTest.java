package org.alos2ingest.format.ceos;

import java.nio.file.Path;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.alos2ingest.geo.StateVector;
import org.alos2ingest.identify.IdentifyException;
import org.alos2ingest.testing.FuzzInputs;

/**
 * The four CEOS files of a Level 1.1/1.5 product, each read from a file as {@code inspect} and the
 * describers read them: the reader, then every record's fields ({@link CeosRecord#dump()}) and the
 * values the footprint and met.json are made of. Bad input must end in an {@link IdentifyException}
 * (mostly its {@link CeosFormatException}) naming the file and the byte offset.
 */
class CeosFilesFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void volumeDirectory(byte[] input) {
        Path file = FuzzInputs.file("VOL-ALOS2015976960-140909-FBDR1.5GUA", input);
        try {
            VolumeDirectory v = VolumeDirectory.read(file, new ReadCounter());
            dumpAll(v.records());
            v.filePointers();
            v.text();
        } catch (IdentifyException e) {
            FuzzInputs.refused(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void leader(byte[] input) {
        Path file = FuzzInputs.file("LED-ALOS2015976960-140909-FBDR1.5GUA", input);
        try {
            LeaderFile l = LeaderFile.read(file, new ReadCounter());
            dumpAll(l.records());
            DatasetSummaryRecord d = l.datasetSummary();
            d.sceneId();
            d.sceneCenterTime();
            d.centreLatitude();
            d.centreLongitude();
            d.incidenceAngle();
            d.offNadirAngle();
            d.prfHz();
            d.samplingRateHz();
            d.exactSamplingRateHz();
            d.lookSide();
            d.passDirection();
            d.processingFacility();
            d.productLevel();
            d.operationMode();
            PlatformPositionRecord p = l.platformPosition();
            p.designator();
            p.precision();
            p.referenceSystem();
            p.firstTime();
            p.interval();
            p.leapSecond();
            for (StateVector s : p.stateVectors()) {
                s.time();
            }
            l.mapProjection().ifPresent(m -> {
                m.geographicCorners();
                m.pixelToGeographic(0, 0);
            });
            l.attitude().ifPresent(AttitudeRecord::points);
            l.radiometric().ifPresent(RadiometricRecord::calibrationFactor);
            l.facility5().ifPresent(f -> {
                f.number();
                f.hasPolynomials();
                f.pixelToGeographic();
            });
            l.notes();
        } catch (IdentifyException e) {
            FuzzInputs.refused(e);
        }
    }

    /** The image file descriptor and the signal (Level 1.1) or processed data (Level 1.5) line prefixes. */
    @FuzzTest(maxDuration = "10s")
    void imageFile(byte[] input) {
        Path file = FuzzInputs.file("IMG-HH-ALOS2015976960-140909-FBDR1.5GUA", input);
        try {
            ImageFile f = ImageFile.read(file, new ReadCounter());
            f.descriptor().record().dump();
            f.descriptor().formatCode();
            f.firstRecord().dump();
            f.lastRecord().dump();
            f.firstSignal().ifPresent(CeosFilesFuzzTest::signal);
            f.lastSignal().ifPresent(CeosFilesFuzzTest::signal);
            f.firstProcessed().ifPresent(CeosFilesFuzzTest::processed);
            f.lastProcessed().ifPresent(CeosFilesFuzzTest::processed);
        } catch (IdentifyException e) {
            FuzzInputs.refused(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void trailer(byte[] input) {
        Path file = FuzzInputs.file("TRL-ALOS2015976960-140909-FBDR1.5GUA", input);
        try {
            ReadCounter counter = new ReadCounter();
            TrailerFile t = TrailerFile.read(file, counter);
            t.descriptor().dump();
            for (int i = 0; i < t.quickLooks().size(); i++) {
                t.quickLook(i, counter);
            }
        } catch (IdentifyException e) {
            FuzzInputs.refused(e);
        }
    }

    private static void dumpAll(List<CeosRecord> records) {
        for (CeosRecord r : records) {
            r.dump();
        }
    }

    private static void signal(SignalDataRecord s) {
        s.lineNumber();
        s.time();
        s.prfHz();
        s.scanId();
        s.slantRange();
        s.polarisation();
    }

    private static void processed(ProcessedDataRecord p) {
        p.lineNumber();
        p.time();
        p.pixelPositions();
    }
}
