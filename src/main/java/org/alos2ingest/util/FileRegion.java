package org.alos2ingest.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * {@code length} bytes of a file from {@code offset}, as a stream, read by position. Closing it closes
 * the channel. A file that ends before the region does is an error, not a short stream: every reader
 * has already announced the length (a zip entry's size, a Content-Length, an S3 part's size).
 */
public final class FileRegion extends InputStream {
    private final FileChannel ch;
    private long at;
    private long left;

    public FileRegion(FileChannel ch, long offset, long length) {
        this.ch = ch;
        this.at = offset;
        this.left = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (left == 0) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, left)), at);
        if (n < 0) {
            throw new IOException("the file ends at byte " + at + ", " + left + " bytes before the region read from it");
        }
        at += n;
        left -= n;
        return n;
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
