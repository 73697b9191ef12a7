package org.alos2ingest.unpack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.alos2ingest.identify.ProductProvider;
import org.alos2ingest.util.ByteSource;
import org.alos2ingest.util.FileBytes;

/**
 * The files of a delivery, and for each file that came from a zip the entry it came from, so that
 * the product zip can be made from the original compressed bytes instead of compressing again.
 * Images may still be in their zip ({@link #streamed}): they are inflated as the renderer reads
 * them, and only count as intact once {@link #awaitIntact} has seen their CRC match.
 */
public final class UnpackedDelivery implements FileBytes {

    private final Path root;
    private final Map<Path, ZipOrigin> origins;
    private final List<Path> zips;
    private final Map<Path, StreamedEntry> streamed;
    /** Streamed entries a reader wanted on disk after all. */
    private final Map<Path, Boolean> extracted = new ConcurrentHashMap<>();

    /**
     * @param root     folder holding the delivery's files (for a folder delivery, the folder itself)
     * @param origins  file (extracted or streamed) to zip entry; empty for a folder delivery
     * @param zips     every zip on disk that was opened, outermost first (nested zips are kept until the
     *                 product is packaged, because a zip holding exactly one scene is moved, not rebuilt)
     * @param streamed files left in their zip, by the path they would have been extracted to
     */
    UnpackedDelivery(Path root, Map<Path, ZipOrigin> origins, List<Path> zips, Map<Path, StreamedEntry> streamed) {
        this.root = root;
        this.origins = Map.copyOf(origins);
        this.zips = List.copyOf(zips);
        this.streamed = new LinkedHashMap<>(streamed);
    }

    public static UnpackedDelivery folder(Path folder) {
        return new UnpackedDelivery(folder, Map.of(), List.of(), Map.of());
    }

    public Path root() {
        return root;
    }

    public List<Path> zips() {
        return zips;
    }

    public Optional<ZipOrigin> originOf(Path file) {
        return Optional.ofNullable(origins.get(file));
    }

    /** Files extracted or streamed from the given zip (not those of zips nested in it). */
    public List<Path> filesFrom(Path zip) {
        return origins.entrySet().stream().filter(e -> e.getValue().zip().equals(zip)).map(Map.Entry::getKey).sorted().toList();
    }

    /** Files not on disk, with their first bytes for the format probes. */
    public Map<Path, byte[]> notOnDisk() {
        Map<Path, byte[]> out = new LinkedHashMap<>();
        streamed.forEach((p, s) -> out.put(p, s.head(ProductProvider.HEAD_BYTES)));
        return out;
    }

    @Override
    public ByteSource open(Path file) throws IOException {
        StreamedEntry s = streamed.get(file);
        if (s == null || extracted.containsKey(file)) {
            return ByteSource.file(file);
        }
        s.start();
        return s;
    }

    @Override
    public Path onDisk(Path file) {
        StreamedEntry s = streamed.get(file);
        if (s != null) {
            extracted.computeIfAbsent(file, f -> {
                s.extract();
                return true;
            });
        }
        return file;
    }

    @Override
    public void prefetch(Collection<Path> files) {
        for (Path f : files) {
            StreamedEntry s = streamed.get(f);
            if (s != null && !extracted.containsKey(f)) {
                s.start();
            }
        }
    }

    /**
     * Waits until the streamed entries among {@code files} are inflated to their end, checking each
     * one nobody read as well.
     *
     * @throws UnpackException for the first entry that is damaged or fails its CRC
     */
    public void awaitIntact(Collection<Path> files) {
        for (Path f : files) {
            StreamedEntry s = streamed.get(f);
            if (s != null && !extracted.containsKey(f)) {
                s.awaitIntact();
            }
        }
    }

    /**
     * For a file that could not be read: the damage of its zip entry when it is streamed and its
     * entry is damaged (then the entry, not the format, is what the user must hear about).
     */
    public Optional<UnpackException> damage(Path file) {
        StreamedEntry s = file == null || extracted.containsKey(file) ? null : streamed.get(file.toAbsolutePath().normalize());
        if (s == null) {
            return Optional.empty();
        }
        try {
            s.awaitIntact();
            return Optional.empty();
        } catch (UnpackException e) {
            return Optional.of(e);
        }
    }

    /** Stops inflating every streamed entry (the delivery failed or is done with). */
    public void cancelStreams() {
        streamed.values().forEach(StreamedEntry::cancel);
    }
}
