package org.alos2ingest.sample.ceos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.alos2ingest.describe.ceos.CeosFootprint;
import org.alos2ingest.describe.ceos.CeosGeometry;
import org.alos2ingest.format.ceos.CeosProduct;
import org.alos2ingest.format.ceos.ReadCounter;
import org.alos2ingest.geo.Ellipsoid;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.LookSide;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.identify.Scene;
import org.alos2ingest.identify.SceneFinder;
import org.alos2ingest.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated Level 1.1 products read back: the footprint corners, by range-Doppler geolocation from
 * the leader's state vectors and by the facility-5 polynomial, lie within 30 m of the geometry the
 * product was written from.
 */
class CeosSampleFootprintTest {

    @TempDir
    Path dir;

    private CeosFootprint.Result readBack(CeosSampleProduct product) throws Exception {
        product.write(dir, Progress.silent());
        List<Scene> scenes = new SceneFinder(w -> { }).find(dir);
        assertEquals(1, scenes.size());
        CeosProduct p = CeosProduct.read(scenes.get(0), new ReadCounter());
        return CeosFootprint.compute(CeosGeometry.of(p));
    }

    private static void near(List<LonLat> expected, List<LonLat> actual, double metres, String what) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            double d = Ellipsoid.WGS84.distance(expected.get(i), actual.get(i));
            assertTrue(d < metres, what + " corner " + i + " is " + d + " m from " + expected.get(i) + ": " + actual.get(i));
        }
    }

    @Test
    void stripmapAscendingRightLookingByBothMethods() throws Exception {
        CeosSampleSpec spec = CeosSampleSpec.generic(ObservationMode.FBD, LookSide.RIGHT, OrbitDirection.ASCENDING, new LonLat(-62.53, -11.05),
                LocalDateTime.of(2014, 9, 9, 4, 33, 47, 52_000_000), 1597, 6960).withWidth(300);
        CeosSampleProduct product = new CeosSampleProduct(spec);
        CeosFootprint.Result r = readBack(product);
        List<LonLat> truth = product.geometry().corners(product.geometry().images().get(0));
        near(truth, r.rangeDoppler(), 30, "range-Doppler");
        near(truth, r.facility5().orElseThrow(), 30, "facility-5");
        assertEquals(CeosFootprint.FACILITY5, r.used());
        assertTrue(r.difference() < 30, "methods differ by " + r.difference());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        System.out.println("stripmap RD-vs-truth " + CeosFootprint.maxDistance(truth, r.rangeDoppler()) + " m, facility5-vs-truth "
                + CeosFootprint.maxDistance(truth, r.facility5().get()) + " m");
    }

    @Test
    void acrossTheAntimeridianTheFootprintIsSplitThere() throws Exception {
        CeosSampleSpec spec = CeosSampleSpec.generic(ObservationMode.UBS, LookSide.LEFT, OrbitDirection.DESCENDING, new LonLat(179.99, -17.8),
                LocalDateTime.of(2023, 5, 6, 11, 2, 3, 0), 47900, 5400).withWidth(100);
        CeosSampleProduct product = new CeosSampleProduct(spec);
        CeosFootprint.Result r = readBack(product);
        List<LonLat> truth = product.geometry().corners(product.geometry().images().get(0));
        near(truth, r.rangeDoppler(), 30, "range-Doppler");
        near(truth, r.facility5().orElseThrow(), 30, "facility-5");
        assertEquals("MultiPolygon", r.footprint().toGeoJson().path("type").asText());
        assertEquals(2, r.footprint().geometry().getNumGeometries());
        assertTrue(truth.stream().anyMatch(c -> c.lon() > 179) && truth.stream().anyMatch(c -> c.lon() < -179), truth.toString());
    }

    @Test
    void scanSarDescendingLeftLookingIsTheUnionOfItsScans() throws Exception {
        CeosSampleSpec spec = CeosSampleSpec.generic(ObservationMode.WBD, LookSide.LEFT, OrbitDirection.DESCENDING, new LonLat(140.2, 37.6),
                LocalDateTime.of(2024, 1, 2, 2, 49, 10, 100_000_000), 51350, 2850).withWidth(60);
        CeosSampleProduct product = new CeosSampleProduct(spec);
        CeosFootprint.Result r = readBack(product);
        SampleGeometry g = product.geometry();
        near(g.extent(), r.rangeDoppler(), 30, "range-Doppler union");
        assertEquals(CeosFootprint.RANGE_DOPPLER, r.used());
        near(g.corners(g.images().get(g.reference())), r.facility5().orElseThrow(), 30, "facility-5 of the middle scan");
        for (int i = 0; i < g.images().size(); i++) {
            near(g.corners(g.images().get(i)), r.perScan().get(i), 30, "scan " + (i + 1));
        }
        System.out.println("scansar RD-vs-truth " + CeosFootprint.maxDistance(g.extent(), r.rangeDoppler()) + " m, facility5-vs-truth "
                + CeosFootprint.maxDistance(g.corners(g.images().get(g.reference())), r.facility5().get()) + " m");
    }
}
