package org.alos2ingest.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Kills a child process at a moment the test chose by looking, not by timing: the child is stopped
 * (SIGSTOP) before each look, so what the test sees is exactly what SIGKILL then interrupts, and
 * it runs again (SIGCONT) for a few milliseconds between looks, so even a stage that lasts only
 * tens of milliseconds is caught inside. No hook in the code under test.
 */
public final class FrozenChild {

    private FrozenChild() {
    }

    /**
     * Waits until {@code near} holds (cheap, the child running freely), then looks with the child
     * stopped until {@code inside} holds, and kills it with SIGKILL while it is still stopped.
     *
     * @param onStopped run at each stopped look before {@code inside}, e.g. to take a lock the
     *                  child is about to need
     * @return the exit code of the killed child (137)
     */
    public static int killWhen(ChildCli child, double seconds, String what, BooleanSupplier near, Runnable onStopped,
                               BooleanSupplier inside) throws IOException, InterruptedException {
        Process p = child.process();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (true) {
            if (!p.isAlive()) {
                throw new AssertionError("the process ended (exit " + p.exitValue() + ") before " + what + ":\n" + child.output());
            }
            if (System.nanoTime() > end) {
                signal(p, "CONT");
                throw new AssertionError("not " + what + " within " + seconds + " s:\n" + child.output());
            }
            if (!near.getAsBoolean()) {
                TimeUnit.MILLISECONDS.sleep(5);
                continue;
            }
            signal(p, "STOP");
            awaitStopped(p);
            onStopped.run();
            if (inside.getAsBoolean()) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
                return p.exitValue();
            }
            signal(p, "CONT");
            TimeUnit.MILLISECONDS.sleep(2);
        }
    }

    /** SIGSTOP is delivered asynchronously: a thread on another core may run on for a moment. */
    private static void awaitStopped(Process p) throws IOException, InterruptedException {
        Path tasks = Path.of("/proc", Long.toString(p.pid()), "task");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            boolean all = true;
            try (Stream<Path> s = Files.list(tasks)) {
                for (Path t : s.toList()) {
                    String stat = Files.readString(t.resolve("stat"));
                    // the state follows the command name, which is in parentheses and may hold spaces
                    char state = stat.charAt(stat.lastIndexOf(')') + 2);
                    all &= state == 'T' || state == 't' || state == 'Z' || state == 'X';
                }
            } catch (IOException | UncheckedIOException e) {
                // a thread ended while listed: look again
                all = false;
            }
            if (all || !p.isAlive()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
        throw new AssertionError("process " + p.pid() + " did not stop after SIGSTOP");
    }

    private static void signal(Process p, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder(List.of("kill", "-" + signal, Long.toString(p.pid()))).redirectErrorStream(true).start();
        kill.getInputStream().readAllBytes();
        if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0 && p.isAlive()) {
            throw new AssertionError("kill -" + signal + " " + p.pid() + " failed");
        }
    }
}
