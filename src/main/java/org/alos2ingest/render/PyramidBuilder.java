package org.alos2ingest.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.alos2ingest.format.geotiff.GeoTiffImage;
import org.alos2ingest.util.Parallel;
import org.alos2ingest.util.Progress;

/**
 * Makes a {@link DisplayPyramid} in one pass over a GeoTIFF: bands of source rows are read in
 * parallel, turned into display values through a 64 K table and averaged straight into the finest
 * level kept; the coarser levels are then halved from it in memory. The source is never held whole.
 */
final class PyramidBuilder {

    /** Source rows one task reads: large enough for long sequential reads, small enough to share out. */
    private static final int ROWS_PER_TASK = 128;

    /**
     * Takes the source rows as they are read, in bands of {@link #rowsPerBand} rows (band {@code i}
     * starts at row {@code i * rowsPerBand()}), on the builder's threads and in any order; so a
     * second product of the image (a COG) costs no second read.
     */
    interface BandSink {
        int rowsPerBand();

        /** {@code rows} holds the band's {@code n} rows of {@code width} samples from index 0. */
        void band(int index, short[] rows, int n);
    }

    private PyramidBuilder() {
    }

    /**
     * @param firstLevel the finest level to keep (0 = full resolution)
     * @param task       advanced by source bytes read
     * @throws RenderException when the finest level would not fit in memory
     */
    static DisplayPyramid build(GeoTiffImage image, DisplayScale scale, int firstLevel, int threads, Progress.Task task) {
        return build(image, scale, firstLevel, threads, task, null);
    }

    /** The same, handing every band of rows read to {@code sink} too (when not null). */
    static DisplayPyramid build(GeoTiffImage image, DisplayScale scale, int firstLevel, int threads, Progress.Task task, BandSink sink) {
        int w = image.width();
        int h = image.height();
        int b = 1 << firstLevel;
        int lw = (w + b - 1) / b;
        int lh = (h + b - 1) / b;
        long bytes = (long) lw * lh;
        long free = freeHeap();
        if (bytes * 3 / 2 > free) {
            // the last image's pyramid may still be garbage waiting for collection
            System.gc();
            free = freeHeap();
        }
        if (bytes > Integer.MAX_VALUE - 16 || bytes * 3 / 2 > free) {
            throw new RenderException(image.file(), "a " + lw + " x " + lh + " display image (level " + firstLevel + ") needs "
                    + bytes * 3 / 2 / (1 << 20) + " MB and " + free / (1 << 20) + " MB of heap is free; lower --max-zoom, "
                    + "or give Java more memory (ALOS2_INGEST_JAVA_OPTS=-Xmx...)");
        }
        byte[] finest = new byte[(int) bytes];
        byte[] table = scale.table();
        int rowsPerTask = sink != null ? sink.rowsPerBand() : ROWS_PER_TASK;
        if (sink != null && rowsPerTask % b != 0) {
            throw new IllegalArgumentException("bands of " + rowsPerTask + " rows do not fall on level " + firstLevel + "'s rows");
        }
        int outRowsPerTask = Math.max(1, rowsPerTask / b);
        int tasks = (lh + outRowsPerTask - 1) / outRowsPerTask;
        BandsDone done = new BandsDone(image, tasks, outRowsPerTask * b);
        Parallel.run(threads, tasks, () -> new Parallel.Worker<RuntimeException>() {
            private final GeoTiffImage.RowReader rows = image.rows();
            private final short[] buf = new short[Math.min(h, outRowsPerTask * b) * w];
            private final int[] sum = new int[lw];
            private final int[] count = new int[lw];

            @Override
            public void run(int t) {
                int oy0 = t * outRowsPerTask;
                int oy1 = Math.min(lh, oy0 + outRowsPerTask);
                int sy0 = oy0 * b;
                int sy1 = Math.min(h, oy1 * b);
                rows.read(sy0, sy1 - sy0, buf, 0);
                task.advance((long) (sy1 - sy0) * w * image.bitsPerSample() / 8);
                accumulate(sy0, sy1, oy0, oy1);
                if (sink != null) {
                    sink.band(t, buf, sy1 - sy0);
                }
                done.band(t);
            }

            private void accumulate(int sy0, int sy1, int oy0, int oy1) {
                if (b == 1) {
                    for (int y = sy0; y < sy1; y++) {
                        int in = (y - sy0) * w;
                        int out = y * lw;
                        for (int x = 0; x < w; x++) {
                            finest[out + x] = table[buf[in + x] & 0xffff];
                        }
                    }
                    return;
                }
                for (int oy = oy0; oy < oy1; oy++) {
                    Arrays.fill(sum, 0);
                    Arrays.fill(count, 0);
                    int yEnd = Math.min(h, (oy + 1) * b);
                    for (int y = oy * b; y < yEnd; y++) {
                        int in = (y - sy0) * w;
                        for (int x = 0; x < w; x++) {
                            int v = table[buf[in + x] & 0xffff] & 0xff;
                            if (v != 0) {
                                sum[x >> firstLevel] += v;
                                count[x >> firstLevel]++;
                            }
                        }
                    }
                    int out = oy * lw;
                    for (int ox = 0; ox < lw; ox++) {
                        int c = count[ox];
                        finest[out + ox] = c == 0 ? 0 : (byte) ((sum[ox] + c / 2) / c);
                    }
                }
            }

            @Override
            public void close() {
                rows.close();
            }
        });
        List<DisplayPyramid.Level> levels = new ArrayList<>();
        DisplayPyramid.Level level = new DisplayPyramid.Level(firstLevel, lw, lh, finest);
        levels.add(level);
        while (level.width() > 1 || level.height() > 1) {
            level = halve(level, threads);
            levels.add(level);
        }
        return new DisplayPyramid(w, h, image.epsg(), image.transform(), levels);
    }

