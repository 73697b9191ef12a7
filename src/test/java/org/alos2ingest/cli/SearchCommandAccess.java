package org.alos2ingest.cli;

import org.locationtech.jts.geom.Geometry;

/** Lets tests in other packages build query areas the way the search command does. */
public final class SearchCommandAccess {
    private SearchCommandAccess() {
    }

    public static Geometry bbox(String wsen) {
        return SearchCommand.bboxGeometry(wsen);
    }
}
