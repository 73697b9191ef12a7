package org.alos2ingest.cli;

import java.util.List;

import org.alos2ingest.render.CeosBrowseRenderer;
import org.alos2ingest.render.SceneRenderer;

/** The renderers an ingest runs, in order. */
final class Renderers {
    private Renderers() {
    }

    static List<SceneRenderer> all() {
        return List.of(new CeosBrowseRenderer());
    }
}
