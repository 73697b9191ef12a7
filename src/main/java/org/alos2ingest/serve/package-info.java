/**
 * {@code alos2-ingest serve}: the catalog as a STAC API v1.0.0 (core, collections, OGC API Features,
 * item search, filter, sort) and the files of local publishing, over one embedded Jetty server; and,
 * when given a token, the subscriptions of notify. Uses notify, catalog, config, geo and util below
 * it; nothing below uses it.
 */
package org.alos2ingest.serve;
