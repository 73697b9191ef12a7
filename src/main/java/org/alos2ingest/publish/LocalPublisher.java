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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.util.DiskFull;
import org.alos2ingest.util.FileTrees;
import org.alos2ingest.util.Host;

/**
 * Publishes to a local (or mounted) file system. A dataset is assembled under a hidden name beside
 * its final place, then renamed in one step, so a crash leaves at worst a hidden folder that the
 * next publish of the same dataset removes. The hidden folder's name says which process made it
 * and when ({@code .<name>.publishing-<epoch s>-<pid>@<host>-<random>}), so that a publish still
 * running elsewhere is not mistaken for a dead one.
 */
public final class LocalPublisher implements Publisher {

    /** Where earlier versions wrote the owner of a hidden folder; still read when one is found. */
    static final String MARKER = ".publishing.json";
    private static final Duration STALE_AFTER = Duration.ofHours(24);
    /**
     * The owner in the name rather than in a marker file: a file written and deleted again by every
     * publish made each later file creation slower on ext4 without a journal, which skips recently
     * freed inodes. At most 18 digits, which a long holds: a longer number is no name of ours, and
     * its folder goes as a dead publish's rather than failing this one.
     */
    private static final Pattern OWNED = Pattern.compile(".*\\.publishing-(\\d{1,18})-(\\d{1,18})@(.+)-[0-9a-f]{8}");
    /** A host name can be 253 characters and a file name 255 bytes: the name keeps this much of it. */
    private static final int HOST_CHARS = 100;

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
        Path tmp = parent.resolve("." + name + ".publishing-" + Instant.now().getEpochSecond() + "-"
                + ProcessHandle.current().pid() + "@" + hostInName() + "-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(parent);
            removeStale(parent, name);
            if (Files.exists(dest) && !replace) {
                throw new PublishException(dest, "a dataset is already published here (use --force to replace it)");
            }
            Files.createDirectory(tmp);
            filler.fill(tmp);
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
        Matcher owner = OWNED.matcher(tmp.getFileName().toString());
        if (owner.matches()) {
            return isStale(Instant.ofEpochSecond(Long.parseLong(owner.group(1))), owner.group(3).equals(hostInName()),
                    Long.parseLong(owner.group(2)));
        }
        Path marker = tmp.resolve(MARKER);
        if (!Files.exists(marker)) {
            // a ".replaced-" folder, or an older version's publish that died before its marker was written
            return true;
        }
        try {
            JsonNode m = Json.read(marker);
            return isStale(Instant.parse(m.path("started").asText()), Host.name().equals(m.path("host").asText()), m.path("pid").asLong());
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static boolean isStale(Instant started, boolean thisHost, long pid) {
        if (Duration.between(started, Instant.now()).compareTo(STALE_AFTER) > 0) {
            return true;
        }
        if (thisHost) {
            return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
        }
        return false;
    }

    private static String hostInName() {
        String host = Host.name();
        return host.length() > HOST_CHARS ? host.substring(0, HOST_CHARS) : host;
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
