/**
 * Generated ALOS-2 deliveries for demos, tests and benchmarks: JAXA-named GeoTIFF products (and,
 * in sample.ceos, CEOS Level 1.1 products on a simulated orbit) with consistent metadata.
 */
package org.alos2ingest.sample;
