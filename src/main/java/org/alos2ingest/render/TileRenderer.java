package org.alos2ingest.render;

import static org.alos2ingest.render.LevelSampler.fixed;

import java.util.Arrays;
import java.util.zip.Deflater;

import org.alos2ingest.geo.MapProjection;

/**
 * Renders one Web Mercator tile from a {@link DisplayPyramid}. For each tile pixel it finds the
 * source position (longitude/latitude of the pixel centre, projected by proj4j into the raster's map
 * projection, then through the raster's inverse affine transform). The projection is evaluated
 * exactly on a grid every {@link #GRID} pixels and interpolated bilinearly in between; where that
 * would be off by more than {@link #MAX_GRID_ERROR} of a tile pixel (large low-zoom tiles) every
 * pixel is projected. The tile samples the coarsest pyramid level whose pixels are no larger than a
 * tile pixel (so a tile pixel spans 1 to 2 level pixels, each the mean of its source block): when
 * enlarging, bilinear with no-data given no weight, drawn where at least half the weight is data;
 * when reducing, the mean of four point samples spread over the tile pixel's footprint, drawn where
 * at least two are data ({@link LevelSampler}). Positions run in fixed point along each row. One
 * renderer per thread.
 */
final class TileRenderer implements AutoCloseable {

    static final int GRID = 16;
    static final double MAX_GRID_ERROR = 0.05;
    private static final int N = WebMercator.TILE_SIZE;

    private final DisplayPyramid pyramid;
    private final GeoBounds bounds;
    private final MapProjection projection;
    private final double[] inverse;
    private final PngEncoder smoothPng;
    private final PngEncoder noisyPng;
    private final byte[] pixels = new byte[N * N];
    private final double[] col = new double[N * N];
    private final double[] row = new double[N * N];
    private final double[] nodeC = new double[(N / GRID + 2) * (N / GRID + 2)];
    private final double[] nodeR = new double[(N / GRID + 2) * (N / GRID + 2)];
    private final double[] rowC = new double[N / GRID + 2];
    private final double[] rowR = new double[N / GRID + 2];
    private final int[] nodesU = new int[N / GRID + 2];
    private final int[] nodesV = new int[N / GRID + 2];
    private final double[] xy = new double[2];
    private final LevelSampler sampler = new LevelSampler(pixels);

    /** Tiles in PNG by the literal Deflate coder ({@link PngEncoder#PngEncoder()}). */
    TileRenderer(DisplayPyramid pyramid, GeoBounds bounds) {
        this(pyramid, bounds, new PngEncoder(), new PngEncoder());
    }

    /**
     * Tiles in PNG by zlib at {@code pngLevel}, as they were made before the literal coder: kept to
     * compare against (TileCostBenchmark).
     */
    TileRenderer(DisplayPyramid pyramid, GeoBounds bounds, int pngLevel) {
        this(pyramid, bounds, new PngEncoder(pngLevel), new PngEncoder(pngLevel, Deflater.HUFFMAN_ONLY));
    }

    private TileRenderer(DisplayPyramid pyramid, GeoBounds bounds, PngEncoder smoothPng, PngEncoder noisyPng) {
        this.pyramid = pyramid;
        this.bounds = bounds;
        this.projection = MapProjection.epsg(pyramid.epsg());
        this.inverse = pyramid.transform().inverseCoefficients();
        this.smoothPng = smoothPng;
        this.noisyPng = noisyPng;
    }

    /** The tile's display values (row-major, 0 = transparent), or null when it shows no data. */
    byte[] pixels(TileId t) {
        Arrays.fill(pixels, (byte) 0);
        int z = t.z();
        long n = 1L << z;
        double gx0 = WebMercator.tileX(bounds.west(), z) * N;
        double gx1 = WebMercator.tileX(bounds.east(), z) * N;
        double gy0 = WebMercator.tileY(bounds.north(), z) * N;
        double gy1 = WebMercator.tileY(bounds.south(), z) * N;
        double oy = (double) t.y() * N;
        int v0 = (int) Math.max(0, Math.floor(gy0 - oy));
        int v1 = (int) Math.min(N, Math.ceil(gy1 - oy));
        boolean any = false;
        for (long k = -1; k <= 1; k++) {
            double ox = (t.x() + k * n) * (double) N;
            int u0 = (int) Math.max(0, Math.floor(gx0 - ox));
            int u1 = (int) Math.min(N, Math.ceil(gx1 - ox));
            if (u0 < u1 && v0 < v1) {
                any |= renderWindow(z, ox, oy, u0, u1, v0, v1);
            }
        }
        return any ? pixels : null;
    }

    /** Whether the tile last rendered reduced its level (speckle) rather than enlarged it (smooth). */
    boolean reducing() {
        return sampler.reducing();
    }

