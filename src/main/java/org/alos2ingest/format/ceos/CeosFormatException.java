package org.alos2ingest.format.ceos;

import java.nio.file.Path;

import org.alos2ingest.identify.IdentifyException;

/**
 * A CEOS file that does not hold what JAXA's format says it must: a record whose type code,
 * length or field contents are wrong, or a file that ends too early. The message names the file,
 * the byte offset (0-based, from the start of the file) and what was expected there.
 */
public class CeosFormatException extends IdentifyException {

    private final long offset;

    public CeosFormatException(Path file, long offset, String problem) {
        super(file, "at byte " + offset + ": " + problem);
        this.offset = offset;
    }

    /** Where in the file the problem was found. */
    public long offset() {
        return offset;
    }
}
