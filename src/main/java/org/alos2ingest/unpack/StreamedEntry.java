package org.alos2ingest.unpack;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.alos2ingest.util.ByteSource;
import org.alos2ingest.util.FileTrees;
import org.alos2ingest.util.Sizes;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A zip entry inflated while its reader reads it, never written to disk: one thread inflates into a
 * window of {@link #WINDOW} bytes, computing the CRC-32 on the way, and waits while the window is
 * full of bytes the reader has not {@link #release released}; the reader waits for bytes not yet
 * inflated. The entry counts as intact only once its last byte is inflated and the CRC matched
 * ({@link #awaitIntact}): the reader finishes before that, and the pipeline publishes nothing of the
 * scene until then.
 */
public final class StreamedEntry implements ByteSource {

    /**
     * Bytes held at most: two bands of 512 rows of a 30 000-pixel UInt16 image (the widest ALOS-2
     * Level 1.5 has 28 000) for two readers; a read larger than this asks for the file itself.
     */
    static final int WINDOW = 64 << 20;

    private final Path zip;
    private final String entryName;
    private final Path file;
    private final long size;
    private final int capacity;

    // guarded by this
    private byte[] ring;
    private long produced;
    private long floor;
    private boolean reading;
    private boolean cancelled;
    private boolean finished;
    private RuntimeException failure;
    private Thread inflater;

    StreamedEntry(Path zip, ZipArchiveEntry entry, Path file) {
        this(zip, entry, file, WINDOW);
    }

    StreamedEntry(Path zip, ZipArchiveEntry entry, Path file, int window) {
        this.zip = zip;
        this.entryName = entry.getName();
        this.file = file;
        this.size = entry.getSize();
        this.capacity = (int) Math.max(1, Math.min(size, window));
    }

    @Override
    public String origin() {
        return zip + "!" + entryName;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public long window() {
        return capacity;
    }

    @Override
    public boolean randomAccess() {
        return false;
    }

    /** The entry's first bytes, inflated apart from the stream (for the format probes). */
    byte[] head(int n) {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream(n);
        try {
            decode((buf, k) -> {
                head.write(buf, 0, Math.min(k, n - head.size()));
                if (head.size() >= n) {
                    throw new Enough();
                }
            });
        } catch (Enough e) {
            // the rest is inflated, and checked, when the image is read
        } catch (IOException e) {
            throw new UnpackException(zip, "entry '" + entryName + "' is damaged: " + e.getMessage(), e);
        }
        return head.toByteArray();
    }

    /** Stops an inflation once the bytes wanted are there. */
    private static final class Enough extends IOException {
        Enough() {
            super("enough");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Starts inflating (once); bytes are kept for a reader from now on. */
    synchronized void start() {
        if (inflater != null || cancelled) {
            return;
        }
        ring = new byte[capacity];
        inflater = new Thread(this::inflate, "inflate " + file.getFileName());
        inflater.setDaemon(true);
        inflater.start();
    }

    private void inflate() {
        RuntimeException failed = null;
        try {
            decode(this::put);
        } catch (UnpackException e) {
            failed = e;
        } catch (InterruptedIOException e) {
            failed = new UnpackException(zip, "stopped inflating entry '" + entryName + "'", e);
        } catch (IOException | RuntimeException e) {
            failed = new UnpackException(zip, "entry '" + entryName + "' is damaged: " + e.getMessage(), e);
        }
        synchronized (this) {
            failure = cancelled && failed != null ? null : failed;
            finished = true;
            dropWindowWhenDone();
            notifyAll();
        }
    }

    /** Adds inflated bytes behind the window, waiting while it is full. */
    private void put(byte[] buf, int n) throws IOException {
        int off = 0;
        while (off < n) {
            synchronized (this) {
                while (!cancelled && produced - floor >= capacity) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException();
                    }
                }
                if (cancelled) {
                    throw new InterruptedIOException();
                }
                int k = (int) Math.min(n - off, capacity - Math.max(0, produced - floor));
                if (produced + k > floor) {
                    // bytes below the floor are inflated for the CRC only
                    int at = (int) (produced % capacity);
                    int first = Math.min(k, capacity - at);
                    System.arraycopy(buf, off, ring, at, first);
                    System.arraycopy(buf, off + first, ring, 0, k - first);
                }
                produced += k;
                off += k;
                notifyAll();
            }
        }
    }

    @Override
    public void readFully(long offset, ByteBuffer b) throws IOException {
        int len = b.remaining();
        if (offset < 0 || offset + len > size) {
            throw new EOFException("bytes " + offset + ".." + (offset + len) + " of " + size);
        }
        if (len > capacity) {
            throw new OutsideWindow(len + " bytes at once; a streamed entry holds " + Sizes.human(capacity));
        }
        synchronized (this) {
            start();
            if (offset < floor) {
                throw new OutsideWindow("byte " + offset + " was read and dropped already (read front to back)");
            }
            while (produced < offset + len) {
                if (failure != null) {
                    throw failure;
                }
                if (cancelled || finished) {
                    throw new IOException("entry '" + entryName + "' is no longer being read");
                }
                if (!reading && offset + len > floor + capacity) {
                    // the header asks for bytes beyond the window: the file is not laid out for streaming
                    throw new OutsideWindow("byte " + (offset + len) + " lies beyond the " + Sizes.human(capacity) + " a stream holds at its start");
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for " + file.getFileName());
                }
            }
            int at = (int) (offset % capacity);
            int first = Math.min(len, capacity - at);
            b.put(ring, at, first);
            b.put(ring, 0, len - first);
        }
    }

    /** The first release says the reader now reads front to back: from then on, reads wait for room. */
    @Override
    public synchronized void release(long offset) {
        reading = true;
        if (offset > floor) {
            floor = offset;
            notifyAll();
        }
    }

    /** The reader is done: the rest is inflated for the CRC only. */
    @Override
    public synchronized void close() {
        release(size);
        dropWindowWhenDone();
    }

    /** Frees the window once every byte is inflated and released: a delivery's other images may need the memory. */
    private void dropWindowWhenDone() {
        if (finished && floor >= size) {
            // every later read lies below the floor and is refused before the window is touched
            ring = null;
        }
    }

    /** Stops inflating, for a scene that failed anyway. */
    synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    /**
     * Waits until every byte is inflated and the CRC checked (inflating now, for nothing, an entry no
     * reader opened).
     *
     * @throws UnpackException when the entry was damaged, truncated or failed its CRC
     */
    void awaitIntact() {
        synchronized (this) {
            if (inflater == null) {
                release(size);
                start();
            }
        }
        try {
            inflater.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnpackException(zip, "interrupted while checking entry '" + entryName + "'", e);
        }
        synchronized (this) {
            if (failure != null) {
                throw failure;
            }
            if (cancelled) {
                throw new UnpackException(zip, "entry '" + entryName + "' was not read to its end");
            }
        }
    }

    /**
     * Inflates the entry to {@link #file} (CRC checked, written under a temporary name first), for a
     * reader that cannot read front to back.
     */
    void extract() {
        cancel();
        Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(partial);
            EntryInflater.write(zip, entryName, partial, n -> { });
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            FileTrees.deleteQuietly(partial);
            throw new UnpackException(zip, "cannot extract entry '" + entryName + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            FileTrees.deleteQuietly(partial);
            throw e;
        }
    }

    /** The entry's bytes, from the start, to {@code sink}; size and CRC checked at the end. */
    private void decode(EntryInflater.EntrySink sink) throws IOException {
        try (ZipFile zf = Unpacker.open(zip)) {
            ZipArchiveEntry e = zf.getEntry(entryName);
            EntryChecks.checkReadable(zip, zf, e);
            EntryInflater.decodeChecked(zip, zf, e, sink);
        }
    }
}