    /** PNG bytes of the tile, or null when it shows no data. */
    byte[] png(TileId t) {
        byte[] p = pixels(t);
        // reduced tiles are speckle, enlarged ones smooth: each to the compression that suits it
        return p == null ? null : (sampler.reducing() ? noisyPng : smoothPng).encode(p, N, N);
    }

    private boolean renderWindow(int z, double ox, double oy, int u0, int u1, int v0, int v1) {
        int nu = grid(nodesU, u0, u1);
        int nv = grid(nodesV, v0, v1);
        for (int j = 0; j < nv; j++) {
            for (int i = 0; i < nu; i++) {
                source(z, ox + nodesU[i] + 0.5, oy + nodesV[j] + 0.5);
                nodeC[j * nu + i] = xy[0];
                nodeR[j * nu + i] = xy[1];
            }
        }
        // Source pixels per tile pixel, from the grid cell nearest the window's centre.
        int ci = Math.max(0, Math.min(nu - 2, nu / 2 - 1));
        int cj = Math.max(0, Math.min(nv - 2, nv / 2 - 1));
        double du = Math.max(1, nodesU[Math.min(nu - 1, ci + 1)] - nodesU[ci]);
        double dv = Math.max(1, nodesV[Math.min(nv - 1, cj + 1)] - nodesV[cj]);
        int a = cj * nu + ci;
        int b = cj * nu + Math.min(nu - 1, ci + 1);
        int c = Math.min(nv - 1, cj + 1) * nu + ci;
        double cu = nu > 1 ? (nodeC[b] - nodeC[a]) / du : 0;
        double ru = nu > 1 ? (nodeR[b] - nodeR[a]) / du : 0;
        double cv = nv > 1 ? (nodeC[c] - nodeC[a]) / dv : 0;
        double rv = nv > 1 ? (nodeR[c] - nodeR[a]) / dv : 0;
        if (nu == 1 || nv == 1) {
            // A window one pixel wide or high: measure the scale from a neighbouring pixel.
            source(z, ox + nodesU[0] + 1.5, oy + nodesV[0] + 0.5);
            cu = xy[0] - nodeC[0];
            ru = xy[1] - nodeR[0];
            source(z, ox + nodesU[0] + 0.5, oy + nodesV[0] + 1.5);
            cv = xy[0] - nodeC[0];
            rv = xy[1] - nodeR[0];
        }
        double scale = Math.sqrt(Math.abs(cu * rv - cv * ru));
        boolean exact = gridError(z, ox, oy, nu, nv) > MAX_GRID_ERROR * Math.max(scale, 1e-9);
        if (!exact && !anyDataNear(nu * nv, 2 * scale + 2)) {
            return false;
        }
        if (exact) {
            fillPositions(z, ox, oy, u0, u1, v0, v1);
        }

        DisplayPyramid.Level level = pyramid.forScale(scale);
        double f = level.factor();
        sampler.use(level, scale / f, cu, ru, cv, rv);
        double inv = 1 / f;
        boolean drawn = false;
        if (exact || nu == 1 || nv == 1) {
            if (!exact) {
                fillPositions(z, ox, oy, u0, u1, v0, v1);
            }
            for (int v = v0; v < v1; v++) {
                for (int u = u0; u < u1; u++) {
                    int i = v * N + u;
                    double p = col[i] * inv - 0.5;
                    double q = row[i] * inv - 0.5;
                    if (Double.isFinite(p) && Double.isFinite(q) && Math.abs(p) < 1e9 && Math.abs(q) < 1e9) {
                        drawn |= sampler.shade(i, fixed(p), fixed(q));
                    }
                }
            }
            return drawn;
        }
        int j = 0;
        for (int v = v0; v < v1; v++) {
            while (j + 1 < nv - 1 && v >= nodesV[j + 1]) {
                j++;
            }
            double fv = (v - nodesV[j]) / (double) Math.max(1, nodesV[j + 1] - nodesV[j]);
            // this row's positions at the node columns, then linear along the row between them
            for (int k = 0; k < nu; k++) {
                double c0 = nodeC[j * nu + k];
                double r0 = nodeR[j * nu + k];
                rowC[k] = (c0 + fv * (nodeC[(j + 1) * nu + k] - c0)) * inv - 0.5;
                rowR[k] = (r0 + fv * (nodeR[(j + 1) * nu + k] - r0)) * inv - 0.5;
            }
            int base = v * N;
            for (int k = 0; k + 1 < nu; k++) {
                int from = nodesU[k];
                int to = k + 2 == nu ? nodesU[k + 1] + 1 : nodesU[k + 1];
                double span = Math.max(1, nodesU[k + 1] - nodesU[k]);
                // fixed point (1/65536 of a level pixel): integer steps along the row
                long dp = fixed((rowC[k + 1] - rowC[k]) / span);
                long dq = fixed((rowR[k + 1] - rowR[k]) / span);
                drawn |= sampler.shadeRun(base + from, to - from, fixed(rowC[k]), fixed(rowR[k]), dp, dq);
            }
        }
        return drawn;
    }

