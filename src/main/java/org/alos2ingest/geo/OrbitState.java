package org.alos2ingest.geo;

/** Position and velocity of the satellite at one time, in the Earth-centred rotating frame. */
public record OrbitState(Vector3 position, Vector3 velocity) {
}
