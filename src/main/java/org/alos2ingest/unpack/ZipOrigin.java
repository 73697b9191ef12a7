package org.alos2ingest.unpack;

import java.nio.file.Path;

/** Where an extracted file came from: the zip on disk and the entry's name in it. */
public record ZipOrigin(Path zip, String entryName) {
}