    /**
     * Whether the source holds any data within {@code margin} source pixels of the grid nodes' box,
     * looked up in a coarse level (whose pixels are non-zero wherever their block holds any data):
     * tiles beside the swath but inside the raster's box are found empty without sampling them.
     */
    private boolean anyDataNear(int nodes, double margin) {
        double c0 = Double.MAX_VALUE;
        double c1 = -Double.MAX_VALUE;
        double r0 = Double.MAX_VALUE;
        double r1 = -Double.MAX_VALUE;
        for (int k = 0; k < nodes; k++) {
            c0 = Math.min(c0, nodeC[k]);
            c1 = Math.max(c1, nodeC[k]);
            r0 = Math.min(r0, nodeR[k]);
            r1 = Math.max(r1, nodeR[k]);
        }
        c0 = Math.max(0, c0 - margin);
        r0 = Math.max(0, r0 - margin);
        c1 = Math.min(pyramid.sourceWidth(), c1 + margin);
        r1 = Math.min(pyramid.sourceHeight(), r1 + margin);
        if (!(c0 < c1 && r0 < r1)) {
            return false;
        }
        double span = Math.max(c1 - c0, r1 - r0);
        int l = 0;
        while ((1L << l) * 16 < span) {
            l++;
        }
        DisplayPyramid.Level level = pyramid.level(l);
        double f = level.factor();
        int x0 = (int) (c0 / f);
        int x1 = Math.min(level.width() - 1, (int) (c1 / f));
        int y0 = (int) (r0 / f);
        int y1 = Math.min(level.height() - 1, (int) (r1 / f));
        byte[] px = level.pixels();
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (px[y * level.width() + x] != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Node pixel indices from a to b - 1, every GRID pixels and the last pixel; returns their count. */
    private static int grid(int[] nodes, int a, int b) {
        int n = 0;
        for (int p = a; p < b - 1; p += GRID) {
            nodes[n++] = p;
        }
        nodes[n++] = b - 1;
        return n;
    }

    /** Largest difference, in source pixels, between the interpolated and the exact position at cell centres. */
    private double gridError(int z, double ox, double oy, int nu, int nv) {
        double worst = 0;
        for (int j = 0; j + 1 < nv; j++) {
            for (int i = 0; i + 1 < nu; i++) {
                if (nodesU[i + 1] - nodesU[i] < 2 || nodesV[j + 1] - nodesV[j] < 2) {
                    continue;
                }
                double um = (nodesU[i] + nodesU[i + 1]) / 2.0;
                double vm = (nodesV[j] + nodesV[j + 1]) / 2.0;
                double fu = (um - nodesU[i]) / (nodesU[i + 1] - nodesU[i]);
                double fv = (vm - nodesV[j]) / (nodesV[j + 1] - nodesV[j]);
                double ic = lerp2(nodeC, nu, i, j, fu, fv);
                double ir = lerp2(nodeR, nu, i, j, fu, fv);
                source(z, ox + um + 0.5, oy + vm + 0.5);
                worst = Math.max(worst, Math.hypot(xy[0] - ic, xy[1] - ir));
                if (!Double.isFinite(worst)) {
                    return Double.POSITIVE_INFINITY;
                }
            }
        }
        return worst;
    }

    private static double lerp2(double[] node, int nu, int i, int j, double fu, double fv) {
        double top = node[j * nu + i] + fu * (node[j * nu + i + 1] - node[j * nu + i]);
        double bottom = node[(j + 1) * nu + i] + fu * (node[(j + 1) * nu + i + 1] - node[(j + 1) * nu + i]);
        return top + fv * (bottom - top);
    }

    /** Projects every pixel of the window exactly, into {@link #col} and {@link #row}. */
    private void fillPositions(int z, double ox, double oy, int u0, int u1, int v0, int v1) {
        for (int v = v0; v < v1; v++) {
            for (int u = u0; u < u1; u++) {
                source(z, ox + u + 0.5, oy + v + 0.5);
                col[v * N + u] = xy[0];
                row[v * N + u] = xy[1];
            }
        }
    }

    /** Source raster position (column, row; pixel edges at integers) of a global tile-pixel position at zoom z, into {@link #xy}. */
    private void source(int z, double gx, double gy) {
        double lon = WebMercator.lon(gx / N, z);
        double lat = WebMercator.lat(gy / N, z);
        double centre = bounds.centreLon();
        while (lon - centre > 180) {
            lon -= 360;
        }
        while (lon - centre < -180) {
            lon += 360;
        }
        double[] m = projection.forward(lon, lat);
        xy[0] = inverse[0] + inverse[1] * m[0] + inverse[2] * m[1];
        xy[1] = inverse[3] + inverse[4] * m[0] + inverse[5] * m[1];
    }

    @Override
    public void close() {
        smoothPng.close();
        noisyPng.close();
    }
}
