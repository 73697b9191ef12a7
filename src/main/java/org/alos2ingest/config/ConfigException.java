package org.alos2ingest.config;

import java.nio.file.Path;

import org.alos2ingest.IngestException;

/** A configuration file or setting that cannot be used: unreadable, malformed, or naming what does not exist. */
public class ConfigException extends IngestException {

    public ConfigException(Path file, String problem) {
        super(file, problem);
    }

    public ConfigException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
