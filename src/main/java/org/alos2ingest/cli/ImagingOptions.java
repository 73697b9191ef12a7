package org.alos2ingest.cli;

import org.alos2ingest.render.RenderSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How much imaging a command does: the tile zooms, or no tiles at all. */
public final class ImagingOptions {

    @Option(names = "--max-zoom", paramLabel = "Z", defaultValue = "${env:ALOS2_INGEST_MAX_ZOOM:-" + RenderSettings.DEFAULT_MAX_ZOOM + "}",
            description = "Deepest Web Mercator tile zoom of GeoTIFF products, 0-" + RenderSettings.MAX_ZOOM_LIMIT
                    + " (default: $ALOS2_INGEST_MAX_ZOOM, else " + RenderSettings.DEFAULT_MAX_ZOOM + ").")
    int maxZoom;

    @Option(names = "--no-tiles", description = "Make browse images, footprint and viewer, but no map tiles.")
    boolean noTiles;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for imaging (default: all cores).")
    Integer threads;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    RenderSettings settings() {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        try {
            return new RenderSettings(!noTiles, maxZoom, t);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
