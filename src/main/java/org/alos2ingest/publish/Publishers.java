package org.alos2ingest.publish;

import java.util.ArrayList;
import java.util.List;

import org.alos2ingest.config.Settings;
import org.alos2ingest.util.Progress;

/** The publishers known to this run, chosen by the location's scheme. */
public final class Publishers {

    private final List<Publisher> publishers;

    public Publishers(List<Publisher> publishers) {
        this.publishers = List.copyOf(publishers);
    }

    public static Publishers local() {
        return new Publishers(new ArrayList<>(List.of(new LocalPublisher())));
    }

    /**
     * Local folders and S3 ({@code s3://}), S3 configured from the settings and the standard AWS
     * environment ({@link S3Publisher.Config#from}); nothing is asked of AWS until an s3:// location is used.
     */
    public static Publishers standard(Settings settings, Progress progress) {
        return new Publishers(List.of(new LocalPublisher(), new S3Publisher(S3Publisher.Config.from(settings, System.getenv(), progress))));
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
