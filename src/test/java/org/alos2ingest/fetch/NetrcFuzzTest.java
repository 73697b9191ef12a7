package org.alos2ingest.fetch;

import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.alos2ingest.testing.FuzzInputs;

/** A user's {@code .netrc}, read from a file and looked up: bad input must end in a {@link FetchException} naming the file. */
class NetrcFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void netrc(byte[] input) {
        Path file = FuzzInputs.file(".netrc", input);
        try {
            Netrc n = Netrc.read(file);
            n.lookup("www.auig2.jaxa.jp");
            n.lookup("sentinel.tksc.jaxa.jp");
        } catch (FetchException e) {
            FuzzInputs.refused(e);
        }
    }
}
