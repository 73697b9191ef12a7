/**
 * Pictures of a scene: browse images, the valid-data outline, Web Mercator XYZ tiles and the
 * offline Leaflet viewer. Reads the images through format; returns what it made, leaving the
 * description to the pipeline. Uses describe, format, identify, geo, config and util.
 */
package org.alos2ingest.render;
