package org.alos2ingest.identify;

import java.util.Optional;

/**
 * What a product's processing level and format decide for every later stage, in one table: where
 * its footprint and times come from, which dataset it belongs to and which setting versions it,
 * how its pictures are made and what its valid-data outline is for. Nothing else in the code
 * compares levels or formats; it asks the scene's kind.
 *
 * <p>Every supported level appears with both formats, including combinations JAXA does not ship
 * (Level 1.1 GeoTIFF), so that an odd delivery fails with a message about what is missing rather
 * than with a lookup error.
 */
public enum ProductKind {
    /** Single-look complex signal data, geolocated from its orbit; summary.txt's corners are 0.001 degree at best and may be absent. */
    L1_1_CEOS(ProcessingLevel.L1_1, ProductFormat.CEOS, SummaryCorners.NONE, true, true, Pictures.CEOS_QUICK_LOOKS,
            Outline.NONE, true, "ALOS2-L1.1_SLC", "ALOS2_SLC_VERSION"),
    L1_1_GEOTIFF(ProcessingLevel.L1_1, ProductFormat.GEOTIFF, SummaryCorners.NONE, false, true, Pictures.NONE,
            Outline.NONE, false, "ALOS2-L1.1_SLC", "ALOS2_SLC_VERSION"),
    /** Falls back on the CEOS files only for what summary.txt lacks. */
    L1_5_CEOS(ProcessingLevel.L1_5, ProductFormat.CEOS, SummaryCorners.IMAGE_SCENE, false, false, Pictures.CEOS_QUICK_LOOKS,
            Outline.NONE, false, null, "ALOS2_GEOTIFF_VERSION"),
    /** Keeps JAXA's valid-data corners as its footprint; the traced outline only checks them. */
    L1_5_GEOTIFF(ProcessingLevel.L1_5, ProductFormat.GEOTIFF, SummaryCorners.IMAGE_SCENE, false, false, Pictures.GEOTIFF_IMAGES,
            Outline.CHECKS_SUMMARY, false, null, "ALOS2_GEOTIFF_VERSION"),
    L2_1_CEOS(ProcessingLevel.L2_1, ProductFormat.CEOS, SummaryCorners.RASTER_FRAME, false, false, Pictures.CEOS_QUICK_LOOKS,
            Outline.NONE, false, null, "ALOS2_GEOTIFF_VERSION"),
    /** summary.txt outlines the raster, not the swath: a stand-in until the valid-data outline replaces it. */
    L2_1_GEOTIFF(ProcessingLevel.L2_1, ProductFormat.GEOTIFF, SummaryCorners.RASTER_FRAME, false, false, Pictures.GEOTIFF_IMAGES,
            Outline.IS_FOOTPRINT, false, null, "ALOS2_GEOTIFF_VERSION");

    /** Which of summary.txt's corners make the footprint written before any picture is made. */
    public enum SummaryCorners {
        /** None: the footprint comes from the product's own files. */
        NONE,
        /** {@code Img_ImageScene*}: the corners of the valid data. */
        IMAGE_SCENE,
        /** {@code Img_ImageScene*}, else {@code Img_FrameScene*}: the corners of the raster. */
        RASTER_FRAME
    }

    /** Which renderer makes the browse images (and tiles). */
    public enum Pictures {
        NONE,
        /** From the quick-looks JAXA ships (BRS JPEG or the trailer's), not from the multi-GB images. */
        CEOS_QUICK_LOOKS,
        /** From the map-projected images themselves: browse images, tiles, valid-data outline, viewer. */
        GEOTIFF_IMAGES
    }

    /** What the outline of the valid data, traced while rendering the images, is used for. */
    public enum Outline {
        NONE,
        /** It replaces the footprint. */
        IS_FOOTPRINT,
        /** It checks summary.txt's corners; their offset goes into met.json. */
        CHECKS_SUMMARY
    }

