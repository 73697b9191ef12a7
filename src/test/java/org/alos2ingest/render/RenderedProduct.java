package org.alos2ingest.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Json;
import org.alos2ingest.config.Settings;
import org.alos2ingest.describe.Describer;
import org.alos2ingest.describe.Description;
import org.alos2ingest.describe.Provenance;
import org.alos2ingest.fetch.Delivery;
import org.alos2ingest.identify.Scene;
import org.alos2ingest.identify.SceneFinder;
import org.alos2ingest.sample.SampleProduct;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.util.Progress;

/** Test fixture: a generated product, described and rendered into a product folder. */
final class RenderedProduct {

    final SampleSpec spec;
    final SampleProduct sample;
    final Path input;
    final Path folder;
    final Scene scene;
    final Description description;
    final List<String> warnings = new ArrayList<>();

    private RenderedProduct(SampleSpec spec, Path input, Path folder, Scene scene, Description d) {
        this.spec = spec;
        this.sample = new SampleProduct(spec);
        this.input = input;
        this.folder = folder;
        this.scene = scene;
        this.description = d;
    }

    /** Writes the product into {@code root/in}, then renders it into {@code root/out/<id>}. */
    static RenderedProduct make(SampleSpec spec, Path root, RenderSettings settings) throws IOException {
        Path in = root.resolve("in").resolve(spec.name().text());
        new SampleProduct(spec).write(in);
        return render(spec, in, root.resolve("out"), settings, null);
    }

    /** Renders a product folder already written (perhaps altered); {@code beforeRender} may change its summary. */
    static RenderedProduct render(SampleSpec spec, Path in, Path outRoot, RenderSettings settings, Runnable beforeRender) throws IOException {
        if (beforeRender != null) {
            beforeRender.run();
        }
        List<String> warnings = new ArrayList<>();
        Scene scene = new SceneFinder(warnings::add).find(in).get(0);
        Describer describer = new Describer(Settings.load(null, Map.of("ALOS2_INGEST_HOME", outRoot.toString())),
                DatasetDefinitions.load(null), warnings::add);
        Description d = describer.describe(scene, Provenance.local(in));
        Path folder = outRoot.resolve(scene.id());
        Files.createDirectories(folder);
        Logger log = Logger.getLogger("org.alos2ingest");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try {
            d = new GeoTiffRenderer(settings).render(scene, d, folder, Progress.silent()).addTo(d);
        } finally {
            log.removeHandler(capture);
        }
        Json.write(folder.resolve(scene.id() + ".met.json"), d.met());
        RenderedProduct p = new RenderedProduct(spec, in, folder, scene, d);
        p.warnings.addAll(warnings);
        return p;
    }

    Path tif(String pol) {
        return input.resolve("IMG-" + pol + "-" + spec.name().text() + ".tif");
    }
}
