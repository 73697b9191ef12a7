/**
 * Getting deliveries onto local disk: the sources (plain URL, AUIG2, Sentinel Asia, local files),
 * the resuming HTTP downloader, credentials and TLS. Knows nothing of what is inside a delivery
 * beyond its file names. Uses identify, config and util.
 */
package org.alos2ingest.fetch;
