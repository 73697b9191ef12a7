package org.alos2ingest.geo;

import org.alos2ingest.cli.Main;

/** A deliberate wrong-way dependency (geo reaching up into cli) for ArchitectureTest to catch. */
public final class WrongWayFixture {

    private WrongWayFixture() {
    }

    static int run(String... args) {
        return Main.run(args);
    }
}
