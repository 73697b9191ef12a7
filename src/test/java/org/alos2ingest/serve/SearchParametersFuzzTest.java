package org.alos2ingest.serve;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.alos2ingest.catalog.InvalidSearchException;
import org.alos2ingest.testing.FuzzInputs;

/**
 * An item search as {@code /search} receives it: GET query parameters (bbox, datetime, intersects,
 * filter, sortby, limit, ...) as Jetty hands them over, decoded, and the POST JSON body. Bad input must
 * end in an {@link InvalidSearchException} naming the parameter, which the API answers with a 400.
 */
class SearchParametersFuzzTest {

    /** The input is a query string whose values are already percent-decoded: {@code name=value&name=value}. */
    @FuzzTest(maxDuration = "10s")
    void query(byte[] input) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        String text = new String(input, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            query.computeIfAbsent(eq < 0 ? pair : pair.substring(0, eq), k -> new ArrayList<>()).add(eq < 0 ? "" : pair.substring(eq + 1));
        }
        try {
            SearchParameters.fromQuery(query);
        } catch (InvalidSearchException e) {
            FuzzInputs.refused(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void body(byte[] input) {
        try {
            SearchParameters.fromBody(new String(input, StandardCharsets.UTF_8));
        } catch (InvalidSearchException e) {
            FuzzInputs.refused(e);
        }
    }
}
