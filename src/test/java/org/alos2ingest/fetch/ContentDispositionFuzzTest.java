package org.alos2ingest.fetch;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A server's Content-Disposition header. {@link ContentDisposition#fileName} declares no exception:
 * it gives a name or nothing, and a name it gives must be a plain file name, so that a hostile server
 * cannot choose where the download goes.
 */
class ContentDispositionFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void fileName(byte[] input) {
        Optional<String> name = ContentDisposition.fileName(new String(input, StandardCharsets.UTF_8));
        if (name.isPresent()) {
            String n = name.get();
            if (n.isEmpty() || n.contains("/") || n.contains("\\") || n.startsWith(".") || n.chars().anyMatch(c -> c < 0x20)) {
                throw new AssertionError("unsafe file name from Content-Disposition: '" + n + "'");
            }
        }
    }
}
