/**
 * OGC CQL2 (basic CQL2 with the spatial and temporal predicates the STAC API filter extension asks
 * for): a text and a JSON parser into one expression tree. Knows nothing of queryables or catalogs;
 * the catalog binds and translates the tree. Uses geo's JTS geometries and the catalog's
 * {@link org.alos2ingest.catalog.InvalidSearchException}.
 */
package org.alos2ingest.catalog.cql2;
