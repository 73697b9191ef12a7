package org.alos2ingest.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.alos2ingest.format.geotiff.GeoTiffImage;
import org.alos2ingest.geo.MapProjection;
import org.alos2ingest.util.Progress;

/**
 * What one map tile costs, on one thread: sampling the display pyramid ({@link TileRenderer#pixels})
 * and PNG encoding, the latter by zlib level 1 as tiles were written before (HUFFMAN_ONLY for
 * reduced, speckled tiles, the default strategy for enlarged, smooth ones), by zlib level 1 with the
 * other strategy, and by {@link PngEncoder#PngEncoder() the literal coder}; bytes per tile of each.
 * Every tile of zooms 0 to 14 (or another maximum) of a GeoTIFF, several passes, medians of the passes' means. Each pass
 * also checks that every encoder's IDAT inflates to the same filtered rows, and prints a checksum of
 * all tile pixels, so that a change to sampling can be shown to leave every pixel as it was.
 *
 * <pre>bench/tile-cost.sh [image.tif] [passes] [max zoom] [finest pyramid level]</pre>
 */
public final class TileCostBenchmark {

    private static final String DEFAULT_TIF =
            "/tmp/alos2-ingest-bench/in-fbd/ALOS2146686640-170209-FBDR1.5GUA/IMG-HH-ALOS2146686640-170209-FBDR1.5GUA.tif";
    private static final int DEFAULT_MAX_ZOOM = 14;
    /** zlib's level for tiles before the literal coder: 3 times faster than 6 for 10 to 15 % more bytes on speckled SAR. */
    private static final int ZLIB_LEVEL = 1;
    private static final int N = WebMercator.TILE_SIZE;
    private static final String[] BANDS = {"z>=14", "z13", "z<=12", "all"};
    private static final String[] KINDS = {"reduced (speckle)", "enlarged (smooth)"};
    /** Encoders: zlib level 1 HUFFMAN_ONLY, zlib level 1 default strategy, literal coder. */
    private static final String[] CODERS = {"zlib1-huff", "zlib1-default", "literal"};
    /** The coder of enlarged tiles in NEW, an index into {@link #CODERS}. */
    private static final int NEW_SMOOTH = 2;

    private TileCostBenchmark() {
    }

    /** Sums of one pass over one group of tiles. */
    private static final class Sums {
        long tiles;
        long drawn;
        long sampleNs;
        final long[] encodeNs = new long[CODERS.length];
        final long[] bytes = new long[CODERS.length];
        long oldNs;
        long newNs;
        long oldBytes;
        long newBytes;
    }

