package org.alos2ingest.cli;

import java.nio.file.Path;

import org.alos2ingest.cli.input.DataSize;
import org.alos2ingest.cli.input.ExpansionRatio;
import org.alos2ingest.unpack.UnpackLimits;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where deliveries are unpacked, and the bounds that refuse a hostile zip. */
public final class UnpackOptions {

    @Option(names = "--work", paramLabel = "DIR", description = "Work folder for downloads, extraction and staging (default: <home>/work).")
    Path work;

    @Option(names = "--max-unpacked-size", paramLabel = "SIZE", defaultValue = "256G", converter = DataSize.class,
            description = "Most bytes one delivery may unpack to, nested zips included (default: ${DEFAULT-VALUE}).")
    long maxUnpacked;

    @Option(names = "--max-expansion-ratio", paramLabel = "N", defaultValue = "100", converter = ExpansionRatio.class,
            description = "Most uncompressed bytes per compressed byte before a zip is refused as a bomb (default: ${DEFAULT-VALUE}).")
    double maxRatio;

    @Option(names = "--keep-free", paramLabel = "SIZE", defaultValue = "256M", converter = DataSize.OrZero.class,
            description = "Space a delivery's unpacking must leave free on the work folder's disk, for rendering and the product zip "
                    + "(default: ${DEFAULT-VALUE}; lower it for a small scratch disk).")
    long keepFree;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    UnpackLimits limits() {
        return Usage.check(spec, () -> UnpackLimits.defaults().withMaxTotalBytes(maxUnpacked).withMaxExpansionRatio(maxRatio)
                .withFreeSpaceMargin(keepFree));
    }

    Path workRoot(Path home) {
        return work != null ? work.toAbsolutePath() : home.resolve("work");
    }
}
