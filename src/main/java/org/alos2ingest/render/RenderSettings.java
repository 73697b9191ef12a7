package org.alos2ingest.render;

/**
 * What the GeoTIFF renderer makes.
 *
 * @param tiles   write the Web Mercator tile layers (browse images, footprint and viewer are always made)
 * @param maxZoom deepest tile zoom, 0 to {@value #MAX_ZOOM_LIMIT}
 * @param threads threads to render with
 * @param cogs    the Cloud-Optimized GeoTIFFs to write per polarisation
 */
public record RenderSettings(boolean tiles, int maxZoom, int threads, Cogs cogs) {

    /** The seed system's README promised zoom 14; it stopped at 8 because gdal2tiles was slow. */
    public static final int DEFAULT_MAX_ZOOM = 14;
    public static final int MAX_ZOOM_LIMIT = 20;

    /**
     * @param amplitude   {@code <image>.cog.tif}: the DN, lossless
     * @param sigma0      {@code <image>.sigma0.cog.tif}: calibrated sigma-nought in dB
     * @param calibration the factor sigma-nought is calibrated with
     */
    public record Cogs(boolean amplitude, boolean sigma0, Calibration calibration) {

        /** The DN COG, no sigma-nought, JAXA's factor. */
        public static final Cogs DEFAULT = new Cogs(true, false, Calibration.jaxa());
        public static final Cogs NONE = new Cogs(false, false, Calibration.jaxa());

        public boolean any() {
            return amplitude || sigma0;
        }
    }

    public RenderSettings {
        if (maxZoom < 0 || maxZoom > MAX_ZOOM_LIMIT) {
            throw new IllegalArgumentException("max zoom must be 0 to " + MAX_ZOOM_LIMIT + ", got " + maxZoom);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** Tiles and the DN COG. */
    public RenderSettings(boolean tiles, int maxZoom, int threads) {
        this(tiles, maxZoom, threads, Cogs.DEFAULT);
    }

    /** Tiles to zoom 14 and the DN COG, on every core. */
    public static RenderSettings defaults() {
        return new RenderSettings(true, DEFAULT_MAX_ZOOM, Runtime.getRuntime().availableProcessors());
    }

    public RenderSettings withMaxZoom(int z) {
        return new RenderSettings(tiles, z, threads, cogs);
    }

    public RenderSettings withTiles(boolean t) {
        return new RenderSettings(t, maxZoom, threads, cogs);
    }

    public RenderSettings withCogs(Cogs c) {
        return new RenderSettings(tiles, maxZoom, threads, c);
    }
}
