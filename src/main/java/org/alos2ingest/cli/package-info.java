/**
 * The command line: one picocli class per command, shared option groups, exit codes 0/1/2 and the
 * one-line error. The only package that wires stages together from user options.
 */
package org.alos2ingest.cli;
