package org.alos2ingest.serve;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Settings;

/** Builds what {@link StacServer} serves from the catalog and the deployment's configuration. */
public final class Backends {
    private Backends() {
    }

    public static StacBackend of(Catalog catalog, DatasetDefinitions definitions, Settings settings) {
        return new CatalogStacBackend(catalog, definitions, settings);
    }

    /** The folder local publishing writes to ({@code DATASET_PUBLISH_ROOT} as a file: URL); empty when it publishes elsewhere. */
    public static Optional<Path> publishRoot(Settings settings) {
        return settings.get("DATASET_PUBLISH_ROOT").map(settings::fill).filter(u -> u.startsWith("file:"))
                .map(u -> u.startsWith("file://") ? Path.of(u.substring("file://".length())) : Path.of(URI.create(u)))
                .map(p -> p.toAbsolutePath().normalize());
    }
}
