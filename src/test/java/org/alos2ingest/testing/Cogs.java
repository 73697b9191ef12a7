package org.alos2ingest.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.alos2ingest.format.geotiff.CogWriter;
import org.alos2ingest.format.geotiff.GeoTiffImage;

/** Cloud-Optimized GeoTIFFs from our own {@link CogWriter}, the way render writes them, for tests that need one. */
public final class Cogs {

    private Cogs() {
    }

    /**
     * Writes {@code source} (a UInt16 GeoTIFF) as a COG of 512 tiles: every level, overviews by
     * taking every other pixel; as Float32 20 log10(DN) - 83, no data NaN, for {@link CogWriter.SampleType#FLOAT32}.
     */
    public static Path write(Path source, Path cog, CogWriter.SampleType type) throws IOException {
        try (GeoTiffImage image = GeoTiffImage.open(source); GeoTiffImage.RowReader rows = image.rows();
             CogWriter w = new CogWriter(cog, new CogWriter.Spec(image.width(), image.height(), type, 512, image.geoTags(), "0", null, null, Map.of()))) {
            short[] level = new short[image.width() * image.height()];
            rows.read(0, image.height(), level, 0);
            for (int l = 0; l < w.levels(); l++) {
                if (l > 0) {
                    level = halve(level, w.width(l - 1), w.width(l), w.height(l));
                }
                for (int t = 0; t < w.tileRows(l); t++) {
                    short[] band = new short[w.rowsIn(l, t) * w.width(l)];
                    System.arraycopy(level, t * 512 * w.width(l), band, 0, band.length);
                    w.append(type == CogWriter.SampleType.UINT16 ? w.encode(l, t, band) : w.encode(l, t, decibels(band)));
                }
            }
            w.finish();
        }
        return cog;
    }

    private static short[] halve(short[] in, int inWidth, int w, int h) {
        short[] out = new short[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = in[2 * y * inWidth + 2 * x];
            }
        }
        return out;
    }

    private static float[] decibels(short[] dn) {
        float[] f = new float[dn.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = dn[i] == 0 ? Float.NaN : (float) (20 * Math.log10(dn[i] & 0xffff) - 83);
        }
        return f;
    }
}
