package org.alos2ingest.format.ceos;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.alos2ingest.identify.IdentifyException;

/**
 * Positional, read-only access to one CEOS file. Nothing a file says about itself is trusted: every
 * record length is checked against the bytes left in the file and against a sane maximum before a
 * buffer is allocated for it, so a lying length is an error naming the file and offset rather than
 * an {@link OutOfMemoryError} or a read past the end.
 */
public final class CeosFile implements Closeable {

    /** No record of a leader, volume directory or trailer file is larger (the largest real one is 728000 bytes). */
    public static final long MAX_RECORD_LENGTH = 16L << 20;
    /** A leader holds a dozen records; thousands mean the lengths are garbage. */
    public static final int MAX_RECORDS = 4096;

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final ReadCounter counter;

    private CeosFile(Path path, FileChannel channel, long size, ReadCounter counter) {
        this.path = path;
        this.channel = channel;
        this.size = size;
        this.counter = counter;
    }

    public static CeosFile open(Path path, ReadCounter counter) {
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
            counter.opened();
            return new CeosFile(path, ch, ch.size(), counter);
        } catch (NoSuchFileException e) {
            throw new IdentifyException(path, "file not found");
        } catch (IOException e) {
            throw new IdentifyException(path, "cannot open: " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    public long size() {
        return size;
    }

    /**
     * Reads {@code n} bytes at {@code offset}.
     *
     * @throws CeosFormatException when the file ends before
     */
    public ByteBuffer read(long offset, int n, String what) {
        if (offset < 0 || n < 0 || offset + n > size) {
            throw new CeosFormatException(path, offset, what + " needs " + n + " bytes but the file (" + size
                    + " bytes) ends after " + Math.max(0, size - offset));
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        try {
            while (b.hasRemaining()) {
                int r = channel.read(b, offset + b.position());
                if (r < 0) {
                    throw new CeosFormatException(path, offset + b.position(), "file ended while reading " + what);
                }
            }
        } catch (IOException e) {
            throw new IdentifyException(path, "cannot read at byte " + offset + ": " + e.getMessage(), e);
        }
        counter.add(n);
        return b.flip();
    }

    /**
     * The preamble of the record at {@code offset}, checked: at least 12 bytes long, no longer than
     * {@code maxLength} and not running past the end of the file.
     */
    public Preamble preamble(long offset, long maxLength) {
        Preamble p = Preamble.read(read(offset, Preamble.SIZE, "a record preamble"));
        check(offset, p, maxLength);
        return p;
    }

    private void check(long offset, Preamble p, long maxLength) {
        if (p.length() < Preamble.SIZE) {
            throw new CeosFormatException(path, offset + 8, "record " + p.sequence() + " (type " + p.code() + ") claims a length of "
                    + p.length() + " bytes, less than its own 12-byte preamble");
        }
        if (p.length() > maxLength) {
            throw new CeosFormatException(path, offset + 8, "record " + p.sequence() + " (type " + p.code() + ") claims a length of "
                    + p.length() + " bytes, more than the " + maxLength + " such a record can have");
        }
        if (offset + p.length() > size) {
            throw new CeosFormatException(path, offset + 8, "record " + p.sequence() + " (type " + p.code() + ") claims " + p.length()
                    + " bytes but the file ends " + (size - offset) + " bytes after its start (truncated file?)");
        }
    }

    /**
     * Reads the record at {@code offset}, which must have the layout's type code: all of it, or
     * the first {@link RecordLayout#readLimit()} bytes.
     */
    public CeosRecord record(long offset, RecordLayout layout, long maxLength) {
        Preamble p = preamble(offset, maxLength);
        expect(offset, p, layout);
        return readBody(offset, p, layout);
    }

    /** Reads a record whose preamble was already read and checked. */
    public CeosRecord readBody(long offset, Preamble p, RecordLayout layout) {
        int n = (int) Math.min(p.length(), layout.readLimit());
        return new CeosRecord(path, offset, p, layout, read(offset, n, "the " + layout.name() + " record"));
    }

    /** Like {@link #readBody} but reads at most {@code n} bytes (e.g. only the prefix of an image record). */
    public CeosRecord readPrefix(long offset, Preamble p, RecordLayout layout, int n) {
        return new CeosRecord(path, offset, p, layout, read(offset, (int) Math.min(p.length(), n), "the " + layout.name() + " record"));
    }

    /** @throws CeosFormatException when the preamble does not carry the layout's type code */
    public void expect(long offset, Preamble p, RecordLayout layout) {
        if (!p.code().equals(layout.code())) {
            throw new CeosFormatException(path, offset + 4, "expected a " + layout.name() + " record (type " + layout.code()
                    + "), found type " + p.code());
        }
    }

    /** A record's position and preamble, as found by {@link #walk()}. */
    public record Header(long offset, Preamble preamble) {
    }

    /**
     * Walks the whole file record by record through the preambles, assuming neither the order nor
     * the number of records; the records must exactly fill the file.
     */
    public List<Header> walk() {
        return walk((offset, p) -> { });
    }

    /**
     * Like {@link #walk()}, with {@code check} called on each header before the walk moves past
     * it, so that a caller who knows what lengths to expect can stop at the record whose length lies
     * rather than at the garbage its lie leads to.
     */
    public List<Header> walk(java.util.function.BiConsumer<Long, Preamble> check) {
        List<Header> out = new ArrayList<>();
        long at = 0;
        while (at < size) {
            if (out.size() >= MAX_RECORDS) {
                throw new CeosFormatException(path, at, "more than " + MAX_RECORDS + " records; the record lengths cannot be right");
            }
            if (size - at < Preamble.SIZE) {
                throw new CeosFormatException(path, at, (size - at) + " stray bytes after the last record, too few for a record preamble");
            }
            Preamble p = preamble(at, MAX_RECORD_LENGTH);
            check.accept(at, p);
            out.add(new Header(at, p));
            at += p.length();
        }
        return out;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // read-only: nothing is lost
        }
    }
}
