package org.alos2ingest.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.imageio.ImageIO;

import org.alos2ingest.IngestException;
import org.alos2ingest.describe.Description;
import org.alos2ingest.format.ceos.ReadCounter;
import org.alos2ingest.format.ceos.TrailerFile;
import org.alos2ingest.identify.FileType;
import org.alos2ingest.identify.ProductFileName;
import org.alos2ingest.identify.ProductKind;
import org.alos2ingest.identify.Scene;
import org.alos2ingest.util.Progress;

/**
 * Browse images of CEOS products (Level 1.1, and Level 1.5 in CEOS format), from the quick-looks
 * JAXA ships rather than from the multi-GB images: per polarisation the {@code BRS-<pol>-...jpg}
 * JPEG, or the trailer's 16-bit quick-look when the JPEG is missing. ScanSAR Level 1.1 quick-looks
 * are stretched in azimuth and are shown at 100 % x 40 % (seed-system.md 2.8). Writes
 * {@code IMG-<pol>-<id>.browse.png} (quick-look size) and {@code IMG-<pol>-<id>.browse_small.png}
 * (within 250 x 250), the names the GeoTIFF renderer uses too.
 */
public final class CeosBrowseRenderer implements SceneRenderer {

    private static final Logger LOG = Logger.getLogger("org.alos2ingest");
    static final int SMALL = 250;
    static final double SCANSAR_HEIGHT = 0.4;

    @Override
    public boolean appliesTo(Scene scene) {
        return scene.kind().pictures() == ProductKind.Pictures.CEOS_QUICK_LOOKS;
    }

    @Override
    public Rendering render(Scene scene, Description description, Path productFolder, Progress progress) {
        List<String> pols = scene.polarisations();
        List<String> browse = new ArrayList<>();
        boolean scanSar = scene.kind().radarGeometry() && scene.name().product().mode().isScanSar();
        TrailerFile trailer = null;
        for (int i = 0; i < pols.size(); i++) {
            String pol = pols.get(i);
            BufferedImage q = jpeg(scene, pol).orElse(null);
            if (q == null) {
                if (trailer == null) {
                    trailer = scene.fileOf(FileType.TRL).map(f -> TrailerFile.read(f, new ReadCounter())).orElse(null);
                }
                if (trailer == null || trailer.quickLooks().isEmpty()) {
                    LOG.warning(scene.id() + ": no browse image for " + pol + ": neither a BRS JPEG nor a trailer quick-look");
                    continue;
                }
                int index = trailer.quickLooks().size() == pols.size() ? i : 0;
                q = grey(trailer.quickLook(index, new ReadCounter()));
            }
            if (scanSar) {
                q = scale(q, q.getWidth(), (int) Math.max(1, Math.round(q.getHeight() * SCANSAR_HEIGHT)));
            }
            String base = "IMG-" + pol + "-" + scene.id();
            double f = Math.min(1, Math.min(SMALL / (double) q.getWidth(), SMALL / (double) q.getHeight()));
            BufferedImage small = scale(q, Math.max(1, (int) Math.round(q.getWidth() * f)), Math.max(1, (int) Math.round(q.getHeight() * f)));
            write(q, productFolder.resolve(base + ".browse.png"));
            write(small, productFolder.resolve(base + ".browse_small.png"));
            browse.add(base + ".browse.png");
            browse.add(base + ".browse_small.png");
        }
        return Rendering.browseOnly(browse);
    }

    private static Optional<BufferedImage> jpeg(Scene scene, String pol) {
        for (Path f : scene.filesOf(FileType.BRS)) {
            ProductFileName n = scene.names().get(f);
            if (pol.equals(n.polarisation()) && n.extension().equals(".jpg")) {
                try {
                    BufferedImage img = ImageIO.read(f.toFile());
                    if (img != null) {
                        return Optional.of(toGrey(img));
                    }
                    LOG.warning(f + ": not a readable JPEG; using the trailer's quick-look");
                } catch (IOException | RuntimeException e) {
                    LOG.warning(f + ": not a readable JPEG (" + e.getMessage() + "); using the trailer's quick-look");
                }
            }
        }
        return Optional.empty();
    }

    /** A 16-bit quick-look as 8-bit grey: 0 stays 0 (no data), the rest stretched from its 2nd to 98th percentile onto 1..255. */
    static BufferedImage grey(TrailerFile.QuickLook q) {
        int[] v = q.samples();
        int[] nonZero = Arrays.stream(v).filter(x -> x > 0).sorted().toArray();
        double lo = nonZero.length == 0 ? 0 : nonZero[(int) (0.02 * (nonZero.length - 1))];
        double hi = nonZero.length == 0 ? 1 : nonZero[(int) (0.98 * (nonZero.length - 1))];
        if (hi <= lo) {
            hi = lo + 1;
        }
        BufferedImage img = new BufferedImage(q.width(), q.height(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < q.height(); y++) {
            for (int x = 0; x < q.width(); x++) {
                int s = v[y * q.width() + x];
                int g = s == 0 ? 0 : (int) Math.max(1, Math.min(255, Math.round(1 + 254 * (s - lo) / (hi - lo))));
                img.getRaster().setSample(x, y, 0, g);
            }
        }
        return img;
    }

    private static BufferedImage toGrey(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return img;
        }
        BufferedImage g = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D gr = g.createGraphics();
        gr.drawImage(img, 0, 0, null);
        gr.dispose();
        return g;
    }

    /** Resamples by area averaging when shrinking (bilinear when growing). */
    static BufferedImage scale(BufferedImage src, int w, int h) {
        if (w == src.getWidth() && h == src.getHeight()) {
            return src;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        if (w <= src.getWidth() && h <= src.getHeight()) {
            double fx = src.getWidth() / (double) w;
            double fy = src.getHeight() / (double) h;
            for (int y = 0; y < h; y++) {
                int y0 = (int) Math.floor(y * fy);
                int y1 = Math.max(y0 + 1, (int) Math.floor((y + 1) * fy));
                for (int x = 0; x < w; x++) {
                    int x0 = (int) Math.floor(x * fx);
                    int x1 = Math.max(x0 + 1, (int) Math.floor((x + 1) * fx));
                    long sum = 0;
                    int n = 0;
                    for (int yy = y0; yy < Math.min(y1, src.getHeight()); yy++) {
                        for (int xx = x0; xx < Math.min(x1, src.getWidth()); xx++) {
                            sum += src.getRaster().getSample(xx, yy, 0);
                            n++;
                        }
                    }
                    out.getRaster().setSample(x, y, 0, n == 0 ? 0 : (int) Math.round(sum / (double) n));
                }
            }
            return out;
        }
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static void write(BufferedImage img, Path file) {
        try {
            if (!ImageIO.write(img, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new IngestException(file, "cannot write browse image: " + e.getMessage(), e);
        }
    }
}
