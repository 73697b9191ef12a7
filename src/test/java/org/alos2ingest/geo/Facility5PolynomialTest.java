package org.alos2ingest.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.alos2ingest.geo.LonLat;
import org.junit.jupiter.api.Test;

class Facility5PolynomialTest {

    /** The coefficient of x^px y^py sits at index (4 - px) * 5 + (4 - py) (alos2-formats.md 3.2.9). */
    private static int index(int px, int py) {
        return (4 - px) * 5 + (4 - py);
    }

    @Test
    void termsSitWhereJaxaPutsThem() {
        double[] lat = new double[25];
        double[] lon = new double[25];
        lat[24] = -11.0510315;
        lat[index(1, 0)] = 1e-6;
        lat[index(0, 1)] = -5e-5;
        lat[index(4, 4)] = 1e-30;
        lon[24] = -62.5321831;
        lon[index(1, 0)] = 5.7e-5;
        lon[index(2, 3)] = 2e-18;
        Facility5Polynomial p = new Facility5Polynomial(lat, lon, 6435, 6580);
        LonLat origin = p.at(6435, 6580);
        assertEquals(-11.0510315, origin.lat(), 1e-12);
        assertEquals(-62.5321831, origin.lon(), 1e-12);
        double x = 12869 - 6435;
        double y = 0 - 6580;
        LonLat corner = p.at(12869, 0);
        assertEquals(-11.0510315 + 1e-6 * x - 5e-5 * y + 1e-30 * Math.pow(x, 4) * Math.pow(y, 4), corner.lat(), 1e-12);
        assertEquals(-62.5321831 + 5.7e-5 * x + 2e-18 * x * x * Math.pow(y, 3), corner.lon(), 1e-12);
    }

    @Test
    void longitudesWrapAcrossTheAntimeridian() {
        double[] lat = new double[25];
        double[] lon = new double[25];
        lon[24] = 179.9;
        lon[index(1, 0)] = 1e-4;
        LonLat east = new Facility5Polynomial(lat, lon, 0, 0).at(2000, 0);
        assertEquals(-179.9, east.lon(), 1e-9);
    }
}
