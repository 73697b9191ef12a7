/**
 * What a user may type at the command line, and what is said when it is wrong: picocli converters
 * that read dates, boxes, numbers with their ranges, spans, codes and files, each refusing a bad value
 * with one line naming the value and what was expected; and the handler that prints any usage error
 * as that line, the option first, and a pointer to {@code --help} instead of the whole usage text.
 */
package org.alos2ingest.cli.input;
