package org.alos2ingest.cli;

import java.util.function.Supplier;

import picocli.CommandLine;

/** Options a command can only check once it runs: their failures are usage errors (exit 2). */
final class Usage {
    private Usage() {
    }

    static CommandLine.ParameterException error(CommandLine.Model.CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Like {@link #check(CommandLine.Model.CommandSpec, Supplier)} for a value of {@code name} whose checker does not name it. */
    static <T> T check(CommandLine.Model.CommandSpec spec, String name, Supplier<T> s) {
        try {
            return s.get();
        } catch (IllegalArgumentException e) {
            throw error(spec, name + ": " + Errors.oneLine(e));
        }
    }

    /** Runs {@code s}, turning the IllegalArgumentException of a bad option value into a usage error. */
    static <T> T check(CommandLine.Model.CommandSpec spec, Supplier<T> s) {
        try {
            return s.get();
        } catch (IllegalArgumentException e) {
            throw error(spec, Errors.oneLine(e));
        }
    }
}
