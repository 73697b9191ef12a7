package org.alos2ingest.sample.ceos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SceneryTest {

    @Test
    void theQuickLookGridShowsTheSameLandscapeAsTheImages() {
        Scenery s = new Scenery(42);
        int w = 37;
        int h = 23;
        double[] g = s.grid(w, h);
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                assertEquals(s.brightness((i + 0.5) / w, (j + 0.5) / h), g[j * w + i], 1e-12);
            }
        }
    }
}
