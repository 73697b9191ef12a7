package org.alos2ingest.geo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * Projections against PROJ's own figures: {@code gdaltransform -s_srs "+proj=longlat +datum=WGS84"
 * -t_srs EPSG:xxxxx} (GDAL 3.6.2, PROJ 9.1), to the millimetre, and back.
 */
class MapProjectionTest {

    private static void assertProjects(int epsg, double lon, double lat, double x, double y) {
        MapProjection p = MapProjection.epsg(epsg);
        double[] m = p.forward(lon, lat);
        assertEquals(x, m[0], 1e-3, "EPSG:" + epsg + " x of " + lon + "," + lat);
        assertEquals(y, m[1], 1e-3, "EPSG:" + epsg + " y of " + lon + "," + lat);
        LonLat back = p.inverse(x, y);
        assertEquals(lon, back.lon(), 1e-7, "the reference x, y taken back");
        assertEquals(lat, back.lat(), 1e-7);
    }

    @Test
    void utmAndUpsAsProjHasThem() {
        assertProjects(32654, 141, 35, 500000.000, 3873043.065);
        assertProjects(32654, 139.5, 35.5, 363955.246, 3929527.724);
        assertProjects(32719, -70.3, -33.4, 379106.236, 6303612.532);
        assertProjects(32661, 45, 85, 2392767.688, 1607232.312);
        assertProjects(32761, -120, -80, 1036156.042, 1443524.432);
        assertArrayEquals(new double[] {139.5, 35.5}, MapProjection.epsg(4326).forward(139.5, 35.5));
    }

    /** The EPSG file is read once per code; every projection still has a system of its own. */
    @Test
    void manyProjectionsOfOneCodeOnManyThreadsAgree() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                double lon = 139 + i * 0.05;
                Callable<double[]> task = () -> {
                    MapProjection p = MapProjection.utm(54, false);
                    double[] sum = new double[2];
                    for (int k = 0; k < 2000; k++) {
                        double[] m = p.forward(lon, 35 + k * 1e-4);
                        LonLat back = p.inverse(m[0], m[1]);
                        sum[0] += Math.abs(back.lon() - lon);
                        sum[1] += Math.abs(back.lat() - (35 + k * 1e-4));
                    }
                    return sum;
                };
                results.add(pool.submit(task));
            }
            for (Future<double[]> f : results) {
                double[] err = f.get();
                assertTrue(err[0] < 1e-6 && err[1] < 1e-6, err[0] + " " + err[1]);
            }
        } finally {
            pool.shutdownNow();
        }
        assertProjects(32654, 139.5, 35.5, 363955.246, 3929527.724);
    }

    @Test
    void codesAlos2DoesNotUseAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MapProjection.epsg(3857));
        assertTrue(e.getMessage().startsWith("EPSG:3857 is not a projection ALOS-2 products use"), e.getMessage());
    }
}
