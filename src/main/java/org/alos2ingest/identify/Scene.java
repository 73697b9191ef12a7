package org.alos2ingest.identify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One ALOS-2 product found on disk: its name, the folder holding it, and its files.
 *
 * @param files every file that belongs to the product (IMG, LED, VOL, TRL, BRS, LUT, KML, summary.txt
 *              and, when the folder holds only this product, any other file in it), sorted
 * @param names the parsed name of each product file, in the order of {@code files} (absent for
 *              summary.txt and unrelated files)
 */
public record Scene(ProductName name, Path folder, ProductFormat format, List<Path> files,
                    Map<Path, ProductFileName> names, Optional<SummaryFile> summary) {

    public Scene {
        files = List.copyOf(files);
        names = Map.copyOf(names);
    }

    /** The dataset id, e.g. {@code ALOS2015976960-140909-FBDR1.5GUA}. */
    public String id() {
        return name.text();
    }

    public ProcessingLevel level() {
        return name.level();
    }

    /** What the level and format decide for describing and rendering this product. */
    public ProductKind kind() {
        return ProductKind.of(level(), format);
    }

    /** Files of one type, sorted by name. */
    public List<Path> filesOf(FileType type) {
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            ProductFileName n = names.get(f);
            if (n != null && n.type() == type) {
                out.add(f);
            }
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return out;
    }

    public Optional<Path> fileOf(FileType type) {
        List<Path> l = filesOf(type);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** IMG files grouped by polarisation (HH, HV, VH, VV order), each list sorted by scan. */
    public Map<String, List<Path>> imagesByPolarisation() {
        Map<String, List<Path>> out = new TreeMap<>(Comparator.comparingInt(Scene::polOrder));
        for (Path f : filesOf(FileType.IMG)) {
            out.computeIfAbsent(names.get(f).polarisation(), k -> new ArrayList<>()).add(f);
        }
        return out;
    }

    public List<String> polarisations() {
        return List.copyOf(imagesByPolarisation().keySet());
    }

    private static int polOrder(String pol) {
        return List.of("HH", "HV", "VH", "VV").indexOf(pol);
    }
}
