package org.alos2ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.Deliveries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCliTest {

    @TempDir
    Path tmp;

    @Test
    void tableJsonAndIds() throws Exception {
        Path home = tmp.resolve("home");
        Path in = tmp.resolve("in");
        Deliveries.zip(in, "fbd", 160);
        Deliveries.zip(in, "ubs", 160);
        assertEquals(0, CliRun.run(home, "ingest", in.toString()).code());

        CliRun table = CliRun.run(home, "search", "--bbox", "-71,-28,-69,-26", "--start", "2017-02-09", "--end", "2017-02-09");
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("ALOS2146686640-170209-FBDR1.5GUA"), table.out());
        assertTrue(table.out().contains("1 dataset(s)"), table.out());

        CliRun json = CliRun.run(home, "search", "--format", "json", "--direction", "descending");
        JsonNode fc = Json.MAPPER.readTree(json.out());
        assertEquals("FeatureCollection", fc.path("type").asText());
        assertEquals(1, fc.path("features").size());
        JsonNode f = fc.path("features").get(0);
        assertEquals("ALOS2337294000-200821-UBSL1.5GUD", f.path("id").asText());
        assertEquals("Polygon", f.path("geometry").path("type").asText(), "GeoJSON casing restored");
        assertEquals(63, f.path("properties").path("metadata").path("trackNumber").asInt());

        CliRun ids = CliRun.run(home, "search", "--format", "ids", "--path", "32", "--mode", "FBD", "--level", "1.5");
        assertEquals("ALOS2146686640-170209-FBDR1.5GUA", ids.out().strip());

        CliRun none = CliRun.run(home, "search", "--start", "2030-01-01");
        assertTrue(none.out().contains("no datasets match"));

        Path area = tmp.resolve("area.geojson");
        java.nio.file.Files.writeString(area, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[57,-21],[58,-21],[58,-20],[57,-21]]]},\"properties\":{}}");
        CliRun poly = CliRun.run(home, "search", "--format", "ids", "--intersects", "@" + area);
        assertEquals("ALOS2337294000-200821-UBSL1.5GUD", poly.out().strip());
        assertEquals(2, CliRun.run(home, "search", "--intersects", "{\"type\":\"Point\"}").code(), "bad GeoJSON is a usage error");
    }
}
