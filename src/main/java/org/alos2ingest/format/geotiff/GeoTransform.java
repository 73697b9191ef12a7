package org.alos2ingest.format.geotiff;

/**
 * The affine map from raster to map coordinates, in GDAL's order: a raster position (column, row),
 * where (0, 0) is the top-left corner of the top-left pixel and (0.5, 0.5) its centre, lies at
 * {@code x = x0 + column * xPerColumn + row * xPerRow}, {@code y = y0 + column * yPerColumn + row * yPerRow}.
 * North-up rasters have {@code xPerRow = yPerColumn = 0} and a negative {@code yPerRow}.
 */
public record GeoTransform(double x0, double xPerColumn, double xPerRow, double y0, double yPerColumn, double yPerRow) {

    public GeoTransform {
        double det = xPerColumn * yPerRow - xPerRow * yPerColumn;
        if (!Double.isFinite(det) || det == 0 || !Double.isFinite(x0) || !Double.isFinite(y0)) {
            throw new IllegalArgumentException("not an invertible raster-to-map transform: " + x0 + ", " + xPerColumn + ", " + xPerRow
                    + ", " + y0 + ", " + yPerColumn + ", " + yPerRow);
        }
    }

    /** A north-up grid: origin of the top-left corner and the (positive) pixel sizes. */
    public static GeoTransform northUp(double originX, double originY, double pixelWidth, double pixelHeight) {
        return new GeoTransform(originX, pixelWidth, 0, originY, 0, -pixelHeight);
    }

    public double x(double column, double row) {
        return x0 + column * xPerColumn + row * xPerRow;
    }

    public double y(double column, double row) {
        return y0 + column * yPerColumn + row * yPerRow;
    }

    /** The raster position of a map position: {column, row}. */
    public double[] pixel(double x, double y) {
        double det = xPerColumn * yPerRow - xPerRow * yPerColumn;
        double dx = x - x0;
        double dy = y - y0;
        return new double[] {(dx * yPerRow - dy * xPerRow) / det, (dy * xPerColumn - dx * yPerColumn) / det};
    }

    /** The inverse as coefficients {c0, cPerX, cPerY, r0, rPerX, rPerY}, for tight loops. */
    public double[] inverseCoefficients() {
        double det = xPerColumn * yPerRow - xPerRow * yPerColumn;
        double cx = yPerRow / det;
        double cy = -xPerRow / det;
        double rx = -yPerColumn / det;
        double ry = xPerColumn / det;
        return new double[] {-(x0 * cx + y0 * cy), cx, cy, -(x0 * rx + y0 * ry), rx, ry};
    }

    /** The size of a pixel on the map: the square root of its area (map units). */
    public double pixelSize() {
        return Math.sqrt(Math.abs(xPerColumn * yPerRow - xPerRow * yPerColumn));
    }

    /** The same grid with pixels {@code factor} times larger (a reduced-resolution level). */
    public GeoTransform scaled(double factor) {
        return new GeoTransform(x0, xPerColumn * factor, xPerRow * factor, y0, yPerColumn * factor, yPerRow * factor);
    }
}
