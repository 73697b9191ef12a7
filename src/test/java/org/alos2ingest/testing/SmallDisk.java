package org.alos2ingest.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A tmpfs of a few hundred KiB mounted on a folder: a disk that really fills up, with the kernel's
 * own ENOSPC. Mounting needs root (CI and the dev containers run as root); elsewhere the test is
 * skipped, saying why. Unmounted on close, whatever the test left in it.
 */
public final class SmallDisk implements AutoCloseable {

    public static final int PAGE = 4096;

    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code bytes} (rounded up to whole pages by the kernel) on {@code dir}. */
    public static SmallDisk mount(Path dir, long bytes) throws IOException, InterruptedException {
        return mount(dir, "size=" + bytes);
    }

    /** Mounts a tmpfs of {@code bytes} that holds at most {@code inodes} files and folders, itself included. */
    public static SmallDisk mount(Path dir, long bytes, int inodes) throws IOException, InterruptedException {
        return mount(dir, "size=" + bytes + ",nr_inodes=" + inodes);
    }

    private static SmallDisk mount(Path dir, String options) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String out = run("mount", "-t", "tmpfs", "-o", options + ",mode=0755", "tmpfs", dir.toString());
        Assumptions.assumeTrue(out == null, () -> "a full disk is a small tmpfs, and mounting one on " + dir
                + " was refused (" + out + "): run as root, or with CAP_SYS_ADMIN");
        return new SmallDisk(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Bytes a file of {@code size} takes on a tmpfs: whole pages. */
    public static long pages(long size) {
        return (size + PAGE - 1) / PAGE * PAGE;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (run("umount", dir.toString()) != null) {
            run("umount", "-l", dir.toString());
        }
    }

    /** Runs a command; null when it succeeded, else what it said. */
    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", cmd) + " did not finish";
        }
        return p.exitValue() == 0 ? null : out.isEmpty() ? "exit " + p.exitValue() : out;
    }
}
