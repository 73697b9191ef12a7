package org.alos2ingest.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.logging.Logger;


import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.describe.Description;
import org.alos2ingest.format.geotiff.GeoTiffImage;
import org.alos2ingest.format.geotiff.GeoTransform;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.MapProjection;
import org.alos2ingest.geo.ValidDataOutline;
import org.alos2ingest.identify.ProductKind;
import org.alos2ingest.identify.Scene;
import org.alos2ingest.util.ByteSource;
import org.alos2ingest.util.FileBytes;
import org.alos2ingest.util.Progress;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The pictures of a Level 1.5 or 2.1 GeoTIFF product, made in one read of each image: per
 * polarisation a {@link DisplayPyramid}, from which come the browse images
 * ({@code <image>.browse.png} at 10 %, {@code <image>.browse_small.png} within 250 x 250), the tile
 * layer {@code tiles/<pol>/<z>/<x>/<y>.png} and the valid-data mask; then the valid-data outline
 * (the footprint of Level 2.1, whose summary corners are the raster's; a check of summary.txt's
 * corners for Level 1.5) and the viewer page. The outline and the met.json tile fields are returned
 * as a {@link Rendering}.
 */
public final class GeoTiffRenderer implements SceneRenderer {

    private static final Logger LOG = Logger.getLogger("org.alos2ingest");
    /** The outline is traced on a mask no larger than this on its long side. */
    static final int MASK_SIZE = 2048;
    /** The browse image is 10 % of the source: level 3 (1/8) is the coarsest finer than that. */
    private static final int BROWSE_LEVEL = 3;
    static final int SMALL_BROWSE = 250;
    /** summary.txt corners are given to 0.001 degree: about 111 m. */
    private static final double SUMMARY_PRECISION_M = 111;

    private final RenderSettings settings;

