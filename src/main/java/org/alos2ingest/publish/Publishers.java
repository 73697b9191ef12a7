package org.alos2ingest.publish;

import java.util.ArrayList;
import java.util.List;

/** The publishers known to this run, chosen by the location's scheme. */
public final class Publishers {

    private final List<Publisher> publishers;

    public Publishers(List<Publisher> publishers) {
        this.publishers = List.copyOf(publishers);
    }

    public static Publishers local() {
        return new Publishers(new ArrayList<>(List.of(new LocalPublisher())));
    }

    public Publisher forLocation(String location) {
        for (Publisher p : publishers) {
            if (p.handles(location)) {
                return p;
            }
        }
        throw new PublishException(null, "no publisher for location '" + location + "' (supported: file:// and local paths"
                + (publishers.size() > 1 ? ", s3://" : "") + ")");
    }
}
