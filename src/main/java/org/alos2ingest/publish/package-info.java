/**
 * Putting a product folder where its datasets.json type says (local folder or S3), atomically,
 * and packaging the product zip. Uses unpack, identify, config and util.
 */
package org.alos2ingest.publish;
