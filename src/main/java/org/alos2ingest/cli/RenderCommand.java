package org.alos2ingest.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.alos2ingest.IngestException;
import org.alos2ingest.config.Json;
import org.alos2ingest.describe.Describer;
import org.alos2ingest.describe.Description;
import org.alos2ingest.describe.Provenance;
import org.alos2ingest.fetch.Delivery;
import org.alos2ingest.identify.Scene;
import org.alos2ingest.identify.SceneFinder;
import org.alos2ingest.render.SceneRenderer;
import org.alos2ingest.unpack.UnpackLimits;
import org.alos2ingest.unpack.UnpackedDelivery;
import org.alos2ingest.unpack.Unpacker;
import org.alos2ingest.util.FileTrees;
import org.alos2ingest.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Makes the pictures of products without cataloging or publishing them: "
                + "browse images, map tiles, footprint and the viewer page (index.html), "
                + "with met.json and dataset.json, in <out>/<id>/.",
                "A PATH is a delivery zip or a folder holding unzipped products."})
public final class RenderCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ImagingOptions imaging;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Delivery zip(s) or product folder(s).")
    List<Path> paths;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = ".", description = "Where to write <id>/ folders (default: current folder).")
    Path out;

    @Override
    public Integer call() throws IOException {
        common.configureLogging();
        List<SceneRenderer> renderers = Renderers.all(imaging.settings(common.settings()));
        Progress progress = Progress.forTerminal();
        List<String> warnings = new ArrayList<>();
        Describer describer = new Describer(common.settings(), common.definitions(), warnings::add);
        int failures = 0;
        for (Path path : paths) {
            Path work = null;
            try {
                UnpackedDelivery unpacked;
                if (Files.isDirectory(path)) {
                    unpacked = UnpackedDelivery.folder(path);
                } else {
                    work = Files.createTempDirectory(common.home(), ".render-");
                    unpacked = new Unpacker(UnpackLimits.defaults(), progress).unpack(path, work.resolve("unpacked"));
                }
                for (Scene scene : new SceneFinder(warnings::add).find(unpacked.root())) {
                    long t0 = System.nanoTime();
                    Description d = describer.describe(scene, Provenance.local(path));
                    Path folder = out.resolve(scene.id());
                    FileTrees.delete(folder);
                    Files.createDirectories(folder);
                    for (SceneRenderer r : renderers) {
                        if (r.appliesTo(scene)) {
                            d = r.render(scene, d, folder, progress).addTo(d);
                        }
                    }
                    Json.write(folder.resolve(scene.id() + ".met.json"), d.met());
                    Json.write(folder.resolve(scene.id() + ".dataset.json"), d.dataset());
                    if (!common.quiet) {
                        System.out.printf(Locale.ROOT, "rendered %s -> %s (%.1f s)%n", scene.id(), folder, (System.nanoTime() - t0) / 1e9);
                    }
                }
            } catch (IngestException e) {
                System.err.println("error: " + e.getMessage());
                failures++;
            } finally {
                if (work != null) {
                    FileTrees.deleteQuietly(work);
                }
            }
        }
        if (!common.quiet) {
            warnings.forEach(w -> System.err.println("warning: " + w));
        }
        return failures > 0 ? Main.FAILED : Main.OK;
    }
}
