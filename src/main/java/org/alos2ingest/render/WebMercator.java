package org.alos2ingest.render;

/**
 * The Web Mercator (EPSG:3857) tile grid of Google, OpenStreetMap and Leaflet: at zoom {@code z} the
 * world from 180 W to 180 E and from 85.05 N to 85.05 S is {@code 2^z x 2^z} tiles of 256 pixels,
 * x growing east and y growing south from tile (0, 0) at the north-west corner. Positions are in
 * fractional tile units (tile {@code x} spans {@code [x, x + 1)}).
 */
public final class WebMercator {

    public static final int TILE_SIZE = 256;
    /** The latitude where the square map ends: atan(sinh(pi)). */
    public static final double MAX_LATITUDE = Math.toDegrees(Math.atan(Math.sinh(Math.PI)));

    private WebMercator() {
    }

    /** Fractional tile column of a longitude (not wrapped: 190 E lies east of the last tile). */
    public static double tileX(double lon, int zoom) {
        return (lon + 180) / 360 * (1L << zoom);
    }

    /** Fractional tile row of a latitude, clamped to the map's edges. */
    public static double tileY(double lat, int zoom) {
        double l = Math.toRadians(Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)));
        double y = (1 - Math.log(Math.tan(l) + 1 / Math.cos(l)) / Math.PI) / 2;
        return Math.max(0, Math.min(1, y)) * (1L << zoom);
    }

    public static double lon(double tileX, int zoom) {
        return tileX / (1L << zoom) * 360 - 180;
    }

    public static double lat(double tileY, int zoom) {
        double n = Math.PI * (1 - 2 * tileY / (1L << zoom));
        return Math.toDegrees(Math.atan(Math.sinh(n)));
    }

    /** Ground size of a tile pixel, in metres, at a latitude. */
    public static double pixelMetres(double lat, int zoom) {
        return 2 * Math.PI * 6378137.0 * Math.cos(Math.toRadians(lat)) / (TILE_SIZE * (double) (1L << zoom));
    }
}
