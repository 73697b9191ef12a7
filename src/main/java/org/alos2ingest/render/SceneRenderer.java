package org.alos2ingest.render;

import java.nio.file.Path;

import org.alos2ingest.describe.Description;
import org.alos2ingest.identify.Scene;
import org.alos2ingest.util.Progress;

/**
 * Makes the pictures of a scene in its product folder (browse images, map tiles, viewer) and adds
 * what it learned to the description (tile fields; for Level 2.1 the valid-data footprint).
 */
public interface SceneRenderer {

    boolean appliesTo(Scene scene);

    void render(Scene scene, Description description, Path productFolder, Progress progress);
}
