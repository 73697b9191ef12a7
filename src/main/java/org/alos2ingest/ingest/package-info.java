/**
 * The pipeline that strings the stages together: a delivery is unpacked, its scenes identified,
 * described, rendered, published and cataloged, each dataset complete or not at all; and the
 * archive scan, the same for folders of Level 1.1 scenes. Uses every stage below it.
 */
package org.alos2ingest.ingest;
