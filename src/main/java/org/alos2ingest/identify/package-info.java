/**
 * What a file or folder is, from its name and a few bytes: the one ALOS-2 file-name grammar
 * (scene ids, product names, modes, levels), summary.txt, the format probes and the scene finder,
 * and the archive grouping of the Level 1.1 scan. Below the format readers, so that they can
 * speak its vocabulary.
 */
package org.alos2ingest.identify;
