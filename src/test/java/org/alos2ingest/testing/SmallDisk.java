package org.alos2ingest.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.alos2ingest.cli.Main;
import org.junit.jupiter.api.Assumptions;

/**
 * The command line run with a folder on a tmpfs of a few hundred KiB: a disk that really fills up,
 * with the kernel's own ENOSPC. As root (CI, the dev containers) the tmpfs is mounted here and the
 * command runs in this JVM; where mounting is refused, the tmpfs is mounted and the command run in
 * a child JVM inside {@code unshare --user --map-root-user --mount}, whose mounts vanish with it;
 * where neither works the test is skipped, saying why. {@code -Dalos2.test.unshare=true} takes the
 * second way even as root, to check it.
 */
public final class SmallDisk {

    public static final int PAGE = 4096;

    /**
     * What the run did, and what it left on the small disk.
     *
     * @param left  paths left under the folder, relative to it, once the command ended
     * @param free  the disk's usable bytes once the command ended
     * @param total the disk's size
     */
    public record Run(int code, String out, String err, List<String> left, long free, long total) {

        public List<String> errorLines() {
            return err.lines().filter(l -> l.startsWith("error: ")).toList();
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err + "--- left on the disk\n" + left;
        }
    }

    private SmallDisk() {
    }

    /** Bytes a file of {@code size} takes on a tmpfs: whole pages. */
    public static long pages(long size) {
        return (size + PAGE - 1) / PAGE * PAGE;
    }

    /**
     * Runs {@code alos2-ingest command --home home rest...} ({@code args[0]} is the command) with
     * {@code dir} on a new tmpfs mounted with {@code options} (e.g. {@code size=425984}).
     */
    public static Run run(Path dir, String options, Path home, String... args) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<String> cli = new ArrayList<>(List.of(args[0], "--home", home.toString()));
        cli.addAll(List.of(args).subList(1, args.length));
        String refused = Boolean.getBoolean("alos2.test.unshare") ? "asked for the unshare way"
                : command("mount", "-t", "tmpfs", "-o", options + ",mode=0755", "tmpfs", dir.toString());
        if (refused == null) {
            try {
                CliRun r = CliRun.run(cli.toArray(String[]::new));
                FileStore store = Files.getFileStore(dir);
                return new Run(r.code(), r.out(), r.err(), left(dir), store.getUsableSpace(), store.getTotalSpace());
            } finally {
                if (command("umount", dir.toString()) != null) {
                    command("umount", "-l", dir.toString());
                }
            }
        }
        String userns = command("unshare", "--user", "--map-root-user", "--mount", "true");
        Assumptions.assumeTrue(userns == null, () -> "a full disk is a small tmpfs: mounting one on " + dir + " was refused (" + refused
                + "), and so was a user and mount namespace to mount it in (" + userns + ")");
        return inNamespace(dir, options, cli);
    }

    private static Run inNamespace(Path dir, String options, List<String> cli) throws IOException, InterruptedException {
        Path files = Files.createTempDirectory(dir.getParent(), ".smalldisk-");
        String script = "mount -t tmpfs -o \"$1\" tmpfs \"$2\" || exit 90\n"
                + "dir=$2; out=$3; shift 3\n"
                + "\"$@\" >\"$out/stdout\" 2>\"$out/stderr\"; rc=$?\n"
                + "(cd \"$dir\" && find . -mindepth 1 | cut -c3-) >\"$out/left\"\n"
                + "stat -f -c '%a %b %S' \"$dir\" >\"$out/df\"\n"
                + "exit $rc\n";
        List<String> cmd = new ArrayList<>(List.of("unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh",
                options + ",mode=0755", dir.toString(), files.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(cli);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(files.resolve("unshare.log").toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the command in its namespace did not finish: " + String.join(" ", cli));
        }
        if (p.exitValue() == 90) {
            throw new AssertionError("mount in the namespace failed: " + Files.readString(files.resolve("unshare.log")));
        }
        String[] df = Files.readString(files.resolve("df")).strip().split(" ");
        long block = Long.parseLong(df[2]);
        Run r = new Run(p.exitValue(), Files.readString(files.resolve("stdout"), StandardCharsets.UTF_8),
                Files.readString(files.resolve("stderr"), StandardCharsets.UTF_8),
                Files.readString(files.resolve("left")).lines().filter(l -> !l.isBlank()).toList(),
                Long.parseLong(df[0]) * block, Long.parseLong(df[1]) * block);
        try (Stream<Path> s = Files.walk(files)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        return r;
    }

    private static List<String> left(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /** Runs a command; null when it succeeded, else what it said. */
    private static String command(String... cmd) throws InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String out;
        try {
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            out = e.getMessage();
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", cmd) + " did not finish";
        }
        return p.exitValue() == 0 ? null : out.isEmpty() ? "exit " + p.exitValue() : out;
    }
}
