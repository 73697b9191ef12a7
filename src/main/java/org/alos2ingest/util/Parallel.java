package org.alos2ingest.util;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Bounded fan-out, the one way this program runs work on several threads at once. Every form keeps
 * the same contract:
 * <ul>
 *   <li>at most {@code threads} tasks run at once, taken in the order given;</li>
 *   <li>the first failure cancels the rest: no task starts after it, and the threads of running
 *       ones are interrupted;</li>
 *   <li>no task outlives the call: it returns (or throws) once every thread has ended;</li>
 *   <li>the failure's own exception reaches the caller, unwrapped: a task's checked exception
 *       {@code X} (an {@code IOException}, say), or its {@code RuntimeException} or {@code Error};</li>
 *   <li>a caller interrupted while it waits cancels the tasks, keeps its interrupt flag set, and
 *       gets a {@link CancellationException} (unless a task had already failed: then that failure).</li>
 * </ul>
 * {@link #forEach} and {@link #map} run a task per item; {@link #run} gives each thread its own
 * {@link Worker} (readers, buffers, compressors that are not thread-safe and are costly to make per
 * task); {@link #open} takes tasks while the caller is still finding them.
 */
public final class Parallel {

    /** A task on one item. */
    @FunctionalInterface
    public interface ItemTask<T, X extends Exception> {
        void run(T item) throws X;
    }

    /** A task on one item that gives a result. */
    @FunctionalInterface
    public interface ItemFunction<T, R, X extends Exception> {
        R apply(T item) throws X;
    }

    /** A task handed to {@link Tasks#submit}. */
    @FunctionalInterface
    public interface Task<X extends Exception> {
        void run() throws X;
    }

    /** A worker: runs numbered tasks with its own state, then releases it. */
    @FunctionalInterface
    public interface Worker<X extends Exception> extends AutoCloseable {
        void run(int task) throws X;

        @Override
        default void close() {
        }
    }

    private Parallel() {
    }

    /** Runs tasks {@code 0..tasks-1}, one {@link Worker} from {@code workers} per thread. */
    public static <X extends Exception> void run(int threads, int tasks, Supplier<? extends Worker<X>> workers) throws X {
        if (tasks <= 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        new Crew<X>(Math.min(threads, tasks), crew -> {
            try (Worker<X> w = workers.get()) {
                int t;
                while (!crew.failed() && (t = next.getAndIncrement()) < tasks) {
                    w.run(t);
                }
            }
        }).join();
    }

    /** Runs {@code task} on every item. */
    public static <T, X extends Exception> void forEach(int threads, List<? extends T> items, ItemTask<? super T, X> task) throws X {
        Parallel.<X>run(threads, items.size(), () -> i -> task.run(items.get(i)));
    }

    /** Applies {@code function} to every item; the results are in the items' order. */
    public static <T, R, X extends Exception> List<R> map(int threads, List<? extends T> items, ItemFunction<? super T, ? extends R, X> function)
            throws X {
        Object[] out = new Object[items.size()];
        Parallel.<X>run(threads, items.size(), () -> i -> out[i] = function.apply(items.get(i)));
        @SuppressWarnings("unchecked")
        List<R> results = (List<R>) Arrays.asList(out);
        return results;
    }

    /**
     * Opens a set of tasks to be handed in one at a time, for a caller that finds its tasks as it
     * goes (a walk of a large archive): they start at once, at most {@code threads} at a time, the
     * others wait in order. Close it in a try-with-resources; a close without {@link Tasks#await}
     * (the caller failed) cancels what is left.
     */
    public static <X extends Exception> Tasks<X> open(int threads) {
        return new Tasks<>(threads);
    }

    /** Tasks handed in while the caller works; see {@link #open}. */
    public static final class Tasks<X extends Exception> implements AutoCloseable {
        private static final Task<RuntimeException> END = () -> {
        };

        private final BlockingQueue<Task<? extends X>> queue = new LinkedBlockingQueue<>();
        private final int threads;
        private final Crew<X> crew;
        private volatile boolean closed;

        private Tasks(int threads) {
            this.threads = Math.max(1, threads);
            this.crew = new Crew<>(this.threads, c -> {
                Task<? extends X> t;
                while (!c.failed() && (t = queue.take()) != END) {
                    t.run();
                }
            });
        }

        /** Queues a task; throws the first failure of an earlier one, so that the caller stops finding more. */
        public void submit(Task<? extends X> task) throws X {
            if (closed) {
                throw new IllegalStateException("tasks are closed: await() was called");
            }
            crew.rethrow();
            queue.add(task);
        }

        /** Waits for every task handed in; throws the first failure. */
        public void await() throws X {
            end();
            crew.join();
        }

        /** Cancels the tasks not yet done, unless {@link #await} was called, and waits for their threads. */
        @Override
        public void close() {
            if (!closed) {
                crew.cancel(new CancellationException("closed before its tasks were awaited"));
                end();
            }
            crew.joinQuietly();
        }

        @SuppressWarnings("unchecked")
        private void end() {
            if (!closed) {
                closed = true;
                for (int i = 0; i < threads; i++) {
                    queue.add((Task<? extends X>) (Task<?>) END);
                }
            }
        }
    }

    /** What each thread of a crew does until there is nothing left or a failure stops it. */
    @FunctionalInterface
    private interface Loop<X extends Exception> {
        void run(Crew<X> crew) throws X, InterruptedException;
    }

    /** A few threads running one loop; the first failure of any cancels the others. */
    private static final class Crew<X extends Exception> {
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final List<Thread> threads = new ArrayList<>();

        Crew(int n, Loop<X> loop) {
            String caller = Thread.currentThread().getName();
            for (int i = 1; i <= Math.max(1, n); i++) {
                Thread t = new Thread(() -> {
                    try {
                        loop.run(this);
                    } catch (InterruptedException e) {
                        cancel(new CancellationException("interrupted"));
                    } catch (Throwable e) {
                        cancel(e);
                    }
                }, caller + "/parallel-" + i);
                t.setDaemon(true);
                threads.add(t);
            }
            // All made before any starts: a failure may interrupt them all while the others start.
            for (Thread t : threads) {
                try {
                    t.start();
                } catch (Throwable e) {
                    // no more native threads, say: the ones started stop, those not started never run, join() throws
                    cancel(e);
                    break;
                }
            }
        }

        boolean failed() {
            return failure.get() != null;
        }

        /** Records the first failure and interrupts every thread; later failures are its consequences. */
        void cancel(Throwable cause) {
            if (failure.compareAndSet(null, cause)) {
                for (Thread t : threads) {
                    if (t != Thread.currentThread()) {
                        t.interrupt();
                    }
                }
            }
        }

        /** Waits for every thread; rethrows the first failure. */
        void join() throws X {
            joinQuietly();
            rethrow();
        }

        /** Waits for every thread; an interrupt of the caller cancels them, and stays set. */
        void joinQuietly() {
            boolean interrupted = false;
            for (Thread t : threads) {
                while (t.isAlive()) {
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                        cancel(new CancellationException("interrupted"));
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** Throws the first failure as it was thrown: a task can throw only {@code X} or unchecked exceptions. */
        @SuppressWarnings("unchecked")
        void rethrow() throws X {
            Throwable f = failure.get();
            if (f == null) {
                return;
            }
            if (f instanceof RuntimeException r) {
                throw r;
            }
            if (f instanceof Error e) {
                throw e;
            }
            throw (X) f;
        }
    }
}
