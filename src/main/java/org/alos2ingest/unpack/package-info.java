/**
 * Safe, checked unpacking of delivery zips (no escapes, links or bombs; every CRC checked before
 * anything becomes visible), images left in the zip and inflated as they are read (their CRC checked
 * before the scene is published), and peeking into zips without unpacking. Uses identify, format,
 * config and util.
 */
package org.alos2ingest.unpack;
