/**
 * Geodesy and geometry with no knowledge of file formats: longitude/latitude and ISO times, map
 * projections, the WGS84 ellipsoid, orbit state vectors and their Hermite interpolation,
 * range-Doppler geolocation, footprints (rings, antimeridian splitting), GeoJSON geometries and
 * search boxes, and the valid-data outline algorithms. Uses only util and config.
 */
package org.alos2ingest.geo;
