/**
 * Telling subscribers that a dataset was cataloged: subscriptions by area and acquisition (matched
 * with the catalog's own item search), and at-least-once deliveries of the dataset's STAC item to a
 * webhook (signed) or a local command, kept with the catalog until the receiver has them. The
 * catalog decorator here is how every ingest, worker, scan and HySDS run notifies. Uses stac,
 * catalog, geo, config and util.
 */
package org.alos2ingest.notify;
