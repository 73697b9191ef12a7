package org.alos2ingest.util;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of one file, read by position: a file on disk, or a zip entry being inflated while it is
 * read ({@code unpack.StreamedEntry}), whose bytes are only held in a window moving forward. Readers
 * that go through a file front to back say how far they are done ({@link #release}); a stream drops
 * what lies before that point and inflates further.
 */
public interface ByteSource extends Closeable {

    /** The file's path, as errors name it (for a zip entry, where it would have been extracted). */
    Path file();

    long size() throws IOException;

    /** Where the bytes come from, for logs: the file, or {@code delivery.zip!entry}. */
    default String origin() {
        return file().toString();
    }

    /**
     * Fills {@code b} from its position to its limit with the bytes at {@code offset}, waiting for a
     * stream to get there.
     *
     * @throws OutsideWindow when a stream cannot hold the bytes asked for: the caller reads out of
     *                       file order and needs the file itself ({@link FileBytes#onDisk})
     */
    void readFully(long offset, ByteBuffer b) throws IOException;

    /** Nothing before {@code offset} will be read again. */
    default void release(long offset) {
    }

    /** Bytes a stream holds at most between its reader's releases; a file has no such limit. */
    default long window() {
        return Long.MAX_VALUE;
    }

    /** Whether bytes can be read in any order, any number of times (a file on disk). */
    default boolean randomAccess() {
        return true;
    }

    @Override
    void close();

    /** A stream was asked for bytes it no longer holds, or cannot hold yet. */
    final class OutsideWindow extends IOException {
        public OutsideWindow(String message) {
            super(message);
        }
    }

    /** The file on disk, read through one channel that several threads share. */
    static ByteSource file(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new ByteSource() {
            @Override
            public Path file() {
                return file;
            }

            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public void readFully(long offset, ByteBuffer b) throws IOException {
                long pos = offset;
                while (b.hasRemaining()) {
                    int n = channel.read(b, pos);
                    if (n < 0) {
                        throw new java.io.EOFException("ends at byte " + pos);
                    }
                    pos += n;
                }
            }

            @Override
            public void close() {
                try {
                    channel.close();
                } catch (IOException e) {
                    // read-only: a failed close loses nothing
                }
            }
        };
    }
}
