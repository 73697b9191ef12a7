/**
 * The searchable catalog of datasets: embedded SQLite with an R*Tree, or OpenSearch with HySDS
 * GRQ indices, behind one interface and one query model. Uses describe, geo, config and util.
 */
package org.alos2ingest.catalog;
