/**
 * What a file or folder is, from its name and a few bytes: the one ALOS-2 file-name grammar
 * (scene ids, product names, modes, levels), summary.txt, the format probes and the scene finder,
 * the archive grouping of the Level 1.1 scan, and {@link org.alos2ingest.identify.ProductKind}, the
 * one table of what a level and format decide for the later stages. Below the format readers, so
 * that they can speak its vocabulary.
 */
package org.alos2ingest.identify;
