package org.alos2ingest.identify;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.alos2ingest.testing.FuzzInputs;

/**
 * The product file-name grammar on any name a delivery can hold: {@link ProductFileName#parse} and
 * {@link ProductName#parse} declare an {@link IllegalArgumentException} saying what is wrong;
 * {@link ProductName#findIn} declares nothing.
 */
class ProductFileNameFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void fileName(byte[] input) {
        String name = new String(input, StandardCharsets.UTF_8);
        try {
            ProductFileName.parse(name).ifPresent(f -> {
                f.isGeoTiff();
                f.product().text();
                f.product().level();
            });
        } catch (IllegalArgumentException e) {
            FuzzInputs.refused(e);
        }
        try {
            ProductName.parse(name).text();
        } catch (IllegalArgumentException e) {
            FuzzInputs.refused(e);
        }
        ProductName.findIn(name).ifPresent(ProductName::text);
    }
}
