package org.alos2ingest.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.alos2ingest.cli.Main;

/**
 * The command line in a JVM of its own, as a service manager or cron runs it: for tests that kill
 * it (SIGKILL, SIGTERM) and start it again. Its stdout and stderr go to one log file.
 */
public record ChildCli(Process process, Path log) {

    /** Starts {@code alos2-ingest args...} with the test's class path; {@code env} is added to this process's environment. */
    public static ChildCli start(Path log, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return new ChildCli(pb.start(), log);
    }

    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    public List<String> lines() {
        return output().lines().toList();
    }

    /** Waits until a line of the log matches, for at most {@code seconds}; fails the test naming what it waited for. */
    public String awaitLine(double seconds, String what, Predicate<String> line) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (true) {
            for (String l : lines()) {
                if (line.test(l)) {
                    return l;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("the process ended (exit " + process.exitValue() + ") before " + what + ":\n" + output());
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("no " + what + " within " + seconds + " s:\n" + output());
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** SIGKILL: nothing of the process runs any more, no shutdown hook. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        return process.exitValue();
    }

    /** SIGTERM, as systemd stops a service; waits for the exit. */
    public int terminate(double seconds) throws InterruptedException {
        process.destroy();
        if (!process.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not stop within " + seconds + " s of SIGTERM:\n" + output());
        }
        return process.exitValue();
    }
}
