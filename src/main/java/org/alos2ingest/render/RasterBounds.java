package org.alos2ingest.render;

import org.alos2ingest.format.geotiff.GeoTransform;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.MapProjection;

/**
 * The longitude/latitude box of a projected raster: its outline, densified (UTM and polar
 * stereographic edges are curves in longitude/latitude), with longitudes unwrapped around the first
 * corner so that a raster across the antimeridian gives one interval; a raster holding a pole
 * reaches all longitudes.
 */
public final class RasterBounds {

    private static final int POINTS_PER_EDGE = 256;

    private RasterBounds() {
    }

    public static GeoBounds of(int width, int height, GeoTransform t, MapProjection p) {
        double west = Double.MAX_VALUE;
        double east = -Double.MAX_VALUE;
        double south = Double.MAX_VALUE;
        double north = -Double.MAX_VALUE;
        double ref = Double.NaN;
        double[][] corners = {{0, 0}, {width, 0}, {width, height}, {0, height}};
        for (int e = 0; e < 4; e++) {
            double[] a = corners[e];
            double[] b = corners[(e + 1) % 4];
            for (int i = 0; i < POINTS_PER_EDGE; i++) {
                double f = i / (double) POINTS_PER_EDGE;
                double c = a[0] + f * (b[0] - a[0]);
                double r = a[1] + f * (b[1] - a[1]);
                LonLat ll = p.inverse(t.x(c, r), t.y(c, r));
                double lon = ll.lon();
                if (Double.isNaN(ref)) {
                    ref = lon;
                }
                while (lon - ref > 180) {
                    lon -= 360;
                }
                while (lon - ref < -180) {
                    lon += 360;
                }
                west = Math.min(west, lon);
                east = Math.max(east, lon);
                south = Math.min(south, ll.lat());
                north = Math.max(north, ll.lat());
            }
        }
        for (int pole : new int[] {90, -90}) {
            if (p.isGeographic()) {
                break;
            }
            double[] xy = p.forward(0, pole);
            double[] px = t.pixel(xy[0], xy[1]);
            if (px[0] > 0 && px[0] < width && px[1] > 0 && px[1] < height) {
                west = -180;
                east = 180;
                north = pole > 0 ? 90 : north;
                south = pole < 0 ? -90 : south;
            }
        }
        if (west < -180) {
            // keep west in -180..180; a box across the antimeridian then ends east of 180
            west += 360;
            east += 360;
        }
        if (west >= 180) {
            west -= 360;
            east -= 360;
        }
        return new GeoBounds(west, Math.max(-90, south), east, Math.min(90, north));
    }
}
