package org.alos2ingest.identify;

import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.alos2ingest.testing.FuzzInputs;

/**
 * summary.txt as a delivery brings it: read from a file, then every value asked for as the describers
 * ask (text, number, integer, time). Bad input must end in an {@link IdentifyException} naming the file.
 */
class SummaryFileFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void summaryTxt(byte[] input) {
        Path file = FuzzInputs.file("summary.txt", input);
        SummaryFile s;
        try {
            s = SummaryFile.read(file);
        } catch (IdentifyException e) {
            FuzzInputs.refused(e);
            return;
        }
        s.isGeoTiff();
        for (String key : s.entries().keySet()) {
            s.get(key);
            try {
                s.getDouble(key);
            } catch (IdentifyException e) {
                FuzzInputs.refused(e);
            }
            try {
                s.getInt(key);
            } catch (IdentifyException e) {
                FuzzInputs.refused(e);
            }
            try {
                s.getTime(key);
            } catch (IdentifyException e) {
                FuzzInputs.refused(e);
            }
        }
    }
}
