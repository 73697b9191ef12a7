package org.alos2ingest.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.util.Host;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * HySDS's rule that an S3 dataset is never half there without saying so, at one location: the
 * marker object {@value #NAME} is written first and deleted last, once the listing holds every file
 * with its size. A location holding objects and no marker is a complete dataset; one with a marker
 * is being published, or is an orphan left by a publish that died, which the next publish of that
 * dataset removes (objects, marker and unfinished multipart uploads) before it starts again.
 *
 * <p>A marker is taken as an orphan when the process that wrote it is gone (same host, pid dead or
 * reused) or when it is older than a day; a marker from a live process, or from another host within
 * the day, stops the publish with an error naming that process. S3 has no rename: replacing a
 * dataset overwrites it in place, under the marker, so readers see it as incomplete until the new
 * copy is whole.
 */
final class S3PublishMarker {

    static final String NAME = "_publish.context.json";
    private static final Duration STALE_AFTER = Duration.ofHours(24);
    private static final Logger LOG = Logger.getLogger("org.alos2ingest");
    /**
     * The locations this process is publishing to. Process-wide rather than per publisher on
     * purpose: a marker names its process by host and pid, which every publisher in this process
     * shares, so only this set tells a live publish of this process (another job of an in-process
     * queue) from an earlier one of it that failed.
     */
    private static final Set<String> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    /** This process's hold on a location, released on close. */
    interface Claim extends AutoCloseable {
        @Override
        void close();
    }

    private final S3Folder folder;
    private final S3Location loc;

    S3PublishMarker(S3Folder folder) {
        this.folder = folder;
        this.loc = folder.loc();
    }

    /** Holds the location for this process; fails when another publish of this process holds it. */
    static Claim claim(S3Location loc) {
        String token = loc.bucket() + "/" + loc.prefix();
        if (!IN_PROGRESS.add(token)) {
            throw new PublishException(null, loc + ": already being published by this process");
        }
        return () -> IN_PROGRESS.remove(token);
    }

    /** True when a complete dataset is here: objects, and no marker. */
    boolean complete() {
        Map<String, Long> listing = folder.list();
        return !listing.isEmpty() && !listing.containsKey(loc.key(NAME));
    }

    /**
     * Readies the location for a publish: removes an orphan, and refuses a complete dataset unless
     * {@code replace}. Returns the objects a replaced dataset leaves to be deleted at the end.
     */
    Map<String, Long> prepare(boolean replace) {
        Map<String, Long> before = folder.list();
        if (before.containsKey(loc.key(NAME))) {
            String why = orphan();
            LOG.warning(loc + ": cleaning up an unfinished publish (" + why + ")");
            folder.abortUploads();
            folder.deleteAll(new ArrayList<>(before.keySet()));
            return Map.of();
        }
        if (!before.isEmpty() && !replace) {
            throw new PublishException(null, loc + ": a dataset is already published here (use --force to replace it)");
        }
        return before;
    }

    /** Writes the marker, with HySDS's fields so that its tools recognise it; alos2-ingest judges by the rest. */
    void put() {
        ObjectNode m = Json.object();
        m.putNull("payload_id");
        m.putNull("payload_hash");
        m.putNull("task_id");
        m.put("publisher", "alos2-ingest");
        m.put("host", Host.name());
        m.put("pid", ProcessHandle.current().pid());
        m.put("started", Instant.now().toString());
        folder.s3().putObject(b -> b.bucket(loc.bucket()).key(loc.key(NAME)).contentType("application/json"),
                RequestBody.fromString(Json.compact(m), StandardCharsets.UTF_8));
    }

    /**
     * Ends a publish: checks that every file is there with its size, deletes what the replaced
     * dataset had and the new one has not, and only then the marker.
     */
    void finish(Map<String, Path> files, Set<String> before) throws IOException {
        Map<String, Long> listing = folder.list();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            Long remote = listing.get(loc.key(e.getKey()));
            long local = Files.size(e.getValue());
            if (remote == null) {
                throw new PublishException(null, loc + ": " + e.getKey() + " is missing after its upload");
            }
            if (remote != local) {
                throw new PublishException(null, loc + ": " + e.getKey() + " has " + remote + " bytes after its upload, not " + local);
            }
        }
        List<String> leftovers = new ArrayList<>();
        for (String key : before) {
            if (!files.containsKey(key.substring(loc.keyPrefix().length()))) {
                leftovers.add(key);
            }
        }
        folder.deleteAll(leftovers);
        folder.delete(loc.key(NAME));
    }

    /** Removes what is at the location, under the marker, so that a reader sees it go as a whole, not file by file. */
    void remove() {
        Map<String, Long> listing = folder.list();
        folder.abortUploads();
        if (listing.isEmpty()) {
            return;
        }
        put();
        folder.deleteAll(listing.keySet().stream().filter(k -> !k.equals(loc.key(NAME))).toList());
        folder.delete(loc.key(NAME));
    }

    /**
     * Why the marker at the location belongs to a dead publish; throws when it belongs to a live one
     * (or to one this process cannot judge, on another host, less than a day old).
     */
    private String orphan() {
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(folder.s3().getObject(b -> b.bucket(loc.bucket()).key(loc.key(NAME)), ResponseTransformer.toBytes())
                    .asUtf8String());
        } catch (NoSuchKeyException e) {
            return "its marker vanished";
        } catch (IOException | RuntimeException e) {
            return "its marker is unreadable";
        }
        if (!"alos2-ingest".equals(m.path("publisher").asText())) {
            Instant when = parseInstant(m.path("started").asText(null));
            if (when == null || Duration.between(when, Instant.now()).compareTo(STALE_AFTER) <= 0) {
                throw new PublishException(null, loc + ": another tool's publish marker " + NAME + " is here (payload_id "
                        + m.path("payload_id").asText("none") + "); remove it if that publish failed");
            }
        }
        Instant started = parseInstant(m.path("started").asText(null));
        if (started == null) {
            return "its marker has no start time";
        }
        if (Duration.between(started, Instant.now()).compareTo(STALE_AFTER) > 0) {
            return "started " + started + ", more than a day ago";
        }
        String host = m.path("host").asText();
        long pid = m.path("pid").asLong(-1);
        if (host.equals(Host.name())) {
            if (pid == ProcessHandle.current().pid()) {
                return "left by an earlier failed attempt of this process";
            }
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            boolean alive = p.map(ProcessHandle::isAlive).orElse(false);
            Optional<Instant> since = p.flatMap(h -> h.info().startInstant());
            if (!alive || since.map(s -> s.isAfter(started.plusSeconds(1))).orElse(false)) {
                return "process " + pid + " that started it on " + host + " at " + started + " is gone";
            }
            throw new PublishException(null, loc + ": being published by process " + pid + " on this host since " + started);
        }
        throw new PublishException(null, loc + ": being published by process " + pid + " on " + host + " since " + started
                + " (if that publish died, the location is cleaned once the marker is a day old, or delete " + NAME + " by hand)");
    }

    private static Instant parseInstant(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
