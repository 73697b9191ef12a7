package org.alos2ingest.geo;

import org.alos2ingest.geo.LonLat;

/** Geodetic latitude and longitude (degrees) and height above the ellipsoid (metres). */
public record Geodetic(double lat, double lon, double height) {

    public LonLat lonLat() {
        return new LonLat(lon, lat);
    }
}
