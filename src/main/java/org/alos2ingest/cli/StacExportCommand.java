package org.alos2ingest.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.cli.input.Choices;
import org.alos2ingest.cli.input.WebAddress;
import org.alos2ingest.config.Settings;
import org.alos2ingest.stac.AssetHrefs;
import org.alos2ingest.stac.StaticCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "stac-export", mixinStandardHelpOptions = true,
        description = "Writes a static STAC catalog of everything cataloged into DIR: catalog.json, one collection.json per "
                + "kind of dataset and one item per dataset, every link relative, for a bucket or a plain web server.")
public final class StacExportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder to write the catalog into (created when missing).")
    Path dir;

    @Option(names = "--assets", defaultValue = "published", paramLabel = "WHERE", converter = Choices.AssetLinks.class,
            description = {"Asset hrefs: published (the datasets' published URLs, http(s) first; default),",
                    "s3 (their s3:// URLs where published to S3)."})
    String assets;

    @Option(names = "--asset-base-url", paramLabel = "URL", converter = WebAddress.AssetBase.class,
            description = "Serve the assets from here instead: published URLs under DATASET_URL_ROOT get URL in its place.")
    String assetBaseUrl;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        common.configureLogging();
        Settings settings = common.settings();
        AssetHrefs hrefs = assets.equals("s3") ? AssetHrefs.s3() : AssetHrefs.published();
        if (assetBaseUrl != null) {
            hrefs = AssetHrefs.rebased(settings.get("DATASET_URL_ROOT").orElse(""), assetBaseUrl);
        }
        try (Catalog catalog = common.openCatalog()) {
            StaticCatalog.Result r = new StaticCatalog(settings, common.definitions()).export(catalog, dir, hrefs);
            if (!common.quiet) {
                System.out.println("wrote " + dir.resolve("catalog.json") + ": " + r.collections() + " collections, " + r.items() + " items");
            }
        }
        return Main.OK;
    }
}
