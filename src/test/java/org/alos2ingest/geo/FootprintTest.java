package org.alos2ingest.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class FootprintTest {

    @Test
    void closesTheRingAndMakesItCounterClockwise() {
        // LT, RT, RB, LB of the UBS fixture: clockwise
        Footprint f = Footprint.ofRing(List.of(new LonLat(57.477, -20.217), new LonLat(58.016, -20.315),
                new LonLat(57.890, -20.926), new LonLat(57.348, -20.829)), "test");
        JsonNode json = f.toGeoJson();
        assertEquals("Polygon", json.path("type").asText());
        JsonNode ring = json.path("coordinates").get(0);
        assertEquals(5, ring.size());
        assertEquals(ring.get(0), ring.get(4), "closed");
        assertTrue(Orientation.isCCW(((Polygon) f.geometry()).getExteriorRing().getCoordinates()));
        assertEquals(57.477, ring.get(0).get(0).asDouble());
        assertEquals(57.348, ring.get(1).get(0).asDouble(), "starts at LT, then LB");
    }

    @Test
    void splitsAtTheAntimeridian() {
        // a 1 x 1 degree scene centred on 180
        Footprint f = Footprint.ofRing(List.of(new LonLat(179.5, 10), new LonLat(-179.5, 10), new LonLat(-179.5, 11),
                new LonLat(179.5, 11)), "test");
        Geometry g = f.geometry();
        assertTrue(g instanceof MultiPolygon, g.toText());
        assertEquals(2, g.getNumGeometries());
        double area = 0;
        for (int i = 0; i < 2; i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            assertTrue(Orientation.isCCW(p.getExteriorRing().getCoordinates()));
            assertTrue(p.getEnvelopeInternal().getMinX() >= -180 && p.getEnvelopeInternal().getMaxX() <= 180);
            assertEquals(0.5, p.getEnvelopeInternal().getWidth(), 1e-9, "split exactly at 180");
            area += p.getArea();
        }
        assertEquals(1.0, area, 1e-9);
        assertEquals("MultiPolygon", f.toGeoJson().path("type").asText());
        LonLat c = f.centroid();
        assertEquals(180, Math.abs(c.lon()), 1e-6, "centroid taken across the seam");
        assertEquals(10.5, c.lat(), 1e-9);
        assertEquals(2, f.envelopes().size(), "one box per part, not one around the Earth");
    }

    @Test
    void readsWhatItWrites() {
        Footprint f = Footprint.ofRing(List.of(new LonLat(1, 1), new LonLat(2, 1), new LonLat(2, 2)), "m");
        Footprint back = Footprint.fromGeoJson(f.toGeoJson(), "m");
        assertTrue(back.geometry().equalsExact(f.geometry()));
    }

    @Test
    void refusesDegenerateRings() {
        assertThrows(IllegalArgumentException.class, () -> Footprint.ofRing(List.of(new LonLat(1, 1), new LonLat(2, 2)), "m"));
        // a bow tie
        assertThrows(IllegalArgumentException.class, () -> Footprint.ofRing(
                List.of(new LonLat(0, 0), new LonLat(1, 1), new LonLat(1, 0), new LonLat(0, 1)), "m"));
    }
}
