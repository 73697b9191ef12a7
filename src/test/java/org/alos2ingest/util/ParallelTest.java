package org.alos2ingest.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ParallelTest {

    private static final List<Integer> HUNDRED = IntStream.range(0, 100).boxed().toList();

    /** A task failure of its own type, as the stages' IngestException subclasses are. */
    static final class StageException extends RuntimeException {
        StageException(String message) {
            super(message);
        }
    }

    @Test
    void aTasksOwnExceptionReachesTheCallerUnwrapped() {
        IOException io = new IOException("disk full");
        IOException thrownIo = assertThrows(IOException.class, () -> Parallel.forEach(4, HUNDRED, i -> {
            if (i == 17) {
                throw io;
            }
        }));
        assertSame(io, thrownIo);

        StageException stage = new StageException("entry 'x' is damaged");
        assertSame(stage, assertThrows(StageException.class, () -> Parallel.map(4, HUNDRED, i -> {
            if (i == 3) {
                throw stage;
            }
            return i;
        })));

        AssertionError error = new AssertionError("a bug");
        assertSame(error, assertThrows(AssertionError.class, () -> Parallel.<RuntimeException>run(3, 10, () -> t -> {
            if (t == 9) {
                throw error;
            }
        })));
    }

    @Test
    void theFirstFailureCancelsTheRestAndNoTaskOutlivesTheCall() throws InterruptedException {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        CountDownLatch othersRunning = new CountDownLatch(3);
        long t0 = System.nanoTime();
        StageException failure = assertThrows(StageException.class, () -> Parallel.forEach(4, HUNDRED, i -> {
            started.incrementAndGet();
            running.incrementAndGet();
            try {
                if (i == 0) {
                    othersRunning.await();
                    throw new StageException("first");
                }
                othersRunning.countDown();
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw new StageException("cancelled " + i);
            } finally {
                running.decrementAndGet();
            }
        }));
        assertEquals("first", failure.getMessage());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10), "the sleeping tasks were interrupted");
        assertEquals(4, started.get(), "no task starts after the failure");
        assertEquals(3, interrupted.get(), "the running tasks are interrupted");
        assertEquals(0, running.get(), "every task has ended when the call returns");
    }

    @Test
    void aTaskThatIgnoresItsInterruptEndsBeforeTheCallReturns() {
        AtomicBoolean slowDone = new AtomicBoolean();
        CountDownLatch slowStarted = new CountDownLatch(1);
        assertThrows(StageException.class, () -> Parallel.forEach(2, List.of(0, 1), i -> {
            if (i == 0) {
                slowStarted.countDown();
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                slowDone.set(true);
            } else {
                awaitQuietly(slowStarted);
                throw new StageException("fails while the other runs");
            }
        }));
        assertTrue(slowDone.get());
    }

    @Test
    void atMostNTasksRunAtOnceAndNReallyDo() {
        for (int threads : new int[] {1, 3, 8}) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            Set<String> names = ConcurrentHashMap.newKeySet();
            CountDownLatch allStarted = new CountDownLatch(threads);
            Parallel.forEach(threads, HUNDRED, i -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                names.add(Thread.currentThread().getName());
                // the first tasks wait for each other: N do run at once
                allStarted.countDown();
                awaitQuietly(allStarted);
                sleep(1);
                running.decrementAndGet();
            });
            assertEquals(threads, most.get(), threads + " threads");
            assertEquals(threads, names.size());
        }
        // fewer items than threads: no idle threads are made
        Set<String> names = ConcurrentHashMap.newKeySet();
        Parallel.forEach(8, List.of(1, 2), i -> {
            names.add(Thread.currentThread().getName());
            sleep(20);
        });
        assertEquals(2, names.size());
    }

    @Test
    void mapKeepsTheItemsOrder() {
        List<Integer> squares = Parallel.map(5, HUNDRED, i -> {
            sleep(i % 7);
            return i * i;
        });
        assertEquals(HUNDRED.stream().map(i -> i * i).toList(), squares);
        assertEquals(List.of(), Parallel.map(4, List.<Integer>of(), i -> i));
    }

    @Test
    void eachThreadHasOneWorkerClosedOnce() {
        AtomicInteger made = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        Parallel.<RuntimeException>run(3, 50, () -> {
            made.incrementAndGet();
            return new Parallel.Worker<>() {
                private final Thread owner = Thread.currentThread();

                @Override
                public void run(int task) {
                    assertSame(owner, Thread.currentThread());
                    ran.incrementAndGet();
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        });
        assertEquals(3, made.get());
        assertEquals(3, closed.get());
        assertEquals(50, ran.get());
    }

    @Test
    void anInterruptedCallerCancelsTheTasksAndKeepsItsInterrupt() throws InterruptedException {
        AtomicInteger interrupted = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        CountDownLatch allRunning = new CountDownLatch(3);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        AtomicInteger runningAtReturn = new AtomicInteger(-1);
        Thread caller = new Thread(() -> {
            try {
                Parallel.forEach(3, HUNDRED, i -> {
                    running.incrementAndGet();
                    allRunning.countDown();
                    try {
                        Thread.sleep(20_000);
                    } catch (InterruptedException e) {
                        interrupted.incrementAndGet();
                        throw new StageException("cancelled");
                    } finally {
                        running.decrementAndGet();
                    }
                });
            } catch (Throwable e) {
                thrown.set(e);
            }
            runningAtReturn.set(running.get());
            flagKept.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertTrue(allRunning.await(10, TimeUnit.SECONDS));
        caller.interrupt();
        caller.join(10_000);
        assertFalse(caller.isAlive());
        assertTrue(thrown.get() instanceof CancellationException, "got " + thrown.get());
        assertTrue(flagKept.get(), "the caller's interrupt is restored");
        assertEquals(3, interrupted.get());
        assertEquals(0, runningAtReturn.get());
    }

    @Test
    void openTasksRunWhileTheCallerStillSubmits() throws IOException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch firstDone = new CountDownLatch(1);
        CountDownLatch twoRunning = new CountDownLatch(2);
        try (Parallel.Tasks<IOException> tasks = Parallel.open(2)) {
            for (int i = 0; i < 20; i++) {
                boolean first = i == 0;
                tasks.submit(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    if (!first) {
                        twoRunning.countDown();
                        awaitQuietly(twoRunning);
                    }
                    sleep(1);
                    running.decrementAndGet();
                    done.incrementAndGet();
                    firstDone.countDown();
                });
                if (i == 0) {
                    // the first runs before the second is even handed in
                    awaitQuietly(firstDone);
                }
            }
            tasks.await();
        }
        assertEquals(20, done.get());
        assertEquals(2, most.get());
    }

    @Test
    void anOpenTasksFailureStopsTheSubmitterAndReachesAwait() throws IOException, InterruptedException {
        IOException io = new IOException("cannot read group 3");
        CountDownLatch failed = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        try (Parallel.Tasks<IOException> tasks = Parallel.open(2)) {
            for (int i = 0; i <= 3; i++) {
                int n = i;
                tasks.submit(() -> {
                    ran.incrementAndGet();
                    if (n == 3) {
                        failed.countDown();
                        throw io;
                    }
                });
            }
            assertTrue(failed.await(10, TimeUnit.SECONDS));
            while (true) {
                try {
                    tasks.submit(() -> ran.incrementAndGet());
                    Thread.sleep(5);
                } catch (IOException e) {
                    assertSame(io, e);
                    break;
                }
            }
            assertSame(io, assertThrows(IOException.class, tasks::await));
        }
    }

    @Test
    void closingOpenTasksWithoutAwaitCancelsThem() throws InterruptedException {
        AtomicInteger interrupted = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(2);
        try (Parallel.Tasks<RuntimeException> tasks = Parallel.open(2)) {
            for (int i = 0; i < 10; i++) {
                tasks.submit(() -> {
                    ran.incrementAndGet();
                    running.countDown();
                    try {
                        Thread.sleep(20_000);
                    } catch (InterruptedException e) {
                        interrupted.incrementAndGet();
                    }
                });
            }
            assertTrue(running.await(10, TimeUnit.SECONDS));
            // the caller fails here: the try ends without await()
        }
        assertEquals(2, ran.get());
        assertEquals(2, interrupted.get());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new StageException("interrupted");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new StageException("interrupted");
        }
    }
}
