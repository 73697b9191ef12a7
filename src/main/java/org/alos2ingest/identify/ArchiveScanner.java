package org.alos2ingest.identify;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.regex.Pattern;



/**
 * Walks an archive of unzipped Level 1.1 products (an HPC folder tree such as
 * {@code .../P032/F6640/...}) and groups its files into scenes, the way the system it replaces did:
 * in every folder whose path matches the folder regex, the names of the Level 1.1 image files
 * ({@link ProductFileName}, e.g. {@code IMG-HH-ALOS2<orbit><frame>-<date>-<mode><look>1.1__A})
 * give the groups' fdates ({@link SceneId#fdate()}); a group is every file of the folder whose
 * name contains its fdate. An image file whose name breaks the grammar is left out, with a warning.
 * Only names are read: a scan of 100 000 files costs one directory listing each.
 */
public final class ArchiveScanner {

    /** The old scraper's default: path and frame folders. */
    public static final String DEFAULT_FOLDER_REGEX = ".*/P\\d{3}/F\\d{4}.*";

    private static final Logger LOG = Logger.getLogger("org.alos2ingest");

    private final Pattern folderRegex;

    /** @param folderRegex searched (not matched whole) in each folder's absolute path; null or empty for any */
    public ArchiveScanner(String folderRegex) {
        this.folderRegex = folderRegex == null || folderRegex.isEmpty() ? null : Pattern.compile(folderRegex);
    }

    /** Calls {@code groups} for every group, folder by folder in path order (sorted, so runs repeat). */
    public void scan(Path root, Consumer<ArchiveGroup> groups) {
        Path start = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(start)) {
            throw new IdentifyException(start, Files.exists(start) ? "is not a folder" : "does not exist");
        }
        walk(start, groups);
    }

    private void walk(Path dir, Consumer<ArchiveGroup> groups) {
        List<Path> files = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isDirectory()) {
                    dirs.add(p);
                } else if (a.isRegularFile()) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            // an unreadable corner of a shared archive must not stop the scan of the rest
            LOG.warning(dir + ": cannot read: " + e.getMessage());
            return;
        }
        if (!files.isEmpty() && (folderRegex == null || folderRegex.matcher(dir.toString()).find())) {
            files.sort(null);
            groupsOf(dir, files).forEach(groups);
        }
        dirs.sort(null);
        for (Path d : dirs) {
            walk(d, groups);
        }
    }

    public List<ArchiveGroup> scan(Path root) {
        List<ArchiveGroup> out = new ArrayList<>();
        scan(root, out::add);
        return out;
    }

    private static Optional<ProductFileName> archivedImage(Path f) {
        try {
            return ProductFileName.parse(f.getFileName().toString())
                    .filter(n -> n.isImage() && ProductKind.ofName(n).map(ProductKind::archived).orElse(false));
        } catch (IllegalArgumentException e) {
            LOG.warning(f + ": not grouped: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The groups of one folder's files. */
    public static List<ArchiveGroup> groupsOf(Path folder, List<Path> files) {
        Map<String, List<Path>> byFdate = new TreeMap<>();
        for (Path f : files) {
            archivedImage(f).ifPresent(n -> byFdate.putIfAbsent(n.product().scene().fdate(), new ArrayList<>()));
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            for (Map.Entry<String, List<Path>> e : byFdate.entrySet()) {
                if (name.contains(e.getKey())) {
                    e.getValue().add(f.toAbsolutePath().normalize());
                }
            }
        }
        List<ArchiveGroup> out = new ArrayList<>();
        byFdate.forEach((fdate, fs) -> out.add(new ArchiveGroup(folder.toAbsolutePath().normalize(), fdate, fs)));
        return out;
    }
}
