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
        // each value read as the describers read it, by what the key names (times, numbers, counts)
        for (String key : s.entries().keySet()) {
            s.get(key);
            try {
                if (key.endsWith("DateTime")) {
                    s.getTime(key);
                } else if (key.contains("NoOf") || key.endsWith("ZoneNo")) {
                    s.getInt(key);
                } else if (key.contains("Latitude") || key.contains("Longitude") || key.contains("Angle") || key.contains("Spacing")) {
                    s.getDouble(key);
                }
            } catch (IdentifyException e) {
                FuzzInputs.refused(e);
            }
        }
    }
}
