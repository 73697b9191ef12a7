package org.alos2ingest.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the fuzz targets share: a scratch folder for readers that take a {@link Path}, and the one
 * check made of a declared exception, that its message can be shown to a user as it is.
 */
public final class FuzzInputs {

    private static final Path SCRATCH;

    static {
        try {
            SCRATCH = Files.createTempDirectory("alos2-fuzz-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> org.alos2ingest.util.FileTrees.deleteQuietly(SCRATCH)));
    }

    private FuzzInputs() {
    }

    /** A scratch file or folder path, the same for the same name (the fuzzer runs one input at a time). */
    public static Path path(String name) {
        return SCRATCH.resolve(name);
    }

    /** Writes the input to the scratch file {@code name}, replacing what the last input left there. */
    public static Path file(String name, byte[] data) {
        Path p = path(name);
        try {
            Files.write(p, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /**
     * A reader refused the input with the exception it declares: its message must say what was wrong,
     * on one line (it becomes a log line, a CLI error or an HTTP 400 description).
     */
    public static void refused(RuntimeException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            throw new AssertionError("declared " + e.getClass().getSimpleName() + " without a message", e);
        }
        if (m.contains("\n") || m.contains("\r")) {
            throw new AssertionError("declared " + e.getClass().getSimpleName() + " with a multi-line message: " + m, e);
        }
    }
}
