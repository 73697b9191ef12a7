/**
 * Watching sources for new deliveries: each kind of watched source (Sentinel Asia's emergency
 * requests, an AUIG2 account's ready orders, a web or WebDAV folder) polled on a schedule, every new
 * file made one ingest job (run here or put on the RabbitMQ queue), and a ledger kept with the catalog
 * of what was seen, queued, done or failed, so that a restart neither repeats nor misses a file. Uses
 * jobs, ingest, fetch and below.
 */
package org.alos2ingest.watch;
