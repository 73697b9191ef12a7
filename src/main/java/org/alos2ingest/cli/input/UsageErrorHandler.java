package org.alos2ingest.cli.input;

import java.io.PrintWriter;

import picocli.CommandLine;

/**
 * Prints a usage error as two lines, the error ({@link UsageLine}) and where to read more, instead of
 * picocli's message followed by the whole usage help: forty lines in which the one that matters is
 * the first, and scrolls away.
 */
public final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

    private final int exitCode;

    /** @param exitCode the exit code of a usage error */
    public UsageErrorHandler(int exitCode) {
        this.exitCode = exitCode;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(UsageLine.of(ex));
        err.println(tryLine(cmd));
        err.flush();
        return exitCode;
    }

    /** {@code try 'alos2-ingest subscribe add --help'}. */
    static String tryLine(CommandLine cmd) {
        return "try '" + cmd.getCommandSpec().qualifiedName() + " --help'";
    }
}