    /**
     * Tells the image how far the bands are done without a gap, so that an image streamed from its
     * zip entry can drop the bytes above and inflate further.
     */
    private static final class BandsDone {
        private final GeoTiffImage image;
        private final boolean[] done;
        private final int rowsPerBand;
        private int prefix;

        BandsDone(GeoTiffImage image, int bands, int rowsPerBand) {
            this.image = image;
            this.done = new boolean[bands];
            this.rowsPerBand = rowsPerBand;
        }

        synchronized void band(int index) {
            done[index] = true;
            int before = prefix;
            while (prefix < done.length && done[prefix]) {
                prefix++;
            }
            if (prefix > before) {
                image.doneAbove((int) Math.min(image.height(), (long) prefix * rowsPerBand));
            }
        }
    }

    private static long freeHeap() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    /** The next coarser level: each pixel the mean of the valid pixels of a 2 x 2 block. */
    static DisplayPyramid.Level halve(DisplayPyramid.Level in, int threads) {
        int w = in.width();
        int h = in.height();
        int ow = (w + 1) / 2;
        int oh = (h + 1) / 2;
        byte[] src = in.pixels();
        byte[] out = new byte[ow * oh];
        int rowsPerTask = 256;
        Parallel.run(threads, (oh + rowsPerTask - 1) / rowsPerTask, () -> t -> {
            int y1 = Math.min(oh, (t + 1) * rowsPerTask);
            for (int oy = t * rowsPerTask; oy < y1; oy++) {
                int r0 = 2 * oy * w;
                int r1 = 2 * oy + 1 < h ? r0 + w : -1;
                for (int ox = 0; ox < ow; ox++) {
                    int x = 2 * ox;
                    int sum = 0;
                    int n = 0;
                    int v = src[r0 + x] & 0xff;
                    if (v != 0) {
                        sum += v;
                        n++;
                    }
                    if (x + 1 < w && (v = src[r0 + x + 1] & 0xff) != 0) {
                        sum += v;
                        n++;
                    }
                    if (r1 >= 0) {
                        if ((v = src[r1 + x] & 0xff) != 0) {
                            sum += v;
                            n++;
                        }
                        if (x + 1 < w && (v = src[r1 + x + 1] & 0xff) != 0) {
                            sum += v;
                            n++;
                        }
                    }
                    out[oy * ow + ox] = n == 0 ? 0 : (byte) ((sum + n / 2) / n);
                }
            }
        });
        return new DisplayPyramid.Level(in.index() + 1, ow, oh, out);
    }
}
