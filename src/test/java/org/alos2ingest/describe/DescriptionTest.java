package org.alos2ingest.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.LonLat;
import org.junit.jupiter.api.Test;

class DescriptionTest {

    private static final Footprint SUMMARY = Footprint.ofRing(List.of(new LonLat(10, 10), new LonLat(11, 10), new LonLat(11, 11),
            new LonLat(10, 11)), "summary corners");
    private static final Footprint OUTLINE = Footprint.ofRing(List.of(new LonLat(10.2, 10.2), new LonLat(10.8, 10.2),
            new LonLat(10.5, 10.9)), "valid-data outline");

    private static Description description() {
        ObjectNode met = Json.object().put("level", "L2.1");
        ObjectNode dataset = Json.object().put("version", "v1");
        return new Description("X", null, "v1", met, dataset, SUMMARY, Instant.EPOCH, Instant.EPOCH.plusSeconds(10));
    }

    private static List<String> names(ObjectNode o) {
        List<String> out = new ArrayList<>();
        o.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void changingTheDocumentsItHandsOutChangesNothing() {
        Description d = description();
        d.met().put("level", "changed");
        d.dataset().removeAll();
        assertEquals("L2.1", d.met().path("level").asText());
        assertEquals("v1", d.dataset().path("version").asText());
    }

    @Test
    void aNewFootprintKeepsItsPlaceInBothDocumentsAndLeavesTheOldDescriptionAlone() {
        Description d = description().withMetFields(Json.object().put("tiles", true));
        Description outlined = d.withFootprint(OUTLINE);
        assertEquals(List.of("level", "location", "footprint_method", "tiles"), names(outlined.met()));
        assertEquals("valid-data outline", outlined.met().path("footprint_method").asText());
        assertEquals(OUTLINE.toGeoJson(), outlined.dataset().path("location"));
        assertSame(OUTLINE, outlined.footprint());
        assertEquals("summary corners", d.met().path("footprint_method").asText());
        assertSame(SUMMARY, d.footprint());
    }

    @Test
    void newMetFieldsFollowTheOldOnesInTheOrderGiven() {
        Description d = description();
        Description more = d.withMetFields(Json.object().put("tiles", false).put("level", "L1.5"));
        assertEquals(List.of("level", "location", "footprint_method", "tiles"), names(more.met()));
        assertEquals("L1.5", more.met().path("level").asText());
        assertFalse(d.met().has("tiles"));
    }
}
