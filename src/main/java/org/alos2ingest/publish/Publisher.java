package org.alos2ingest.publish;

import java.nio.file.Path;
import java.util.List;

/**
 * Puts finished product folders where datasets.json says, all or nothing: a reader of the location
 * sees no dataset, or a complete one.
 */
public interface Publisher {

    /** True when this publisher serves locations like this one (by URI scheme). */
    boolean handles(String location);

    /** True when a complete dataset is already at the location. */
    boolean exists(String location);

    /**
     * Publishes the product folder's content at {@code location}.
     *
     * @param replace replace a dataset already there; when false, one already there is an error
     */
    void publish(Path productFolder, String location, boolean replace);

    /** Publishes loose files (the small browse images) into the folder at {@code location}. */
    void publishFiles(List<Path> files, String location, boolean replace);

    /** Removes what is at the location, if anything; used to undo a publish whose indexing failed. */
    void remove(String location);
}
