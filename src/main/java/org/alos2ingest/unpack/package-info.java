/**
 * Safe, checked unpacking of delivery zips (no escapes, links or bombs; every CRC checked before
 * anything becomes visible) and peeking into zips without unpacking. Uses format, config and util.
 */
package org.alos2ingest.unpack;
