package org.alos2ingest.render;

/** One XYZ tile: zoom, column (east) and row (south). */
public record TileId(int z, int x, int y) {

    public TileId {
        long n = 1L << z;
        if (z < 0 || z > 30 || x < 0 || x >= n || y < 0 || y >= n) {
            throw new IllegalArgumentException("no tile " + z + "/" + x + "/" + y);
        }
    }

    /** The tile's path under a layer folder, as Leaflet asks for it: {@code z/x/y.png}. */
    public String path() {
        return z + "/" + x + "/" + y + ".png";
    }
}
