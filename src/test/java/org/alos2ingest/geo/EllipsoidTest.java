package org.alos2ingest.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.alos2ingest.testing.RealLeader;
import org.junit.jupiter.api.Test;

class EllipsoidTest {

    @Test
    void nadirOfTheRealSceneCentreStateIsTheLeadersNadirPoint() {
        Vector3 p = new Vector3(RealLeader.CENTRE_POSITION[0], RealLeader.CENTRE_POSITION[1], RealLeader.CENTRE_POSITION[2]);
        Geodetic g = Ellipsoid.WGS84.toGeodetic(p);
        assertEquals(RealLeader.NADIR_LAT, g.lat(), 1e-5);
        assertEquals(RealLeader.NADIR_LON, g.lon(), 1e-5);
        assertEquals(RealLeader.NADIR_HEIGHT, g.height(), 1.0);
    }

    @Test
    void geodeticAndCartesianRoundTripEverywhere() {
        for (double lat = -90; lat <= 90; lat += 7.5) {
            for (double lon = -180; lon < 180; lon += 45) {
                for (double h : new double[] {-500, 0, 9000, 640_000}) {
                    Geodetic g = Ellipsoid.WGS84.toGeodetic(Ellipsoid.WGS84.toCartesian(lat, lon, h));
                    assertEquals(lat, g.lat(), 1e-9, "lat " + lat + " lon " + lon + " h " + h);
                    if (Math.abs(lat) < 90) {
                        assertEquals(lon, g.lon(), 1e-9);
                    }
                    assertEquals(h, g.height(), 1e-4);
                }
            }
        }
    }

    @Test
    void knownPoints() {
        Vector3 equator = Ellipsoid.WGS84.toCartesian(0, 90, 0);
        assertEquals(6378137.0, equator.y(), 1e-6);
        Vector3 pole = Ellipsoid.WGS84.toCartesian(90, 0, 0);
        assertEquals(6356752.314245, pole.z(), 1e-5);
    }
}
