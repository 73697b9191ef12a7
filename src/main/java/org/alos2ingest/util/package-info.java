/**
 * Small tools every stage shares: bounded parallel fan-out, progress on a terminal, file trees,
 * sizes, parallel zip writing, a fast literals-only Deflate coder, the bytes of a file wherever they
 * come from (disk or a streamed zip entry). Uses nothing of the project.
 */
package org.alos2ingest.util;
