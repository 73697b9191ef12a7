package org.alos2ingest.catalog.cql2;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.alos2ingest.catalog.InvalidSearchException;
import org.alos2ingest.config.Json;
import org.alos2ingest.testing.FuzzInputs;

/**
 * serve's {@code filter} parameter in both languages: CQL2-text ({@link Cql2Text}) and CQL2-JSON
 * ({@link Cql2Json}, after the JSON itself was read). Bad input must end in an
 * {@link InvalidSearchException} naming the parameter, however deep the expression nests.
 */
class Cql2FuzzTest {

    @FuzzTest(maxDuration = "10s")
    void cql2Text(byte[] input) {
        try {
            Cql2Text.parse("filter", new String(input, StandardCharsets.UTF_8));
        } catch (InvalidSearchException e) {
            refused(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void cql2Json(byte[] input) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(new String(input, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return; // not JSON: SearchParameters answers that before CQL2 is involved
        }
        try {
            Cql2Json.parse("filter", json);
        } catch (InvalidSearchException e) {
            refused(e);
        }
    }

    private static void refused(InvalidSearchException e) {
        FuzzInputs.refused(e);
        if (!e.parameter().equals("filter")) {
            throw new AssertionError("a CQL2 error names '" + e.parameter() + "', not the filter parameter", e);
        }
    }
}
