package org.alos2ingest.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.alos2ingest.util.Progress;

/**
 * A zip or folder on local disk. A folder is one delivery when it holds product files outside any
 * zip; each zip found in it (at any depth) is a delivery of its own.
 */
public final class LocalSource implements Source {

    private final Path path;

    public LocalSource(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    @Override
    public String describe() {
        return path.toString();
    }

    @Override
    public List<Item> list() {
        if (!Files.exists(path)) {
            throw new FetchException(path, "does not exist");
        }
        if (!Files.isDirectory(path)) {
            return List.of(item(path));
        }
        List<Item> items = new ArrayList<>();
        boolean looseFiles;
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            looseFiles = files.stream().anyMatch(p -> p.getFileName().toString().startsWith("IMG-"));
            for (Path f : files) {
                if (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    items.add(item(f));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new FetchException(path, "cannot list: " + e.getMessage());
        }
        if (looseFiles || items.isEmpty()) {
            items.add(0, new Item(Optional.empty(), path.toString(), -1));
        }
        return items;
    }

    private static Item item(Path p) {
        long size;
        try {
            size = Files.size(p);
        } catch (IOException e) {
            size = -1;
        }
        return new Item(Optional.of(p.getFileName().toString()), p.toString(), size);
    }

    @Override
    public Delivery fetch(Item item, Path workDir, Progress progress) {
        return Delivery.local(Path.of(item.location()));
    }
}