    public GeoTiffRenderer(RenderSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean appliesTo(Scene scene) {
        return scene.kind().pictures() == ProductKind.Pictures.GEOTIFF_IMAGES;
    }

    @Override
    public Rendering render(Scene scene, Description d, Path folder, Progress progress) {
        return render(scene, d, folder, progress, FileBytes.DISK);
    }

    @Override
    public Rendering render(Scene scene, Description d, Path folder, Progress progress, FileBytes bytes) {
        try (CogLayouts layouts = new CogLayouts()) {
            return render(scene, d, folder, progress, layouts, bytes);
        }
    }

    /**
     * Opens an image for one read top to bottom: streamed from its zip entry when it is laid out
     * front to back (as JAXA's and GDAL's GeoTIFFs are), else from the file, extracted first.
     */
    private GeoTiffImage open(FileBytes bytes, Path tif) {
        ByteSource source;
        try {
            source = bytes.open(tif);
        } catch (IOException e) {
            throw new RenderException(tif, "cannot open: " + e.getMessage(), e);
        }
        GeoTiffImage image;
        try {
            image = GeoTiffImage.open(source);
        } catch (GeoTiffImage.OutOfOrder e) {
            return openOnDisk(bytes, tif, e.getMessage());
        }
        if (source.randomAccess()) {
            return image;
        }
        Optional<String> unstreamable = whyNotStreamed(image, source);
        if (unstreamable.isPresent()) {
            image.close();
            return openOnDisk(bytes, tif, unstreamable.get());
        }
        image.doneAbove(0);
        LOG.fine(() -> tif.getFileName() + ": streamed from " + source.origin());
        return image;
    }

    /** Why an image opened from a stream cannot be read through it; empty when it can. */
    private Optional<String> whyNotStreamed(GeoTiffImage image, ByteSource source) {
        if (!image.readsFrontToBack()) {
            return Optional.of("its rows are not stored front to back");
        }
        // every reader thread holds a band of rows in the window until the bands before it are done
        long bands = (long) settings.threads() * PolarisationCogs.TILE * image.width() * image.bitsPerSample() / 8;
        if (Math.min(bands, image.fileSize()) > source.window()) {
            return Optional.of(settings.threads() + " bands of its rows need " + bands + " bytes, more than a stream holds");
        }
        return Optional.empty();
    }

    private static GeoTiffImage openOnDisk(FileBytes bytes, Path tif, String why) {
        LOG.fine(() -> tif.getFileName() + ": extracted to be read, not streamed: " + why);
        try {
            return GeoTiffImage.open(bytes.onDisk(tif));
        } catch (IOException e) {
            throw new RenderException(tif, "cannot extract: " + e.getMessage(), e);
        }
    }

    private PolarisationCogs openCogs(GeoTiffImage image, Path folder, String pol) {
        try {
            return new PolarisationCogs(image, folder, pol, settings.cogs());
        } catch (IOException e) {
            throw new RenderException(folder, "cannot write the " + pol + " COG: " + e.getMessage(), e);
        }
    }

    private Rendering render(Scene scene, Description d, Path folder, Progress progress, CogLayouts layouts, FileBytes bytes) {
        Map<String, List<Path>> images = scene.imagesByPolarisation();
        // every polarisation's entry inflates from now on, each as far as its window, while the first is rendered
        bytes.prefetch(images.values().stream().map(l -> l.get(0)).toList());
        List<String> layers = new ArrayList<>();
        List<String> browse = new ArrayList<>();
        List<CogFile> cogs = new ArrayList<>();
        byte[] mask = null;
        int maskW = 0;
        int maskH = 0;
        int maskFactor = 0;
        GeoTransform maskTransform = null;
        int epsg = 0;
        GeoBounds tileBounds = null;
        String outlineSource = null;
        ObjectNode grid = null;
        for (Map.Entry<String, List<Path>> e : images.entrySet()) {
            String pol = e.getKey();
            Path tif = e.getValue().get(0);
            try (GeoTiffImage image = open(bytes, tif)) {
                LOG.fine(() -> tif.getFileName() + ": " + image.describe());
                MapProjection projection = MapProjection.epsg(image.epsg());
                GeoBounds bounds = RasterBounds.of(image.width(), image.height(), image.transform(), projection);
                int maskLevel = ceilLog2(Math.max(image.width(), image.height()) / (double) MASK_SIZE);
                int first = Math.min(BROWSE_LEVEL, maskLevel);
                if (settings.tiles()) {
                    first = Math.min(first, tileLevel(image, bounds, settings.maxZoom()));
                }
                DisplayScale scale = image.bitsPerSample() == 8 ? DisplayScale.IDENTITY : DisplayScale.ALOS2;
                long t0 = System.nanoTime();
                DisplayPyramid pyramid;
                PolarisationCogs cog = settings.cogs().any() ? openCogs(image, folder, pol) : null;
                try (Progress.Task task = progress.start("reading " + tif.getFileName(),
                        (long) image.width() * image.height() * image.bitsPerSample() / 8, Progress.Unit.BYTES)) {
                    pyramid = PyramidBuilder.build(image, scale, first, settings.threads(), task, cog);
                    image.doneAbove(image.height());
                } catch (RuntimeException | Error ex) {
                    if (cog != null) {
                        cog.close();
                    }
                    throw ex;
                }
                if (cog != null) {
                    layouts.submit(cog, tif.getFileName().toString());
                }
                long t1 = System.nanoTime();
                int finest = first;
                LOG.fine(() -> String.format(Locale.ROOT, "%s: read into display levels %d+ (%d MB) in %.1f s", tif.getFileName(),
                        finest, pyramid.bytes() >> 20, (t1 - t0) / 1e9));
                browse.addAll(writeBrowse(pyramid, folder, tif));
                if (settings.tiles()) {
                    TileSetWriter.Summary s = TileSetWriter.write(pyramid, new TileCoverage(bounds), settings.maxZoom(),
                            folder.resolve("tiles").resolve(pol), settings.threads(), progress);
                    long t2 = System.nanoTime();
                    LOG.fine(() -> String.format(Locale.ROOT, "%s: %d tiles to zoom %d (%d empty), %d MB, in %.1f s", tif.getFileName(),
                            s.tiles(), s.maxZoom(), s.emptyTiles(), s.bytes() >> 20, (t2 - t1) / 1e9));
                    layers.add(pol);
                    tileBounds = bounds;
                }
                DisplayPyramid.Level level = pyramid.level(maskLevel);
                if (mask == null) {
                    mask = level.pixels().clone();
                    maskW = level.width();
                    maskH = level.height();
                    maskFactor = level.factor();
                    maskTransform = image.transform();
                    epsg = image.epsg();
                    outlineSource = tif.getFileName().toString();
                    grid = projection(image);
                } else if (level.width() == maskW && level.height() == maskH && image.transform().equals(maskTransform)) {
                    // valid where any polarisation has data (cross-pol can read 0 over calm water)
                    byte[] px = level.pixels();
                    for (int i = 0; i < mask.length; i++) {
                        mask[i] |= px[i];
                    }
                } else {
                    LOG.warning(d.id() + ": " + tif.getFileName() + " is on another grid than " + outlineSource
                            + "; the outline follows " + outlineSource + " only");
                }
            }
        }
        if (mask == null) {
            throw new RenderException(scene.folder(), "no GeoTIFF image to render");
        }
        Footprint outline = outline(mask, maskW, maskH, maskFactor, maskTransform, epsg, outlineSource, scene.folder());
        Optional<Footprint> footprint = Optional.empty();
        OptionalDouble offset = OptionalDouble.empty();
        switch (scene.kind().outline()) {
            case IS_FOOTPRINT -> footprint = Optional.of(outline);
            case CHECKS_SUMMARY -> {
                double pixelMetres = maskTransform.pixelSize() * (epsg == 4326 ? 111_320 : 1);
                offset = checkAgainstSummary(d, outline, MapProjection.epsg(epsg), maskFactor * pixelMetres);
            }
            case NONE -> {
            }
        }
        cogs.addAll(layouts.await());
        Rendering r = new Rendering(footprint, offset, Optional.of(new Rendering.Tiles(settings.tiles(), layers, settings.maxZoom())), browse,
                Optional.of(grid), cogs, settings.cogs().sigma0() ? Optional.of(settings.cogs().calibration()) : Optional.empty());
        ViewerPage.write(folder, r.addTo(d), layers, settings.maxZoom(), tileBounds, browse);
        return r;
    }

    /**
     * met.json {@code projection}: the grid of the first image (every polarisation shares it), for
     * STAC's projection extension. {@code transform} is in STAC's (rasterio's) order: x = a col + b row + c,
     * y = d col + e row + f, at pixel corners.
     */
    private static ObjectNode projection(GeoTiffImage image) {
        ObjectNode p = Json.object();
        p.put("epsg", image.epsg());
        p.put("image", image.file().getFileName().toString());
        p.putArray("shape").add(image.height()).add(image.width());
        GeoTransform t = image.transform();
        p.putArray("transform").add(t.xPerColumn()).add(t.xPerRow()).add(t.x0()).add(t.yPerColumn()).add(t.yPerRow()).add(t.y0());
        return p;
    }

    /** The finest pyramid level tiles to {@code maxZoom} need: its pixels no larger than the smallest tile pixel. */
    static int tileLevel(GeoTiffImage image, GeoBounds bounds, int maxZoom) {
        double sourceMetres = image.transform().pixelSize();
        double lat = Math.max(Math.abs(bounds.south()), Math.abs(bounds.north()));
        if (image.epsg() == 4326) {
            sourceMetres *= 111_320 * Math.sqrt(Math.cos(Math.toRadians(Math.min(lat, 89))));
        }
        double tileMetres = WebMercator.pixelMetres(Math.min(lat, WebMercator.MAX_LATITUDE), maxZoom);
        // 10 % margin: a tile whose scale falls just below a level boundary still finds its level.
        double ratio = 0.9 * tileMetres / sourceMetres;
        return ratio < 2 ? 0 : 31 - Integer.numberOfLeadingZeros((int) Math.min(1 << 30, ratio));
    }

    private static int ceilLog2(double v) {
        int l = 0;
        while ((1L << l) < v) {
            l++;
        }
        return l;
    }

    private static List<String> writeBrowse(DisplayPyramid pyramid, Path folder, Path tif) {
        String name = tif.getFileName().toString();
        String base = name.replaceFirst("(?i)\\.tiff?$", "");
        int w = pyramid.sourceWidth();
        int h = pyramid.sourceHeight();
        int bw = Math.max(1, (int) Math.round(w * 0.1));
        int bh = Math.max(1, (int) Math.round(h * 0.1));
        double fit = SMALL_BROWSE / (double) Math.max(w, h);
        int sw = Math.max(1, (int) Math.round(w * fit));
        int sh = Math.max(1, (int) Math.round(h * fit));
        List<String> names = List.of(base + ".browse.png", base + ".browse_small.png");
        try (PngEncoder png = new PngEncoder(6)) {
            Files.write(folder.resolve(names.get(0)), png.encode(AreaResampler.resample(pyramid, bw, bh), bw, bh));
            Files.write(folder.resolve(names.get(1)), png.encode(AreaResampler.resample(pyramid, sw, sh), sw, sh));
        } catch (IOException e) {
            throw new RenderException(folder, "cannot write browse images: " + e.getMessage(), e);
        }
        return names;
    }

    /** The outline of the mask's data as a WGS84 footprint. */
    static Footprint outline(byte[] mask, int w, int h, int factor, GeoTransform t, int epsg, String source, Path folder) {
        ValidDataOutline.Result r;
        try {
            r = ValidDataOutline.outline(mask, w, h);
        } catch (IllegalArgumentException e) {
            throw new RenderException(folder.resolve(source), e.getMessage());
        }
        if (r.droppedPixels() > 0) {
            LOG.fine(() -> source + ": " + r.droppedPixels() + " valid mask pixels apart from the swath left out of the outline");
        }
        MapProjection p = MapProjection.epsg(epsg);
        List<LonLat> ring = new ArrayList<>();
        for (double[] v : r.ring()) {
            double c = v[0] * factor;
            double row = v[1] * factor;
            ring.add(p.inverse(t.x(c, row), t.y(c, row)));
        }
        return Footprint.ofRing(ring, "valid-data outline of " + source);
    }

    /**
     * Level 1.5 keeps summary.txt's valid-data corners as its footprint (JAXA's own numbers); the
     * outline only checks them, and a disagreement beyond their precision and the mask's is reported.
     *
     * @return how far apart they lie, in metres; empty when either is in several parts
     */
    private static OptionalDouble checkAgainstSummary(Description d, Footprint outline, MapProjection p, double maskPixelMetres) {
        Footprint summary = d.footprint();
        if (summary.geometry().getNumGeometries() != 1 || outline.geometry().getNumGeometries() != 1) {
            return OptionalDouble.empty();
        }
        MapProjection metric = p;
        if (p.isGeographic()) {
            LonLat c = outline.centroid();
            metric = MapProjection.utm(MapProjection.utmZoneOf(c.lon()), c.lat() < 0);
        }
        double metres = hausdorffMetres(summary, outline, metric);
        double tolerance = 2 * SUMMARY_PRECISION_M + 3 * maskPixelMetres;
        if (metres > tolerance) {
            LOG.warning(String.format(Locale.ROOT, "%s: summary.txt's Img_ImageScene corners and the image's valid data differ by up to "
                    + "%.0f m (tolerance %.0f m); the footprint keeps summary.txt's corners", d.id(), metres, tolerance));
        }
        return OptionalDouble.of(metres);
    }

    static double hausdorffMetres(Footprint a, Footprint b, MapProjection p) {
        GeometryFactory f = new GeometryFactory();
        Polygon pa = project(f, a.ring(), p);
        Polygon pb = project(f, b.ring(), p);
        return DiscreteHausdorffDistance.distance(pa, pb, 0.02);
    }

    private static Polygon project(GeometryFactory f, List<LonLat> ring, MapProjection p) {
        Coordinate[] c = new Coordinate[ring.size()];
        for (int i = 0; i < c.length; i++) {
            double[] xy = p.forward(ring.get(i).lon(), ring.get(i).lat());
            c[i] = new Coordinate(xy[0], xy[1]);
        }
        return f.createPolygon(c);
    }
}
