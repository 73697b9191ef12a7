package org.alos2ingest.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.alos2ingest.format.geotiff.CogWriter;
import org.alos2ingest.format.geotiff.CogWriter.SampleType;
import org.alos2ingest.format.geotiff.GeoTiffImage;

/**
 * The Cloud-Optimized GeoTIFFs of one polarisation image, written while {@link PyramidBuilder} reads
 * it: {@code <image>.cog.tif} (the DN, lossless) and with sigma-nought {@code <image>.sigma0.cog.tif}
 * (Float32 dB). Bands of 512 source rows arrive on the builder's threads in any order; each is
 * compressed on its own thread and its power (DN^2) averaged 2 x 2 fills its half of an overview tile
 * row; the thread that completes a tile row of any level compresses it and halves it into the next
 * level. No thread waits for another. Overviews are averaged in power from level to level (as
 * {@code gdaladdo -r rms} does from each overview to the next) so that an overview's DN is the root
 * mean square of the DNs under it and its sigma-nought the calibrated mean power: overviews stay
 * calibratable. No data (DN 0) takes no part in any average.
 */
final class PolarisationCogs implements PyramidBuilder.BandSink, AutoCloseable {

    static final int TILE = 512;

    private final Path folder;
    private final String polarisation;
    private final CogWriter dn;
    private final CogWriter sigma0;
    /** The one that sets the levels' shapes (both do when both are written). */
    private final CogWriter shape;
    private final Calibration calibration;
    private final float[] sigma0Table;
    private final int width;
    /** Per overview level, its tile rows being filled, by tile row. */
    private final List<Map<Integer, PendingRow>> pending = new ArrayList<>();
    private final AtomicInteger bands = new AtomicInteger();

    /**
     * An overview tile row being filled with mean powers, by halves that come in any order; doubles,
     * so that a DN rounds as from the exact mean.
     */
    private static final class PendingRow {
        final double[] power;
        final int rows;
        int filled;

        PendingRow(int rows, int width) {
            this.rows = rows;
            this.power = new double[rows * width];
        }
    }

