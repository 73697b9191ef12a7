package org.alos2ingest.describe;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.DatasetMatch;
import org.alos2ingest.geo.Footprint;

/**
 * Everything known about one dataset before it is published: its id, how datasets.json recognised
 * it, and the two JSON documents of the product folder. Immutable: the documents are copied in and
 * out, and what a later stage learns (rendering's outline and tile fields) makes a new description
 * through {@link #withFootprint} and {@link #withMetFields}, which keep both documents in step.
 */
public final class Description {

    private final String id;
    private final DatasetMatch match;
    private final String version;
    private final ObjectNode met;
    private final ObjectNode dataset;
    private final Footprint footprint;
    private final Instant start;
    private final Instant end;

    /** The footprint is written into both documents' {@code location} (and met.json's {@code footprint_method}). */
    public Description(String id, DatasetMatch match, String version, ObjectNode met, ObjectNode dataset,
                       Footprint footprint, Instant start, Instant end) {
        this.id = id;
        this.match = match;
        this.version = version;
        this.met = met.deepCopy();
        this.dataset = dataset.deepCopy();
        this.footprint = footprint;
        this.start = start;
        this.end = end;
        // set in place: a replaced footprint keeps its position in the documents
        this.met.set("location", footprint.toGeoJson());
        this.met.put("footprint_method", footprint.method());
        this.dataset.set("location", footprint.toGeoJson());
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

    /** {@code <id>.met.json}, a copy. */
    public ObjectNode met() {
        return met.deepCopy();
    }

    /** {@code <id>.dataset.json}, a copy. */
    public ObjectNode dataset() {
        return dataset.deepCopy();
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

    /** This description with another footprint (in both documents). */
    public Description withFootprint(Footprint f) {
        return new Description(id, match, version, met, dataset, f, start, end);
    }

    /**
     * This description with {@code fields} set in met.json: a field already there keeps its place,
     * new ones follow the existing ones in the order given.
     */
    public Description withMetFields(ObjectNode fields) {
        ObjectNode m = met.deepCopy();
        m.setAll(fields);
        return new Description(id, match, version, m, dataset, footprint, start, end);
    }
}
