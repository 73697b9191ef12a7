/**
 * Level 1.1 and 1.5 CEOS metadata: the leader's key values, footprints by range-Doppler
 * geolocation and by the facility-5 polynomials, and the optional BOS SARCAT lookup.
 */
package org.alos2ingest.describe.ceos;
