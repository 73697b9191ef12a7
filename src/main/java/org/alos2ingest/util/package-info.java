/**
 * Small tools every stage shares: bounded parallel fan-out, progress on a terminal, file trees,
 * sizes, parallel zip writing, a fast literals-only Deflate coder. Uses nothing of the project.
 */
package org.alos2ingest.util;
