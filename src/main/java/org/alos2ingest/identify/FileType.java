package org.alos2ingest.identify;

/** File-name prefixes of a JAXA product (alos2-formats.md 1.2). */
public enum FileType {
    /** CEOS volume directory. */
    VOL,
    /** CEOS SAR leader. */
    LED,
    /** Image: CEOS image file or GeoTIFF. */
    IMG,
    /** CEOS SAR trailer. */
    TRL,
    /** Browse JPEG. */
    BRS,
    /** Calibration look-up table (GeoTIFF products). */
    LUT,
    /** Scene rectangle KML, named {@code <scene>_<product>.kml}. */
    KML
}
