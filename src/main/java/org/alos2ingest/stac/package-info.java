/**
 * STAC (SpatioTemporal Asset Catalog) 1.1.0 views of the catalog: one mapper from the GRQ catalog
 * document to an Item, one Collection per kind of dataset, the {@code <id>.stac.json} of each product
 * folder and a static catalog export, so that the API, the product folders and the export never
 * disagree. Uses catalog, config, geo and util.
 */
package org.alos2ingest.stac;
