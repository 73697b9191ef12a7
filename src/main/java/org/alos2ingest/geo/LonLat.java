package org.alos2ingest.geo;

/** A WGS84 position in degrees, longitude first as GeoJSON writes it. */
public record LonLat(double lon, double lat) {

    public LonLat {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -540 && lon <= 540)) {
            throw new IllegalArgumentException("not a position: lon " + lon + ", lat " + lat);
        }
    }
}
