package org.alos2ingest.publish;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.util.DiskFull;
import org.alos2ingest.util.FileTrees;
import org.alos2ingest.util.Host;

/**
 * Publishes to a local (or mounted) file system. A dataset is assembled under a hidden name beside
 * its final place, then renamed in one step, so a crash leaves at worst a hidden folder that the
 * next publish of the same dataset removes. The hidden folder carries a marker saying which process
 * made it, so that a publish still running elsewhere is not mistaken for a dead one.
 */
public final class LocalPublisher implements Publisher {

    static final String MARKER = ".publishing.json";
    private static final Duration STALE_AFTER = Duration.ofHours(24);

    @Override
    public boolean handles(String location) {
        return location.startsWith("file:") || location.startsWith("/");
    }

    /** The local path of a {@code file://} URL or plain path. */
    public static Path path(String location) {
        if (location.startsWith("file://")) {
            String rest = location.substring("file://".length());
            if (rest.startsWith("localhost/")) {
                rest = rest.substring("localhost".length());
            }
            return Path.of(rest).normalize();
        }
        if (location.startsWith("file:")) {
            return Path.of(URI.create(location)).normalize();
        }
        return Path.of(location).normalize();
    }

    @Override
    public boolean exists(String location) {
        return Files.isDirectory(path(location));
    }

    @Override
    public void publish(Path productFolder, String location, boolean replace) {
        Path dest = path(location);
        place(dest, replace, tmp -> moveOrCopy(productFolder, tmp));
    }

    @Override
    public void publishFiles(List<Path> files, String location, boolean replace) {
        Path dest = path(location);
        place(dest, replace, tmp -> {
            for (Path f : files) {
                Files.copy(f, tmp.resolve(f.getFileName().toString()));
            }
        });
    }

    private interface Filler {
        void fill(Path tmp) throws IOException;
    }

    private void place(Path dest, boolean replace, Filler filler) {
        Path parent = dest.getParent();
        String name = dest.getFileName().toString();
        Path tmp = parent.resolve("." + name + ".publishing-" + UUID.randomUUID());
        try {
            Files.createDirectories(parent);
            removeStale(parent, name);
            if (Files.exists(dest) && !replace) {
                throw new PublishException(dest, "a dataset is already published here (use --force to replace it)");
            }
            Files.createDirectory(tmp);
            writeMarker(tmp);
            filler.fill(tmp);
            Files.delete(tmp.resolve(MARKER));
            if (Files.exists(dest)) {
                Path old = parent.resolve("." + name + ".replaced-" + UUID.randomUUID());
                Files.move(dest, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
                FileTrees.deleteQuietly(old);
            } else {
                Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            // the disk named before the clean-up frees it again; the JDK's exception class is no help to a user
            PublishException failure = DiskFull.causedBy(e) ? new PublishException(null, DiskFull.message(parent, "publishing " + dest), e)
                    : new PublishException(dest, "cannot publish: " + e.getMessage(), e);
            FileTrees.deleteQuietly(tmp);
            throw failure;
        } catch (RuntimeException e) {
            FileTrees.deleteQuietly(tmp);
            throw e;
        }
    }

    /** Moves a folder's content into {@code into}; copies when the two are on different file systems. */
    private static void moveOrCopy(Path folder, Path into) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                Path target = into.resolve(p.getFileName().toString());
                try {
                    Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    if (Files.isDirectory(p)) {
                        FileTrees.copy(p, target);
                    } else {
                        Files.copy(p, target);
                    }
                } catch (FileSystemException e) {
                    if (Files.isDirectory(p)) {
                        FileTrees.copy(p, target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
        }
    }

    private static void writeMarker(Path tmp) throws IOException {
        ObjectNode m = Json.object();
        m.put("host", Host.name());
        m.put("pid", ProcessHandle.current().pid());
        m.put("started", Instant.now().toString());
        Json.write(tmp.resolve(MARKER), m);
    }

    /** Removes hidden folders left by publishes of this dataset that died. */
    private static void removeStale(Path parent, String name) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, "." + name + ".{publishing,replaced}-*")) {
            for (Path p : ds) {
                if (isStale(p)) {
                    FileTrees.deleteQuietly(p);
                }
            }
        }
    }

    private static boolean isStale(Path tmp) {
        Path marker = tmp.resolve(MARKER);
        if (!Files.exists(marker)) {
            // a ".replaced-" folder, or a publish that died before its marker was written
            return true;
        }
        try {
            JsonNode m = Json.read(marker);
            Instant started = Instant.parse(m.path("started").asText());
            if (Duration.between(started, Instant.now()).compareTo(STALE_AFTER) > 0) {
                return true;
            }
            if (Host.name().equals(m.path("host").asText())) {
                return ProcessHandle.of(m.path("pid").asLong()).map(h -> !h.isAlive()).orElse(true);
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }


    @Override
    public void remove(String location) {
        Path dest = path(location);
        if (!Files.exists(dest)) {
            return;
        }
        Path gone = dest.resolveSibling("." + dest.getFileName() + ".replaced-" + UUID.randomUUID());
        try {
            Files.move(dest, gone, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PublishException(dest, "cannot remove: " + e.getMessage(), e);
        }
        FileTrees.deleteQuietly(gone);
    }
}
