package org.alos2ingest.render;

/**
 * What the GeoTIFF renderer makes.
 *
 * @param tiles   write the Web Mercator tile layers (browse images, footprint and viewer are always made)
 * @param maxZoom deepest tile zoom, 0 to {@value #MAX_ZOOM_LIMIT}
 * @param threads threads to render with
 */
public record RenderSettings(boolean tiles, int maxZoom, int threads) {

    /** The seed system's README promised zoom 14; it stopped at 8 because gdal2tiles was slow. */
    public static final int DEFAULT_MAX_ZOOM = 14;
    public static final int MAX_ZOOM_LIMIT = 20;

    public RenderSettings {
        if (maxZoom < 0 || maxZoom > MAX_ZOOM_LIMIT) {
            throw new IllegalArgumentException("max zoom must be 0 to " + MAX_ZOOM_LIMIT + ", got " + maxZoom);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** Tiles to zoom 14 on every core. */
    public static RenderSettings defaults() {
        return new RenderSettings(true, DEFAULT_MAX_ZOOM, Runtime.getRuntime().availableProcessors());
    }

    public RenderSettings withMaxZoom(int z) {
        return new RenderSettings(tiles, z, threads);
    }

    public RenderSettings withTiles(boolean t) {
        return new RenderSettings(t, maxZoom, threads);
    }
}
