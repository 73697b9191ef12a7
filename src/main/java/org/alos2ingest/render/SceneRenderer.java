package org.alos2ingest.render;

import java.nio.file.Path;

import org.alos2ingest.describe.Description;
import org.alos2ingest.identify.Scene;
import org.alos2ingest.util.FileBytes;
import org.alos2ingest.util.Progress;

/**
 * Makes the pictures of a scene in its product folder (browse images, map tiles, viewer) and
 * returns what it learned (tile fields; for Level 2.1 the valid-data footprint) for the pipeline to
 * merge into the description: {@code d = renderer.render(scene, d, folder, progress).addTo(d)}.
 */
public interface SceneRenderer {

    boolean appliesTo(Scene scene);

    Rendering render(Scene scene, Description description, Path productFolder, Progress progress);

    /**
     * The same, reading the scene's files through {@code bytes}: images may still be in their zip, to
     * be inflated as they are read.
     */
    default Rendering render(Scene scene, Description description, Path productFolder, Progress progress, FileBytes bytes) {
        return render(scene, description, productFolder, progress);
    }
}
