package org.alos2ingest.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.LookSide;
import org.alos2ingest.testing.RealLeader;
import org.junit.jupiter.api.Test;

/** Zero-Doppler geolocation against the real leader's scene centre (alos2-formats.md 4.3). */
class RangeDopplerGeolocatorTest {

    private static final Vector3 P = new Vector3(RealLeader.CENTRE_POSITION[0], RealLeader.CENTRE_POSITION[1], RealLeader.CENTRE_POSITION[2]);
    private static final Vector3 V = new Vector3(RealLeader.CENTRE_VELOCITY[0], RealLeader.CENTRE_VELOCITY[1], RealLeader.CENTRE_VELOCITY[2]);
    private static final Vector3 CENTRE = Ellipsoid.WGS84.toCartesian(RealLeader.CENTRE_LAT, RealLeader.CENTRE_LON, 0);

    /** The state a few milliseconds from the centre time (straight-line motion is exact to micrometres there). */
    private static OrbitState at(double dt) {
        return new OrbitState(P.plus(V.times(dt)), V);
    }

    @Test
    void theLeadersSceneCentreIsAtZeroDopplerOneMillisecondAwayAt811678Metres() {
        double dt = CENTRE.minus(P).dot(V) / V.dot(V);
        assertEquals(0.001, Math.abs(dt), 0.0005, "zero-Doppler time offset, s");
        double range = CENTRE.distance(at(dt).position());
        assertEquals(RealLeader.CENTRE_SLANT_RANGE, range, 0.1);
        assertTrue(V.cross(CENTRE.minus(P)).dot(P) < 0, "right-looking: (V x (T - P)) . P < 0");
    }

    @Test
    void locatesTheLeadersSceneCentreFromItsRangeAndTime() {
        double dt = CENTRE.minus(P).dot(V) / V.dot(V);
        Geodetic g = RangeDopplerGeolocator.locate(at(dt), RealLeader.CENTRE_SLANT_RANGE, LookSide.RIGHT, 0, Ellipsoid.WGS84);
        double miss = Ellipsoid.WGS84.distance(g.lonLat(), new LonLat(RealLeader.CENTRE_LON, RealLeader.CENTRE_LAT));
        assertEquals(0, miss, 0.5, "metres from the DSSR scene centre");
        assertEquals(0, g.height(), 1e-3);
        Vector3 t = Ellipsoid.WGS84.toCartesian(g);
        assertEquals(0, t.minus(at(dt).position()).dot(V) / V.norm(), 1e-4, "zero Doppler");
    }

    @Test
    void leftLookingFindsThePointOnTheOtherSide() {
        Geodetic left = RangeDopplerGeolocator.locate(at(0), RealLeader.CENTRE_SLANT_RANGE, LookSide.LEFT, 0, Ellipsoid.WGS84);
        Vector3 t = Ellipsoid.WGS84.toCartesian(left);
        assertTrue(V.cross(t.minus(P)).dot(P) > 0);
        assertTrue(Ellipsoid.WGS84.distance(left.lonLat(), new LonLat(RealLeader.CENTRE_LON, RealLeader.CENTRE_LAT)) > 800_000);
    }

    @Test
    void heightAboveTheEllipsoidIsHonoured() {
        Geodetic high = RangeDopplerGeolocator.locate(at(0), RealLeader.CENTRE_SLANT_RANGE, LookSide.RIGHT, 3000, Ellipsoid.WGS84);
        assertEquals(3000, high.height(), 1e-3);
        assertEquals(RealLeader.CENTRE_SLANT_RANGE, Ellipsoid.WGS84.toCartesian(high).distance(P), 1e-3);
    }

    @Test
    void aRangeShorterThanTheAltitudeDoesNotReachTheEarth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RangeDopplerGeolocator.locate(at(0), 500_000, LookSide.RIGHT, 0, Ellipsoid.WGS84));
        assertTrue(e.getMessage().contains("does not reach the Earth"), e.getMessage());
    }
}
