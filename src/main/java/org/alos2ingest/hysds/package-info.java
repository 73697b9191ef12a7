/**
 * Running as a HySDS PGE: _context.json in, product folders and _alt_error.txt out, Mozart
 * fan-out, the job catalog. Uses jobs, ingest and the stages.
 */
package org.alos2ingest.hysds;
