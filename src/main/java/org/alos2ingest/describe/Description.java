package org.alos2ingest.describe;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.DatasetMatch;
import org.alos2ingest.geo.Footprint;

/**
 * Everything known about one dataset before it is published: its id, how datasets.json recognised
 * it, and the two JSON documents of the product folder. Later stages (rendering) may still add
 * fields or replace the footprint; {@link #setFootprint} keeps both documents in step.
 */
public final class Description {

    private final String id;
    private final DatasetMatch match;
    private final String version;
    private final ObjectNode met;
    private final ObjectNode dataset;
    private final Instant start;
    private final Instant end;
    private Footprint footprint;

    public Description(String id, DatasetMatch match, String version, ObjectNode met, ObjectNode dataset,
                       Footprint footprint, Instant start, Instant end) {
        this.id = id;
        this.match = match;
        this.version = version;
        this.met = met;
        this.dataset = dataset;
        this.start = start;
        this.end = end;
        setFootprint(footprint);
    }

    public String id() {
        return id;
    }

    public DatasetMatch match() {
        return match;
    }

    public String version() {
        return version;
    }

    /** {@code <id>.met.json}; mutable until published. */
    public ObjectNode met() {
        return met;
    }

    /** {@code <id>.dataset.json}; mutable until published. */
    public ObjectNode dataset() {
        return dataset;
    }

    public Footprint footprint() {
        return footprint;
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    public void setFootprint(Footprint f) {
        this.footprint = f;
        met.set("location", f.toGeoJson());
        met.put("footprint_method", f.method());
        dataset.set("location", f.toGeoJson());
    }
}
