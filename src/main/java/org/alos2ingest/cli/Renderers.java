package org.alos2ingest.cli;

import java.util.List;

import org.alos2ingest.render.CeosBrowseRenderer;
import org.alos2ingest.render.GeoTiffRenderer;
import org.alos2ingest.render.RenderSettings;
import org.alos2ingest.render.SceneRenderer;

/** The renderers an ingest runs, in order. */
final class Renderers {
    private Renderers() {
    }

    static List<SceneRenderer> all(RenderSettings imaging) {
        return List.of(new GeoTiffRenderer(imaging), new CeosBrowseRenderer());
    }
}
