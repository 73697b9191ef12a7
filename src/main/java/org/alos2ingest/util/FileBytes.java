package org.alos2ingest.util;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Where the bytes of a delivery's files come from: the disk, or for images still in their zip the
 * entry, inflated as it is read. Renderers open images through this, never through the path alone.
 */
public interface FileBytes {

    /** Files on disk only. */
    FileBytes DISK = new FileBytes() {
        @Override
        public ByteSource open(Path file) throws IOException {
            return ByteSource.file(file);
        }

        @Override
        public Path onDisk(Path file) {
            return file;
        }
    };

    /** The file's bytes, from the disk or streamed from its zip entry (read them front to back). */
    ByteSource open(Path file) throws IOException;

    /** The file on disk, extracted (and its CRC checked) first if it is still in its zip: for readers that jump about. */
    Path onDisk(Path file) throws IOException;

    /** Starts inflating these files' entries ahead of their readers, so that several inflate at once. */
    default void prefetch(Collection<Path> files) {
    }
}