    public static void main(String[] args) throws Exception {
        Path tif = Path.of(args.length > 0 ? args[0] : DEFAULT_TIF);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        // deeper than 14 the finest tiles enlarge the full-resolution level: smooth tiles
        int maxZoom = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_MAX_ZOOM;
        // a pyramid whose finest level is coarser than the tiles need: tiles as of a product of
        // coarser pixels (ScanSAR), enlarged and smooth at the deepest zooms
        int coarsest = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        DisplayPyramid pyramid;
        GeoBounds bounds;
        try (GeoTiffImage image = GeoTiffImage.open(tif)) {
            bounds = RasterBounds.of(image.width(), image.height(), image.transform(), MapProjection.epsg(image.epsg()));
            int first = Math.max(coarsest, GeoTiffRenderer.tileLevel(image, bounds, maxZoom));
            DisplayScale scale = image.bitsPerSample() == 8 ? DisplayScale.IDENTITY : DisplayScale.ALOS2;
            long t0 = System.nanoTime();
            pyramid = PyramidBuilder.build(image, scale, first, Runtime.getRuntime().availableProcessors(),
                    Progress.silent().start("read", 0, Progress.Unit.BYTES));
            System.out.printf(Locale.ROOT, "%s: %d x %d, pyramid from level %d (%d x %d) in %.1f s%n", tif.getFileName(), image.width(),
                    image.height(), first, pyramid.finest().width(), pyramid.finest().height(), (System.nanoTime() - t0) / 1e9);
        }
        TileCoverage coverage = new TileCoverage(bounds);
        List<TileId> tiles = new ArrayList<>();
        for (int z = maxZoom; z >= 0; z--) {
            tiles.addAll(coverage.tiles(z));
        }
        System.out.printf(Locale.ROOT, "%d tiles to zoom %d, %d passes on one thread; figures are medians of the passes%n", tiles.size(),
                maxZoom, passes);

        Sums[][] byBand = new Sums[passes][BANDS.length];
        Sums[][] byKind = new Sums[passes][KINDS.length];
        try (TileRenderer renderer = new TileRenderer(pyramid, bounds);
                PngEncoder huff = new PngEncoder(ZLIB_LEVEL, Deflater.HUFFMAN_ONLY);
                PngEncoder deflate = new PngEncoder(ZLIB_LEVEL);
                PngEncoder literal = new PngEncoder()) {
            PngEncoder[] coders = {huff, deflate, literal};
            for (int pass = 0; pass < passes; pass++) {
                CRC32 pixelSum = new CRC32();
                for (int b = 0; b < BANDS.length; b++) {
                    byBand[pass][b] = new Sums();
                }
                for (int k = 0; k < KINDS.length; k++) {
                    byKind[pass][k] = new Sums();
                }
                long[] ns = new long[CODERS.length];
                byte[][] pngs = new byte[CODERS.length][];
                for (TileId t : tiles) {
                    long a = System.nanoTime();
                    byte[] px = renderer.pixels(t);
                    long sample = System.nanoTime() - a;
                    Sums band = byBand[pass][t.z() >= 14 ? 0 : t.z() == 13 ? 1 : 2];
                    Sums all = byBand[pass][3];
                    for (Sums s : new Sums[] {band, all}) {
                        s.tiles++;
                        s.sampleNs += sample;
                    }
                    if (px == null) {
                        pixelSum.update(0);
                        continue;
                    }
                    pixelSum.update(px);
                    // a different coder first each pass: the first finds the pixels less warm in cache
                    for (int c0 = 0; c0 < CODERS.length; c0++) {
                        int c = (c0 + pass) % CODERS.length;
                        long e = System.nanoTime();
                        pngs[c] = coders[c].encode(px, N, N);
                        ns[c] = System.nanoTime() - e;
                    }
                    boolean reducing = renderer.reducing();
                    Sums kind = byKind[pass][reducing ? 0 : 1];
                    int oldCoder = reducing ? 0 : 1;
                    int newCoder = reducing ? 2 : NEW_SMOOTH;
                    for (Sums s : new Sums[] {band, all, kind}) {
                        s.drawn++;
                        s.oldNs += ns[oldCoder];
                        s.newNs += ns[newCoder];
                        s.oldBytes += pngs[oldCoder].length;
                        s.newBytes += pngs[newCoder].length;
                        for (int c = 0; c < CODERS.length; c++) {
                            s.encodeNs[c] += ns[c];
                            s.bytes[c] += pngs[c].length;
                        }
                    }
                    if (pass == 0) {
                        byte[] rows = idat(pngs[0]);
                        for (int c = 1; c < CODERS.length; c++) {
                            if (!Arrays.equals(rows, idat(pngs[c]))) {
                                throw new AssertionError(CODERS[c] + " differs from " + CODERS[0] + " at tile " + t);
                            }
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "pass %d: sampling %.2f s, tile pixel checksum %08x%n", pass + 1,
                        byBand[pass][3].sampleNs / 1e9, pixelSum.getValue());
            }
        }
        report(byBand, byKind, passes);
    }

    private static void report(Sums[][] byBand, Sums[][] byKind, int passes) {
        System.out.println();
        System.out.println("per tile: sampling (all tiles), then per drawn tile: PNG encoding and bytes, by coder");
        System.out.printf(Locale.ROOT, "%-18s %6s %6s %9s", "group", "tiles", "drawn", "sample_us");
        for (String c : CODERS) {
            System.out.printf(Locale.ROOT, " %14s", c + "_us");
        }
        for (String c : CODERS) {
            System.out.printf(Locale.ROOT, " %14s", c + "_B");
        }
        System.out.println();
        for (int b = 0; b < BANDS.length; b++) {
            row(BANDS[b], column(byBand, b, passes));
        }
        for (int k = 0; k < KINDS.length; k++) {
            row(KINDS[k], column(byKind, k, passes));
        }
        System.out.println();
        System.out.println("OLD = zlib level 1, HUFFMAN_ONLY for reduced tiles, default strategy for enlarged ones;");
        System.out.println("NEW = literal coder for reduced tiles, " + CODERS[NEW_SMOOTH] + " for enlarged ones (as TileRenderer.png)");
        System.out.println("total_us = sampling + encoding per tile of the band (empty tiles cost no encoding)");
        System.out.printf(Locale.ROOT, "%-8s %9s %9s %9s %7s %9s %9s %7s %10s %10s%n", "band", "sample_us", "old_enc", "new_enc", "speedup",
                "old_B", "new_B", "size", "old_total", "new_total");
        for (int b = 0; b < BANDS.length; b++) {
            double[][] v = new double[5][passes];
            for (int p = 0; p < passes; p++) {
                Sums s = byBand[p][b];
                v[0][p] = s.sampleNs / 1e3 / Math.max(1, s.tiles);
                v[1][p] = s.oldNs / 1e3 / Math.max(1, s.drawn);
                v[2][p] = s.newNs / 1e3 / Math.max(1, s.drawn);
                v[3][p] = s.oldNs / 1e3 / Math.max(1, s.tiles);
                v[4][p] = s.newNs / 1e3 / Math.max(1, s.tiles);
            }
            Sums s = byBand[0][b];
            double sample = median(v[0]);
            double oldEnc = median(v[1]);
            double newEnc = median(v[2]);
            long drawn = Math.max(1, s.drawn);
            System.out.printf(Locale.ROOT, "%-8s %9.1f %9.1f %9.1f %7.2f %9d %9d %7.3f %10.1f %10.1f%n", BANDS[b], sample, oldEnc, newEnc,
                    oldEnc / newEnc, s.oldBytes / drawn, s.newBytes / drawn, (double) s.newBytes / Math.max(1, s.oldBytes),
                    sample + median(v[3]), sample + median(v[4]));
        }
    }

    private static double[][] column(Sums[][] sums, int g, int passes) {
        double[][] v = new double[3 + 2 * CODERS.length][passes];
        for (int p = 0; p < passes; p++) {
            Sums s = sums[p][g];
            v[0][p] = s.tiles;
            v[1][p] = s.drawn;
            v[2][p] = s.sampleNs / 1e3 / Math.max(1, s.tiles);
            for (int c = 0; c < CODERS.length; c++) {
                v[3 + c][p] = s.encodeNs[c] / 1e3 / Math.max(1, s.drawn);
                v[3 + CODERS.length + c][p] = (double) s.bytes[c] / Math.max(1, s.drawn);
            }
        }
        return v;
    }

    private static void row(String name, double[][] v) {
        String tiles = v[0][0] == 0 ? "-" : String.format(Locale.ROOT, "%.0f", median(v[0]));
        System.out.printf(Locale.ROOT, "%-18s %6s %6.0f %9s", name, tiles, median(v[1]),
                v[0][0] == 0 || median(v[2]) == 0 ? "-" : String.format(Locale.ROOT, "%.1f", median(v[2])));
        for (int c = 0; c < CODERS.length; c++) {
            System.out.printf(Locale.ROOT, " %14.1f", median(v[3 + c]));
        }
        for (int c = 0; c < CODERS.length; c++) {
            System.out.printf(Locale.ROOT, " %14.0f", median(v[3 + CODERS.length + c]));
        }
        System.out.println();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** The inflated IDAT of a PNG this project wrote (one IDAT right after the signature, IHDR and tRNS). */
    private static byte[] idat(byte[] png) throws DataFormatException {
        int at = 8 + 25 + 14;
        int length = (png[at] & 0xff) << 24 | (png[at + 1] & 0xff) << 16 | (png[at + 2] & 0xff) << 8 | (png[at + 3] & 0xff);
        Inflater inf = new Inflater();
        try {
            inf.setInput(png, at + 8, length);
            byte[] out = new byte[(N + 1) * N];
            int n = inf.inflate(out);
            if (n != out.length || !inf.finished()) {
                throw new AssertionError("IDAT inflates to " + n + " bytes");
            }
            return out;
        } finally {
            inf.end();
        }
    }
}