    private final ProcessingLevel level;
    private final ProductFormat format;
    private final SummaryCorners summaryCorners;
    private final boolean ceosFirst;
    private final boolean radarGeometry;
    private final Pictures pictures;
    private final Outline outline;
    private final boolean archived;
    private final String dataset;
    private final String versionKey;

    ProductKind(ProcessingLevel level, ProductFormat format, SummaryCorners summaryCorners, boolean ceosFirst,
                boolean radarGeometry, Pictures pictures, Outline outline, boolean archived, String dataset, String versionKey) {
        this.level = level;
        this.format = format;
        this.summaryCorners = summaryCorners;
        this.ceosFirst = ceosFirst;
        this.radarGeometry = radarGeometry;
        this.pictures = pictures;
        this.outline = outline;
        this.archived = archived;
        this.dataset = dataset;
        this.versionKey = versionKey;
    }

    /** The kind of a product of this level whose image files are in this format. */
    public static ProductKind of(ProcessingLevel level, ProductFormat format) {
        for (ProductKind k : values()) {
            if (k.level == level && k.format == format) {
                return k;
            }
        }
        throw new IllegalArgumentException("Level " + level.code() + " cannot be ingested: " + level.refusal());
    }

    /** The kind a product file's name announces: GeoTIFF images end in {@code .tif}, CEOS images have no extension. */
    public static Optional<ProductKind> ofName(ProductFileName name) {
        ProcessingLevel l = name.product().level();
        return l.isSupported() ? Optional.of(of(l, name.isGeoTiff() ? ProductFormat.GEOTIFF : ProductFormat.CEOS)) : Optional.empty();
    }

    /**
     * The setting that versions datasets of a datasets.json level ({@code l1.1}): the old system's
     * keys, one for the SLC and one for everything else.
     */
    public static String versionKey(String definitionLevel) {
        for (ProductKind k : values()) {
            if (k.level.label().equalsIgnoreCase(definitionLevel)) {
                return k.versionKey;
            }
        }
        return L1_5_GEOTIFF.versionKey;
    }

    public ProcessingLevel level() {
        return level;
    }

    public ProductFormat format() {
        return format;
    }

    public SummaryCorners summaryCorners() {
        return summaryCorners;
    }

    /** Whether describing reads the CEOS files (leader values; times and footprint when needed). */
    public boolean readsCeosFiles() {
        return format == ProductFormat.CEOS;
    }

    /**
     * Whether the times and footprint always come from the product's CEOS files (orbit
     * geolocation), even when summary.txt gives some; otherwise they fill only what summary.txt lacks.
     */
    public boolean ceosFirst() {
        return ceosFirst;
    }

    /**
     * Whether the images are in radar geometry (slant range, azimuth): signal data records, one
     * image per ScanSAR scan, and ScanSAR quick-looks stretched in azimuth.
     */
    public boolean radarGeometry() {
        return radarGeometry;
    }

    public Pictures pictures() {
        return pictures;
    }

    public Outline outline() {
        return outline;
    }

    /** Whether HPC archives hold this kind unzipped, for the archive scan to catalog as metadata-only datasets. */
    public boolean archived() {
        return archived;
    }

    /**
     * met.json's {@code dataset}: the SLC's own, else after the format summary.txt declares
     * ({@code Pdi_ProductFormat}) or, without summary.txt, the images' own.
     */
    public String datasetName(Optional<SummaryFile> summary) {
        if (dataset != null) {
            return dataset;
        }
        boolean geotiff = summary.map(SummaryFile::isGeoTiff).orElse(format == ProductFormat.GEOTIFF);
        return geotiff ? "ALOS2_GeoTIFF" : "ALOS2_CEOS";
    }

    public String versionKey() {
        return versionKey;
    }

    /** For messages: "L1.5 GEOTIFF". */
    @Override
    public String toString() {
        return level.label() + " " + format;
    }
}
