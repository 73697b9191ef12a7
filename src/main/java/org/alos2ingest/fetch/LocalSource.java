package org.alos2ingest.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.alos2ingest.util.Progress;

/**
 * A zip or folder on local disk. A folder is one delivery when it holds product files outside any
 * zip; each zip found in it (at any depth) is a delivery of its own.
 */
public final class LocalSource implements Source {

    /** Jobs of type {@code path} name a zip or folder as the worker sees it (e.g. on a shared file system). */
    public static final SourceType TYPE = new SourceType() {
        private static final String PATH = "path";

        @Override
        public String name() {
            return PATH;
        }

        @Override
        public List<String> jobParams() {
            return List.of(PATH);
        }

        @Override
        public Source fromJob(Map<String, String> params, FetchConfig config) {
            return new LocalSource(Path.of(SourceTypes.require(params, PATH, PATH)));
        }

        @Override
        public String subject(Map<String, String> params) {
            String path = params.getOrDefault(PATH, "");
            Path name = path.isEmpty() ? null : Path.of(path).getFileName();
            return name == null ? path : name.toString();
        }

        /** Anything that is not a URL. */
        @Override
        public Optional<Map<String, String>> fromArgument(String argument) {
            if (Urls.hasScheme(argument)) {
                return Optional.empty();
            }
            return Optional.of(Map.of(PATH, Path.of(argument).toAbsolutePath().normalize().toString()));
        }

        @Override
        public void checkQueueable(Map<String, String> params) {
            Path p = Path.of(SourceTypes.require(params, PATH, PATH));
            if (!Files.exists(p)) {
                throw new IllegalArgumentException(p + " does not exist (a path job names a file the workers can read, e.g. on a shared file system)");
            }
        }
    };

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

    /** The user's own files, looked into where they are. */
    @Override
    public boolean inPlace() {
        return true;
    }

    @Override
    public Delivery fetch(Item item, Path workDir, Progress progress) {
        return Delivery.local(Path.of(item.location()));
    }
}
