package org.alos2ingest.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.alos2ingest.cli.Main;

/** Runs the command line in this JVM and captures what it prints. */
public record CliRun(int exitCode, String out, String err) {

    public static synchronized CliRun run(Path home, String... args) {
        List<String> all = new ArrayList<>();
        all.add(args[0]);
        if (home != null) {
            all.add("--home");
            all.add(home.toString());
        }
        for (int i = 1; i < args.length; i++) {
            all.add(args[i]);
        }
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            int code = Main.run(all.toArray(String[]::new));
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The error lines ("error: ...") printed on stderr. */
    public List<String> errorLines() {
        return err.lines().filter(l -> l.startsWith("error: ")).toList();
    }
}
