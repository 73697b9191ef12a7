package org.alos2ingest.cli;

import org.alos2ingest.cli.input.WholeNumbers;
import org.alos2ingest.config.ConfigException;
import org.alos2ingest.config.Settings;
import org.alos2ingest.render.Calibration;
import org.alos2ingest.render.RenderSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How much imaging a command does: the tile zooms or no tiles, and the Cloud-Optimized GeoTIFFs. */
public final class ImagingOptions {

    @Option(names = "--max-zoom", paramLabel = "Z", converter = WholeNumbers.TileZoom.class, defaultValue = "${env:ALOS2_INGEST_MAX_ZOOM:-" + RenderSettings.DEFAULT_MAX_ZOOM + "}",
            description = "Deepest Web Mercator tile zoom of GeoTIFF products, 0-" + RenderSettings.MAX_ZOOM_LIMIT
                    + " (default: $ALOS2_INGEST_MAX_ZOOM, else " + RenderSettings.DEFAULT_MAX_ZOOM + ").")
    int maxZoom;

    @Option(names = "--no-tiles", description = "Make browse images, footprint and viewer, but no map tiles.")
    boolean noTiles;

    @Option(names = "--no-cog", description = "Do not write <image>.cog.tif, the lossless Cloud-Optimized GeoTIFF of each "
            + "Level 1.5/2.1 polarisation (written by default).")
    boolean noCog;

    @Option(names = "--sigma0", description = "Also write <image>.sigma0.cog.tif: calibrated sigma-nought in dB, Float32 "
            + "(10*log10(DN^2) + CF, CF from settings " + Calibration.SETTING + ", default " + Calibration.JAXA_FACTOR_DB + ").")
    boolean sigma0;

    @Option(names = "--threads", paramLabel = "N", converter = WholeNumbers.Threads.class, description = "Threads for imaging (default: all cores).")
    Integer threads;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /** @param deployment settings.json, for the calibration factor */
    RenderSettings settings(Settings deployment) {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        try {
            Calibration c = calibration(deployment);
            return new RenderSettings(!noTiles, maxZoom, t, new RenderSettings.Cogs(!noCog, sigma0, c));
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The default imaging with the deployment's calibration factor, for commands without imaging options. */
    static RenderSettings defaults(Settings deployment) {
        return RenderSettings.defaults().withCogs(new RenderSettings.Cogs(true, false, calibration(deployment)));
    }

    /** {@value Calibration#SETTING} from settings.json, else JAXA's factor; a value that is no factor is a configuration error. */
    static Calibration calibration(Settings deployment) {
        String v = deployment.get(Calibration.SETTING).orElse(null);
        if (v == null || v.isBlank()) {
            return Calibration.jaxa();
        }
        try {
            return new Calibration(Double.parseDouble(v.trim()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(null, "settings " + Calibration.SETTING + ": '" + v + "' is not a calibration factor in dB (a number such as JAXA's "
                    + Calibration.JAXA_FACTOR_DB + ")");
        }
    }
}
