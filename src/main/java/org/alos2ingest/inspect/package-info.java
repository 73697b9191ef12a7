/**
 * The inspect report: everything read from a product (names, summary.txt, CEOS records, GeoTIFF
 * tags, footprints) as JSON, without unpacking images.
 */
package org.alos2ingest.inspect;
