/**
 * Generated CEOS Level 1.1 and 1.5 products: a circular orbit, leader records, sparse full-size
 * images, quick-looks, and facility-5 polynomials fitted to our own geolocation.
 */
package org.alos2ingest.sample.ceos;
