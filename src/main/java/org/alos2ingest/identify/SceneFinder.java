package org.alos2ingest.identify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Finds every product in a folder tree: a product is the set of {@code IMG-<pol>-ALOS2...} files
 * sharing one product name in one folder, with the files around them that carry the same name.
 * A delivery may hold several products, side by side or in sub-folders.
 */
public final class SceneFinder {

    private final Consumer<String> warnings;

    private Map<Path, byte[]> heads = Map.of();

    public SceneFinder(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /**
     * @throws IdentifyException for a file whose name is that of a foreign or malformed product, a
     *                           product whose level cannot be ingested, a summary.txt that contradicts
     *                           the file names, or a tree without any ALOS-2 image
     */
    public List<Scene> find(Path root) {
        return find(root, Map.of());
    }

    /**
     * The same, counting also files that are not on disk (yet): images still in their zip entry, to
     * be inflated as they are read. They are given with their first bytes, for the format probes.
     */
    public List<Scene> find(Path root, Map<Path, byte[]> notOnDisk) {
        this.heads = notOnDisk;
        Map<Path, List<Path>> byFolder = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .forEach(p -> byFolder.computeIfAbsent(p.getParent(), k -> new ArrayList<>()).add(p));
        } catch (IOException | UncheckedIOException e) {
            throw new IdentifyException(root, "cannot list files: " + e.getMessage(), e);
        }
        notOnDisk.keySet().forEach(p -> byFolder.computeIfAbsent(p.getParent(), k -> new ArrayList<>()).add(p));
        List<Scene> scenes = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Map.Entry<Path, List<Path>> folder : byFolder.entrySet()) {
            for (Scene s : scenesIn(folder.getKey(), folder.getValue())) {
                Path before = seen.putIfAbsent(s.id(), s.folder());
                if (before != null) {
                    throw new IdentifyException(s.folder(), "product " + s.id() + " is also in " + before + "; which one to ingest?");
                }
                scenes.add(s);
            }
        }
        if (scenes.isEmpty()) {
            throw new IdentifyException(root, "no ALOS-2 image files found (expected IMG-<pol>-ALOS2<orbit><frame>-<date>-<product> files)");
        }
        return scenes;
    }

    /**
     * The products among some files of one folder (an archive group), with the same rules as a
     * whole-tree {@link #find}.
     */
    public List<Scene> scenesOf(Path folder, List<Path> files) {
        return scenesIn(folder, new java.util.ArrayList<>(files));
    }

    private List<Scene> scenesIn(Path folder, List<Path> files) {
        files.sort(null);
        Map<Path, ProductFileName> names = new HashMap<>();
        Map<ProductName, List<Path>> byProduct = new LinkedHashMap<>();
        Path summaryFile = null;
        List<Path> others = new ArrayList<>();
        for (Path f : files) {
            String fileName = f.getFileName().toString();
            Optional<ProductFileName> parsed;
            try {
                parsed = ProductFileName.parse(fileName);
            } catch (IllegalArgumentException e) {
                throw new IdentifyException(f, e.getMessage());
            }
            if (parsed.isPresent()) {
                names.put(f, parsed.get());
                byProduct.computeIfAbsent(parsed.get().product(), k -> new ArrayList<>()).add(f);
            } else if (fileName.equals("summary.txt")) {
                summaryFile = f;
            } else if (!fileName.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                others.add(f);
            }
        }
        byProduct.values().removeIf(list -> list.stream().noneMatch(f -> names.get(f).isImage()));
        if (byProduct.isEmpty()) {
            return List.of();
        }
        SummaryFile summary = summaryFile == null ? null : SummaryFile.read(summaryFile);
        boolean alone = byProduct.size() == 1;
        List<Scene> scenes = new ArrayList<>();
        for (Map.Entry<ProductName, List<Path>> e : byProduct.entrySet()) {
            ProductName name = e.getKey();
            List<Path> productFiles = new ArrayList<>(e.getValue());
            Path firstImage = productFiles.stream().filter(f -> names.get(f).isImage()).findFirst().orElseThrow();
            if (!name.level().isSupported()) {
                throw new IdentifyException(firstImage, name.level().refusal());
            }
            Optional<SummaryFile> own = Optional.empty();
            if (summary != null && (alone || describes(summary, name))) {
                checkSummary(summary, name);
                own = Optional.of(summary);
                productFiles.add(summaryFile);
            }
            if (alone) {
                productFiles.addAll(others);
            }
            productFiles.sort(null);
            ProductFormat format = ProductProviders.forImage(firstImage, heads.get(firstImage)).format();
            scenes.add(new Scene(name, folder, format, productFiles, ownNames(productFiles, names), own));
            checkPolarisations(scenes.get(scenes.size() - 1));
        }
        return scenes;
    }

    private static Map<Path, ProductFileName> ownNames(List<Path> files, Map<Path, ProductFileName> names) {
        Map<Path, ProductFileName> out = new HashMap<>();
        for (Path f : files) {
            if (names.containsKey(f)) {
                out.put(f, names.get(f));
            }
        }
        return out;
    }

    private static boolean describes(SummaryFile s, ProductName name) {
        return s.get("Scs_SceneID").map(v -> v.equals(name.scene().text())).orElse(false)
                && s.get("Pds_ProductID").map(v -> v.equals(name.product().text())).orElse(false);
    }

    private static void checkSummary(SummaryFile s, ProductName name) {
        Optional<String> scene = s.get("Scs_SceneID");
        Optional<String> product = s.get("Pds_ProductID");
        if (scene.isPresent() && !scene.get().equals(name.scene().text())
                || product.isPresent() && !product.get().equals(name.product().text())) {
            throw new IdentifyException(s.file(), "describes " + scene.orElse("?") + "-" + product.orElse("?")
                    + " but the image files are " + name.text());
        }
    }

    private void checkPolarisations(Scene scene) {
        int expected = scene.name().product().mode().polarisations();
        int found = scene.polarisations().size();
        if (found != expected) {
            warnings.accept(scene.id() + ": mode " + scene.name().product().mode() + " has " + expected
                    + " polarisation(s) but " + found + " were delivered " + scene.polarisations());
        }
    }
}
