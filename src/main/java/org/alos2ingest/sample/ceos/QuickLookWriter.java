package org.alos2ingest.sample.ceos;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

import org.alos2ingest.geo.Ellipsoid;
import org.alos2ingest.geo.LonLat;

/**
 * The product's low-resolution pictures, in radar geometry (columns near to far range, rows first
 * to last line) and about 800 pixels across like JAXA's: the BRS JPEG per polarisation and the
 * trailer's 16-bit quick-look. ScanSAR quick-looks are stretched 2.5 times in azimuth (JAXA's
 * ScanSAR quick-looks are browsed at 100 % x 40 %, seed-system.md 2.8).
 */
final class QuickLookWriter {

    static final double SCANSAR_STRETCH = 2.5;

    private final SampleGeometry geometry;
    private final Scenery scenery;
    private final int width;
    private final int height;
    private double[] grid;

    QuickLookWriter(SampleGeometry geometry, Scenery scenery) {
        this.geometry = geometry;
        this.scenery = scenery;
        List<LonLat> c = geometry.extent();
        double across = Ellipsoid.WGS84.distance(c.get(0), c.get(1));
        double along = Ellipsoid.WGS84.distance(c.get(0), c.get(3));
        // JAXA's quick-looks are about 800 pixels across whatever the image size (804 x 822 in the real fixture).
        width = 800;
        double h = width * along / across * (geometry.images().size() > 1 ? SCANSAR_STRETCH : 1);
        height = (int) Math.max(16, Math.round(h));
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Amplitude-like values (DN) of the quick-look, row by row. */
    int[] values(String pol) {
        double gain = pol.equals("HH") || pol.equals("VV") ? 1.0 : 0.45;
        if (grid == null) {
            grid = scenery.grid(width, height);
        }
        int[] v = new int[width * height];
        for (int i = 0; i < v.length; i++) {
            v[i] = (int) Math.max(1, Math.min(65535, Math.round(2500 * gain * grid[i])));
        }
        return v;
    }

    void writeJpeg(String pol, Path file) throws IOException {
        int[] v = values(pol);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int dn = v[y * width + x];
                img.getRaster().setSample(x, y, 0, Math.max(1, Math.min(255, (int) Math.round(dn * 254.0 / 7500) + 1)));
            }
        }
        if (!ImageIO.write(img, "jpg", file.toFile())) {
            throw new IOException("no JPEG writer");
        }
    }
}
