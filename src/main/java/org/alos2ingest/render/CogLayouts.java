package org.alos2ingest.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Lays out the COGs of a scene's polarisations on a thread of their own while the renderer goes on
 * with tiles and the next polarisation: a layout is mostly a copy the kernel makes (the full
 * resolution's spool into the file after the overviews), which would otherwise leave the cores idle.
 * Closing without {@link #await} (the render failed) cancels what is left and waits for it, so that
 * nothing writes into the product folder afterwards.
 */
final class CogLayouts implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("org.alos2ingest");

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cog-layout");
        t.setDaemon(true);
        return t;
    });
    private final List<Future<List<CogFile>>> pending = new ArrayList<>();

    /** Lays out {@code cogs} once every band has been given to it, then closes it. */
    void submit(PolarisationCogs cogs, String image) {
        pending.add(thread.submit(() -> {
            try {
                long t0 = System.nanoTime();
                List<CogFile> written = cogs.finish();
                LOG.fine(() -> String.format(Locale.ROOT, "%s: COG files %s laid out in %.1f s", image,
                        written.stream().map(c -> c.file() + " (" + (c.bytes() >> 20) + " MB)").toList(), (System.nanoTime() - t0) / 1e9));
                return written;
            } finally {
                cogs.close();
            }
        }));
    }

    /** The files of every layout, in the order submitted; the first failure is thrown as it was. */
    List<CogFile> await() {
        List<CogFile> all = new ArrayList<>();
        for (Future<List<CogFile>> f : pending) {
            try {
                all.addAll(f.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted waiting for COG layouts");
            }
        }
        pending.clear();
        return all;
    }

    @Override
    public void close() {
        for (Future<List<CogFile>> f : pending) {
            f.cancel(true);
        }
        thread.shutdown();
        try {
            // a layout interrupted mid-copy stops at its next write; its close removes what it wrote
            thread.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
