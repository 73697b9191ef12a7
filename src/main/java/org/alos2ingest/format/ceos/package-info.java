/**
 * The CEOS SAR format of Level 1.1 and 1.5 products: declarative record layouts, the volume
 * directory, leader, image and trailer files, and a record writer for samples and tests. Uses
 * identify, geo and util.
 */
package org.alos2ingest.format.ceos;
