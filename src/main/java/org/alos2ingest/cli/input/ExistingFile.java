package org.alos2ingest.cli.input;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import picocli.CommandLine;

/**
 * A file the command reads (a configuration, a certificate, a password file): one that is missing,
 * a folder or unreadable is a usage error when the command line is read, not a failure halfway.
 */
public class ExistingFile implements CommandLine.ITypeConverter<Path> {

    enum Kind { FILE, FOLDER, ANY }

    private final Kind kind;

    public ExistingFile() {
        this(Kind.FILE);
    }

    ExistingFile(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Path convert(String text) {
        Path p;
        try {
            p = Path.of(text);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException(text + " is not a path");
        }
        if (!Files.exists(p)) {
            throw new CommandLine.TypeConversionException(text + " does not exist; expected " + expected());
        }
        if (kind == Kind.FILE && Files.isDirectory(p)) {
            throw new CommandLine.TypeConversionException(text + " is a folder; expected a file");
        }
        if (kind == Kind.FOLDER && !Files.isDirectory(p)) {
            throw new CommandLine.TypeConversionException(text + " is not a folder; expected an existing folder");
        }
        if (!Files.isReadable(p)) {
            throw new CommandLine.TypeConversionException(text + " cannot be read (permissions); expected a readable " + (Files.isDirectory(p) ? "folder" : "file"));
        }
        return p;
    }

    private String expected() {
        return switch (kind) {
            case FILE -> "an existing file";
            case FOLDER -> "an existing folder";
            case ANY -> "an existing file or folder";
        };
    }

    public static final class Folder extends ExistingFile {
        public Folder() {
            super(Kind.FOLDER);
        }
    }

    public static final class FileOrFolder extends ExistingFile {
        public FileOrFolder() {
            super(Kind.ANY);
        }
    }
}
