/**
 * Metadata of one scene: met.json and dataset.json in HySDS field names, footprints from
 * summary.txt or (describe.ceos) from the CEOS orbit, and the dataset type and version from
 * datasets.json. Uses format, identify, geo, config and util.
 */
package org.alos2ingest.describe;
