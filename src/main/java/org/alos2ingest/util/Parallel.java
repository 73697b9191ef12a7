package org.alos2ingest.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs numbered tasks on a few threads, each thread with its own worker state (readers, buffers,
 * projections, compressors are not thread-safe and are costly to make per task). Tasks are taken in
 * order from a shared counter, so threads stay busy whatever the tasks cost. The first failure stops
 * the others and is rethrown.
 */
public final class Parallel {

    /** A worker: runs tasks with its own state, then releases it. */
    public interface Worker extends AutoCloseable {
        void run(int task) throws Exception;

        @Override
        default void close() {
        }
    }

    private Parallel() {
    }

    public static void run(int threads, int tasks, Supplier<? extends Worker> workers) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int n = Math.max(1, Math.min(threads, tasks));
        List<Thread> started = new ArrayList<>();
        Runnable loop = () -> {
            try (Worker w = workers.get()) {
                int t;
                while (failure.get() == null && (t = next.getAndIncrement()) < tasks) {
                    w.run(t);
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        };
        for (int i = 1; i < n; i++) {
            Thread th = new Thread(loop, "alos2-render-" + i);
            th.setDaemon(true);
            th.start();
            started.add(th);
        }
        loop.run();
        for (Thread th : started) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, e);
            }
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
        if (f != null) {
            throw new IllegalStateException(f.getMessage(), f);
        }
    }
}
