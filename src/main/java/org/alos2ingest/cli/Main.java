package org.alos2ingest.cli;

import java.util.List;

import org.alos2ingest.cli.input.UsageErrorHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code alos2-ingest}: brings ALOS-2 PALSAR-2 products into a searchable catalog.
 * Exit codes: 0 success, 1 a failed ingest (or other failure), 2 bad usage.
 */
@Command(name = "alos2-ingest", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Brings JAXA ALOS-2 PALSAR-2 products into a searchable, HySDS-compatible catalog.")
public final class Main implements Runnable {

    /** The commands, in the order --help lists them. */
    static final List<Class<?>> COMMANDS = List.of(IngestCommand.class, DownloadCommand.class, SearchCommand.class, InspectCommand.class,
            SampleCommand.class, DemoCommand.class, RenderCommand.class, ScanCommand.class, SubmitCommand.class, WorkerCommand.class,
            HysdsRunCommand.class, WarmUpCommand.class, StacExportCommand.class, ServeCommand.class, WatchCommand.class, SubscribeCommand.class,
            CommandLine.HelpCommand.class);

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /**
     * java.util.logging keeps loggers only weakly: without this reference the logger that
     * CommonOptions configures can be collected before the stages log, and -v would print nothing.
     */
    private static final java.util.logging.Logger LOG_ROOT = java.util.logging.Logger.getLogger("org.alos2ingest");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        CommandLine cl = commandLine(args.length > 0 ? args[0] : null);
        return cl.execute(args);
    }

    /**
     * The command line for a run whose first argument is {@code first}. Only that command's model is
     * built when it names one: picocli reflects over every option of every command it is given, which
     * costs a short command such as {@code inspect} a noticeable part of its start-up.
     */
    public static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new Main());
        Class<?> only = COMMANDS.stream().filter(c -> c != CommandLine.HelpCommand.class)
                .filter(c -> c.getAnnotation(Command.class).name().equals(first)).findFirst().orElse(null);
        for (Class<?> c : only != null ? List.of(only) : COMMANDS) {
            // built on its own: picocli applies the mixins' model transformers (the options each source type adds) only then
            cl.addSubcommand(new CommandLine(c));
        }
        // "@file" is how --intersects takes a GeoJSON file, not a picocli argument file
        cl.setExpandAtFiles(false);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof CommandLine.ParameterException p) {
                // thrown by a command that checks its options only once it runs
                return cmd.getParameterExceptionHandler().handleParseException(p, parsed.originalArgs().toArray(String[]::new));
            }
            cmd.getErr().println("error: " + Errors.oneLine(ex));
            if (Boolean.getBoolean("alos2ingest.trace")) {
                ex.printStackTrace(cmd.getErr());
            }
            return FAILED;
        });
        cl.setExitCodeExceptionMapper(ex -> ex instanceof CommandLine.ParameterException ? USAGE : FAILED);
        // after the subcommands are added: picocli hands the handler to the commands it has at this moment
        cl.setParameterExceptionHandler(new UsageErrorHandler(USAGE));
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required; expected one of "
                + String.join(", ", spec.subcommands().entrySet().stream().filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
                        .map(java.util.Map.Entry::getKey).toList()));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"alos2-ingest " + (v == null ? "development" : v)};
        }
    }
}
