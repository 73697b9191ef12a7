package org.alos2ingest.render;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Which tiles a layer has: at each zoom, every tile that overlaps the raster's longitude/latitude
 * box (overlap of interiors: a tile that only touches the box is left out). This is the set Leaflet
 * requests for a tile layer given those {@code bounds}, and the set gdal2tiles writes (without
 * {@code --exclude}), so a viewer never asks for a tile that does not exist.
 */
public final class TileCoverage {

    private final GeoBounds bounds;

    public TileCoverage(GeoBounds bounds) {
        this.bounds = bounds;
    }

    public GeoBounds bounds() {
        return bounds;
    }

    /** Tiles of one zoom, by column then row; columns are wrapped across the antimeridian. */
    public List<TileId> tiles(int zoom) {
        long n = 1L << zoom;
        long x0 = (long) Math.floor(WebMercator.tileX(bounds.west(), zoom));
        long x1 = (long) Math.ceil(WebMercator.tileX(bounds.east(), zoom)) - 1;
        long y0 = (long) Math.floor(WebMercator.tileY(bounds.north(), zoom));
        long y1 = (long) Math.ceil(WebMercator.tileY(bounds.south(), zoom)) - 1;
        y0 = Math.max(0, y0);
        y1 = Math.min(n - 1, y1);
        TreeSet<Long> columns = new TreeSet<>();
        for (long x = x0; x <= x1 && columns.size() < n; x++) {
            columns.add(Math.floorMod(x, n));
        }
        List<TileId> out = new ArrayList<>();
        for (long x : columns) {
            for (long y = y0; y <= y1; y++) {
                out.add(new TileId(zoom, (int) x, (int) y));
            }
        }
        return out;
    }

    /** Number of tiles of zooms 0 to {@code maxZoom}. */
    public long count(int maxZoom) {
        long c = 0;
        for (int z = 0; z <= maxZoom; z++) {
            c += tiles(z).size();
        }
        return c;
    }
}
