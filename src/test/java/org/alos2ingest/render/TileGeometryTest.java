package org.alos2ingest.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.alos2ingest.format.geotiff.GeoTransform;
import org.alos2ingest.geo.MapProjection;
import org.junit.jupiter.api.Test;

class TileGeometryTest {

    @Test
    void webMercatorPlacesTokyoOnItsOpenStreetMapTile() {
        assertEquals(909, (int) WebMercator.tileX(139.6917, 10));
        assertEquals(403, (int) WebMercator.tileY(35.6895, 10));
        assertEquals(139.6917, WebMercator.lon(WebMercator.tileX(139.6917, 10), 10), 1e-9);
        assertEquals(35.6895, WebMercator.lat(WebMercator.tileY(35.6895, 10), 10), 1e-9);
        assertEquals(0, WebMercator.tileY(89.9, 3), 1e-12);
        assertEquals(8, WebMercator.tileY(-89.9, 3), 1e-12);
        // 156 km per pixel at zoom 0 on the equator
        assertEquals(156_543.03, WebMercator.pixelMetres(0, 0), 0.01);
    }

    @Test
    void coverageTakesTilesThatOverlapAndNotThoseThatOnlyTouch() {
        // A box whose west edge is the prime meridian: at zoom 1 only the eastern column overlaps it.
        TileCoverage c = new TileCoverage(new GeoBounds(0, -10, 10, 10));
        assertEquals(List.of(new TileId(1, 1, 0), new TileId(1, 1, 1)), c.tiles(1));
        assertEquals(List.of(new TileId(0, 0, 0)), c.tiles(0));
        assertEquals(1 + 2 + 2, c.count(2));
    }

    @Test
    void coverageWrapsAcrossTheAntimeridian() {
        TileCoverage c = new TileCoverage(new GeoBounds(175, -20, 185, -15));
        assertEquals(List.of(new TileId(2, 0, 2), new TileId(2, 3, 2)), c.tiles(2));
        assertEquals(List.of(new TileId(0, 0, 0)), c.tiles(0));
        assertEquals(List.of(new TileId(1, 0, 1), new TileId(1, 1, 1)), c.tiles(1));
    }

    @Test
    void rasterBoundsFollowCurvedEdgesPolesAndTheAntimeridian() {
        // UTM zone 60 south, a raster reaching past 180 E
        MapProjection utm60s = MapProjection.epsg(32760);
        double[] c = utm60s.forward(179.9, -17.5);
        GeoBounds b = RasterBounds.of(2000, 2000, GeoTransform.northUp(c[0] - 50_000, c[1] + 50_000, 50, 50), utm60s);
        assertTrue(b.crossesAntimeridian(), b.toString());
        assertTrue(b.west() > 179 && b.west() < 180 && b.east() > 180 && b.east() < 181, b.toString());
        // UPS north, a raster holding the pole
        MapProjection upsN = MapProjection.epsg(32661);
        double[] pole = upsN.forward(0, 90);
        GeoBounds p = RasterBounds.of(1000, 1000, GeoTransform.northUp(pole[0] - 100_000, pole[1] + 100_000, 200, 200), upsN);
        assertEquals(-180, p.west());
        assertEquals(180, p.east());
        assertEquals(90, p.north());
        assertTrue(p.south() > 88 && p.south() < 89.2, p.toString());
        // a UTM rectangle's north edge bulges: the box reaches beyond its corners' latitude
        MapProjection utm54 = MapProjection.epsg(32654);
        GeoBounds u = RasterBounds.of(10_000, 100, GeoTransform.northUp(300_000, 5_000_000, 40, 40), utm54);
        double cornerLat = utm54.inverse(300_000, 5_000_000).lat();
        assertTrue(u.north() > cornerLat + 0.01, u + " vs corner " + cornerLat);
    }

    @Test
    void displayScaleKeepsNoDataAndNeverRoundsDataToIt() {
        DisplayScale s = DisplayScale.ALOS2;
        assertEquals(0, s.display(0));
        assertEquals(1, s.display(1));
        assertEquals(1, s.display(14));
        assertEquals(128, s.display(3750));
        assertEquals(255, s.display(7500));
        assertEquals(255, s.display(65535));
        byte[] t = s.table();
        for (int dn = 1; dn < 65536; dn++) {
            assertTrue((t[dn] & 0xff) >= 1);
        }
        assertFalse(DisplayScale.IDENTITY.display(77) != 78 && DisplayScale.IDENTITY.display(77) != 77);
        assertThrows(IllegalArgumentException.class, () -> new DisplayScale(0));
    }
}
