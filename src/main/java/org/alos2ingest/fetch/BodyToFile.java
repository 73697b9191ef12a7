package org.alos2ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.alos2ingest.util.Progress;

/**
 * Copies a response body into a file with the reading and the writing on two threads, up to 4 MB
 * apart. One thread doing both (as curl does) spends half its time in each system call's
 * copy; two overlap them, which is what lets a JVM, with its start-up to pay for, keep up with curl.
 *
 * <p>Everything received before a failure is written before the failure is thrown, so that a resumed
 * download starts where the connection really stopped, not at the last whole buffer.
 */
final class BodyToFile {

    /**
     * Writes of 256 KB: fewer than a write per socket read (at most 128 KB each), yet below the size at
     * which, on the Linux 6.18 ext4 of the development machine, a write took 4 times the system time
     * ({@code dd bs=1M}: 1.7-3.2 s of system time for 1 GiB in 5 runs of 6, against 0.4-0.5 s for every
     * size from 64 KB to 512 KB; the old downloader's 1 MB writes hit it too).
     */
    private static final int BUFFER = 256 * 1024;
    /** 4 MB in flight between the threads. */
    private static final int BUFFERS = 16;
    /** Handed back instead of a free buffer when the writer has failed. */
    private static final byte[] WRITER_FAILED = new byte[0];

    private record Chunk(byte[] data, int length) {
    }

    private static final Chunk END = new Chunk(new byte[0], 0);

    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final FileChannel out;
    private final Progress.Task task;
    private volatile Throwable writeFailure;

    private BodyToFile(FileChannel out, Progress.Task task) {
        this.out = out;
        this.task = task;
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[BUFFER]);
        }
    }

    /**
     * Appends the rest of {@code in} to {@code out} at its current position, stopping early once more
     * than {@code limit} bytes have been received since (-1: no limit); advances {@code task} by the
     * bytes written.
     */
    static void copy(InputStream in, FileChannel out, long limit, Progress.Task task) throws IOException {
        new BodyToFile(out, task).run(in, limit);
    }

    private void run(InputStream in, long limit) throws IOException {
        Thread writer = new Thread(this::write, "download-writer");
        writer.setDaemon(true);
        writer.start();
        IOException readFailure = null;
        try {
            read(in, limit);
        } catch (IOException e) {
            readFailure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            readFailure = new InterruptedIOException("interrupted");
        } finally {
            filled.add(END);
            joinUninterruptibly(writer);
        }
        Throwable w = writeFailure;
        if (w != null) {
            if (readFailure != null) {
                w.addSuppressed(readFailure);
            }
            // as if the one thread had thrown it: a disk error is an IOException, a bug stays unchecked
            if (w instanceof IOException io) {
                throw io;
            }
            if (w instanceof RuntimeException re) {
                throw re;
            }
            if (w instanceof Error err) {
                throw err;
            }
            throw new IOException(w.toString(), w);
        }
        if (readFailure != null) {
            throw readFailure;
        }
    }

    private void read(InputStream in, long limit) throws IOException, InterruptedException {
        long received = 0;
        while (limit < 0 || received <= limit) {
            byte[] b = free.take();
            if (b == WRITER_FAILED) {
                return;
            }
            int n = 0;
            try {
                int r;
                while (n < b.length && (r = in.read(b, n, b.length - n)) >= 0) {
                    n += r;
                }
            } finally {
                // also on a cut or a timeout: the bytes that did arrive are kept for the resume
                if (n > 0) {
                    filled.add(new Chunk(b, n));
                }
            }
            if (n < b.length) {
                return;
            }
            received += n;
        }
    }

    private void write() {
        try {
            Chunk c;
            while ((c = filled.take()) != END) {
                ByteBuffer bb = ByteBuffer.wrap(c.data(), 0, c.length());
                while (bb.hasRemaining()) {
                    out.write(bb);
                }
                task.advance(c.length());
                free.add(c.data());
            }
        } catch (Throwable e) {
            writeFailure = e;
            free.add(WRITER_FAILED);
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
