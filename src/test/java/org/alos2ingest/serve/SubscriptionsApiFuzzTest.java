package org.alos2ingest.serve;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.alos2ingest.testing.FuzzInputs;

/**
 * The {@code POST /subscriptions} body (name, intersects or bbox, mode, level, direction, path,
 * webhook, secret): bad input must end in a 400 {@link ApiError} naming the member.
 */
class SubscriptionsApiFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void body(byte[] input) {
        try {
            SubscriptionsApi.subscription(new String(input, StandardCharsets.UTF_8));
        } catch (ApiError e) {
            FuzzInputs.refused(e);
            if (e.status() != 400) {
                throw new AssertionError("a malformed subscription answered " + e.status() + ", not 400", e);
            }
        }
    }
}
