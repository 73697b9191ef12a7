/**
 * The GeoTIFF format of Level 1.5 and 2.1 products: a lean classic/BigTIFF reader with GeoKeys
 * and map projection, the checker of Cloud-Optimized GeoTIFF structure, and the writer that samples
 * and tests use. Uses identify, geo and util.
 */
package org.alos2ingest.format.geotiff;
