package org.alos2ingest.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.alos2ingest.cli.Main;

/**
 * The tests' one way to run the command line: {@link Main#run} in this JVM, with stdout and stderr
 * captured as a user would see them, and its exit code.
 */
public record CliRun(int code, String out, String err) {

    /** Runs {@code alos2-ingest args...}. */
    public static synchronized CliRun run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            int code = Main.run(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Runs {@code alos2-ingest command --home home rest...}: {@code args[0]} is the command. */
    public static CliRun run(Path home, String... args) {
        List<String> all = new ArrayList<>();
        all.add(args[0]);
        all.add("--home");
        all.add(home.toString());
        all.addAll(List.of(args).subList(1, args.length));
        return run(all.toArray(String[]::new));
    }

    /** The error lines ("error: ...") printed on stderr. */
    public List<String> errorLines() {
        return err.lines().filter(l -> l.startsWith("error: ")).toList();
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