    PolarisationCogs(GeoTiffImage image, Path folder, String polarisation, RenderSettings.Cogs settings) throws IOException {
        if (!settings.any()) {
            throw new IllegalArgumentException("no COG asked for");
        }
        this.folder = folder;
        this.polarisation = polarisation;
        this.calibration = settings.calibration();
        this.width = image.width();
        String base = baseName(image.file());
        CogWriter a = null;
        CogWriter s = null;
        try {
            if (settings.amplitude()) {
                a = new CogWriter(folder.resolve(base + ".cog.tif"), new CogWriter.Spec(image.width(), image.height(), SampleType.UINT16, TILE,
                        image.geoTags(), CogFile.Kind.AMPLITUDE.nodata(), polarisation + " amplitude (DN)", CogFile.Kind.AMPLITUDE.unit(),
                        Map.of("POLARIZATION", polarisation, "SOURCE", image.file().getFileName().toString())));
            }
            if (settings.sigma0()) {
                s = new CogWriter(folder.resolve(base + ".sigma0.cog.tif"), new CogWriter.Spec(image.width(), image.height(), SampleType.FLOAT32,
                        TILE, image.geoTags(), CogFile.Kind.SIGMA0.nodata(), polarisation + " sigma0 (dB)", CogFile.Kind.SIGMA0.unit(),
                        Map.of("POLARIZATION", polarisation, "SOURCE", image.file().getFileName().toString(),
                                "CALIBRATION_FACTOR_DB", String.format(Locale.ROOT, "%.4f", calibration.factorDb()),
                                "CALIBRATION_FORMULA", Calibration.FORMULA)));
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(a);
            closeQuietly(s);
            throw e;
        }
        this.dn = a;
        this.sigma0 = s;
        this.shape = a != null ? a : s;
        this.sigma0Table = s != null ? calibration.table() : null;
        for (int l = 0; l < shape.levels(); l++) {
            pending.add(new HashMap<>());
        }
    }

    /** The image's name without its extension: {@code IMG-HH-ALOS2...-FBDR1.5GUA}. */
    static String baseName(Path image) {
        return image.getFileName().toString().replaceFirst("(?i)\\.tiff?$", "");
    }

    @Override
    public int rowsPerBand() {
        return TILE;
    }

    @Override
    public void band(int index, short[] rows, int n) {
        if (n != shape.rowsIn(0, index)) {
            throw new IllegalArgumentException("band " + index + " has " + n + " rows, expected " + shape.rowsIn(0, index));
        }
        try {
            if (dn != null) {
                dn.append(dn.encode(0, index, rows));
            }
            if (sigma0 != null) {
                sigma0.append(sigma0.encode(0, index, rows, sigma0Table));
            }
            if (shape.levels() > 1) {
                add(1, index / 2, (index % 2) * (TILE / 2), halveDn(rows, n), (n + 1) / 2);
            }
        } catch (IOException e) {
            throw new RenderException(folder, "cannot write the " + polarisation + " COG: " + e.getMessage(), e);
        }
        bands.incrementAndGet();
    }

    /** Level 1 from DNs: the mean of the non-zero DN^2 of each 2 x 2 block, 0 where there are none. */
    private double[] halveDn(short[] rows, int n) {
        int w = width;
        int ow = (w + 1) / 2;
        int oh = (n + 1) / 2;
        double[] out = new double[oh * ow];
        for (int oy = 0; oy < oh; oy++) {
            int r0 = 2 * oy * w;
            int r1 = 2 * oy + 1 < n ? r0 + w : -1;
            for (int ox = 0; ox < ow; ox++) {
                int x = 2 * ox;
                boolean right = x + 1 < w;
                long sum = 0;
                int count = 0;
                int v = rows[r0 + x] & 0xffff;
                if (v != 0) {
                    sum += (long) v * v;
                    count++;
                }
                if (right && (v = rows[r0 + x + 1] & 0xffff) != 0) {
                    sum += (long) v * v;
                    count++;
                }
                if (r1 >= 0) {
                    if ((v = rows[r1 + x] & 0xffff) != 0) {
                        sum += (long) v * v;
                        count++;
                    }
                    if (right && (v = rows[r1 + x + 1] & 0xffff) != 0) {
                        sum += (long) v * v;
                        count++;
                    }
                }
                out[oy * ow + ox] = count == 0 ? 0 : (double) sum / count;
            }
        }
        return out;
    }

    /** The next level from mean powers: the mean of the non-zero ones of each 2 x 2 block. */
    private static double[] halvePower(double[] in, int w, int n) {
        int ow = (w + 1) / 2;
        int oh = (n + 1) / 2;
        double[] out = new double[oh * ow];
        for (int oy = 0; oy < oh; oy++) {
            int r0 = 2 * oy * w;
            int r1 = 2 * oy + 1 < n ? r0 + w : -1;
            for (int ox = 0; ox < ow; ox++) {
                int x = 2 * ox;
                boolean right = x + 1 < w;
                double sum = 0;
                int count = 0;
                double v = in[r0 + x];
                if (v != 0) {
                    sum += v;
                    count++;
                }
                if (right && (v = in[r0 + x + 1]) != 0) {
                    sum += v;
                    count++;
                }
                if (r1 >= 0) {
                    if ((v = in[r1 + x]) != 0) {
                        sum += v;
                        count++;
                    }
                    if (right && (v = in[r1 + x + 1]) != 0) {
                        sum += v;
                        count++;
                    }
                }
                out[oy * ow + ox] = count == 0 ? 0 : sum / count;
            }
        }
        return out;
    }

    /**
     * Puts {@code n} rows of mean power at row {@code at} of tile row {@code tileRow} of an overview
     * level; the caller that completes the tile row writes it and halves it into the next level.
     */
    private void add(int level, int tileRow, int at, double[] rows, int n) throws IOException {
        int width = shape.width(level);
        Map<Integer, PendingRow> rowsOfLevel = pending.get(level);
        PendingRow p;
        synchronized (rowsOfLevel) {
            p = rowsOfLevel.computeIfAbsent(tileRow, k -> new PendingRow(shape.rowsIn(level, k), width));
        }
        if (at + n > p.rows) {
            throw new IllegalStateException("level " + level + " tile row " + tileRow + ": rows " + at + ".." + (at + n) + " of " + p.rows);
        }
        // halves fill disjoint rows: copied outside the lock, published by it
        System.arraycopy(rows, 0, p.power, at * width, n * width);
        synchronized (rowsOfLevel) {
            p.filled += n;
            if (p.filled < p.rows) {
                return;
            }
            rowsOfLevel.remove(tileRow);
        }
        int count = p.rows * width;
        if (dn != null) {
            short[] values = new short[count];
            for (int i = 0; i < count; i++) {
                double v = p.power[i];
                // v >= 1 where there is data (every DN is), so the rounded root is too
                values[i] = (short) Math.min(65535, (int) (Math.sqrt(v) + 0.5));
            }
            dn.append(dn.encode(level, tileRow, values));
        }
        if (sigma0 != null) {
            float[] values = new float[count];
            for (int i = 0; i < count; i++) {
                values[i] = calibration.sigma0DbOfPower(p.power[i]);
            }
            sigma0.append(sigma0.encode(level, tileRow, values));
        }
        if (level + 1 < shape.levels()) {
            add(level + 1, tileRow / 2, (tileRow % 2) * (TILE / 2), halvePower(p.power, width, p.rows), (p.rows + 1) / 2);
        }
    }

    /** Writes the files once every band has arrived; what was written, for met.json. */
    List<CogFile> finish() {
        if (bands.get() != shape.tileRows(0)) {
            throw new IllegalStateException(bands.get() + " of " + shape.tileRows(0) + " bands of " + polarisation + " arrived");
        }
        List<CogFile> files = new ArrayList<>();
        try {
            if (dn != null) {
                files.add(describe(dn, CogFile.Kind.AMPLITUDE, dn.finish()));
            }
            if (sigma0 != null) {
                files.add(describe(sigma0, CogFile.Kind.SIGMA0, sigma0.finish()));
            }
        } catch (IOException e) {
            throw new RenderException(folder, "cannot write the " + polarisation + " COG: " + e.getMessage(), e);
        }
        return files;
    }

    private CogFile describe(CogWriter w, CogFile.Kind kind, long bytes) {
        return new CogFile(w.target().getFileName().toString(), polarisation, kind, bytes, w.levels() - 1);
    }

    @Override
    public void close() {
        closeQuietly(dn);
        closeQuietly(sigma0);
    }

    private static void closeQuietly(CogWriter w) {
        if (w != null) {
            try {
                w.close();
            } catch (RuntimeException e) {
                // a spool that cannot be removed is left; the failure that led here matters more
            }
        }
    }
}
