package org.alos2ingest.identify;

/** How a product's image files are encoded. */
public enum ProductFormat {
    GEOTIFF, CEOS
}
