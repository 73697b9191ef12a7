package org.alos2ingest.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code alos2-ingest}: brings ALOS-2 PALSAR-2 products into a searchable catalog.
 * Exit codes: 0 success, 1 a failed ingest (or other failure), 2 bad usage.
 */
@Command(name = "alos2-ingest", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Brings JAXA ALOS-2 PALSAR-2 products into a searchable, HySDS-compatible catalog.",
        subcommands = {IngestCommand.class, SearchCommand.class, SampleCommand.class, DemoCommand.class, RenderCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + Errors.oneLine(ex));
            if (Boolean.getBoolean("alos2ingest.trace")) {
                ex.printStackTrace(cmd.getErr());
            }
            return FAILED;
        });
        cl.setExitCodeExceptionMapper(ex -> ex instanceof CommandLine.ParameterException ? USAGE : FAILED);
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try --help)");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"alos2-ingest " + (v == null ? "development" : v)};
        }
    }
}
