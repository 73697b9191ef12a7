package org.alos2ingest.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.IngestException;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.CatalogUnavailableException;
import org.alos2ingest.config.DatasetMatch;
import org.alos2ingest.config.Json;
import org.alos2ingest.describe.DescribeException;
import org.alos2ingest.describe.Describer;
import org.alos2ingest.describe.Description;
import org.alos2ingest.describe.Provenance;
import org.alos2ingest.fetch.Delivery;
import org.alos2ingest.identify.ArchiveGroup;
import org.alos2ingest.identify.ArchiveScanner;
import org.alos2ingest.identify.Scene;
import org.alos2ingest.identify.SceneFinder;
import org.alos2ingest.publish.Publishers;
import org.alos2ingest.util.Parallel;
import org.alos2ingest.util.Progress;

/**
 * Catalogs what an HPC archive already holds: every group of Level 1.1 files (see
 * {@link ArchiveScanner}) becomes a metadata-only dataset {@code <product>-md} of type
 * {@code alos2_slc_md}, whose met.json lists the archive files in {@code gekko_archive_files} (the
 * name existing catalogs facet on) and whose footprint and times come from the CEOS files. Nothing
 * is copied. Groups already cataloged are skipped before any file is read, so an interrupted scan
 * re-run does only what is missing.
 */
public final class ArchiveScan {

    private static final Logger LOG = Logger.getLogger("org.alos2ingest");
    /** How many ids one catalog round trip checks. */
    private static final int CHECK_BATCH = 500;

    private final IngestOptions options;
    private final Catalog catalog;
    private final DatasetPublication publication;

    public ArchiveScan(IngestOptions options, Catalog catalog, Publishers publishers) {
        this.options = options;
        this.catalog = catalog;
        this.publication = new DatasetPublication(options.settings(), catalog, publishers, options.context());
    }

    /** What to do with the groups a scan finds. */
    public interface GroupSink {
        /** Called once per group not yet cataloged. */
        void accept(ArchiveGroup group, IngestReport report);
    }

    /**
     * Walks {@code root} and hands every group not yet cataloged to {@code sink}; cataloged groups
     * are reported as skipped (unless {@code force}).
     */
    public IngestReport scan(Path root, String folderRegex, GroupSink sink) {
        IngestReport report = new IngestReport();
        List<ArchiveGroup> batch = new ArrayList<>();
        new ArchiveScanner(folderRegex).scan(root, g -> {
            batch.add(g);
            if (batch.size() >= CHECK_BATCH) {
                dispatch(batch, sink, report);
                batch.clear();
            }
        });
        dispatch(batch, sink, report);
        return report;
    }

    private void dispatch(List<ArchiveGroup> groups, GroupSink sink, IngestReport report) {
        Map<String, ArchiveGroup> byId = new LinkedHashMap<>();
        for (ArchiveGroup g : groups) {
            try {
                byId.put(g.datasetId(), g);
            } catch (RuntimeException e) {
                report.add(new IngestReport.Outcome(IngestReport.Status.FAILED, null, g.folder() + " " + g.fdate(),
                        g.folder() + ": group " + g.fdate() + ": " + e.getMessage(), 0));
            }
        }
        Set<String> known = options.force() ? Set.of() : catalog.containsAny(byId.keySet());
        for (Map.Entry<String, ArchiveGroup> e : byId.entrySet()) {
            if (known.contains(e.getKey())) {
                report.add(new IngestReport.Outcome(IngestReport.Status.SKIPPED, e.getKey(), e.getKey(),
                        "already in " + catalog.describe() + " (--force re-ingests)", 0));
            } else {
                sink.accept(e.getValue(), report);
            }
        }
    }

    /**
     * Catalogs the groups here, {@code parallel} at a time; returns when all are done. Once the
     * catalog is unreachable, no further group is started (each would fail the same way after its
     * retries): the report says so in one line, and a re-run does what is left.
     */
    public IngestReport runLocally(Path root, String folderRegex, String tag, int parallel) {
        WorkFolders.removeAbandoned(options.workRoot());
        AtomicReference<String> catalogDown = new AtomicReference<>();
        AtomicInteger notStarted = new AtomicInteger();
        // Groups are ingested while the walk still finds more; catalogGroup reports its own failures.
        try (GroupFolders folders = new GroupFolders(options.workRoot());
             Progress.Task task = options.progress().start("scan " + root.getFileName(), 0, Progress.Unit.SCENES);
             Parallel.Tasks<RuntimeException> groups = Parallel.open(parallel)) {
            IngestReport report = scan(root, folderRegex, (g, r) -> groups.submit(() -> {
                if (catalogDown.get() != null) {
                    notStarted.incrementAndGet();
                } else {
                    catalogGroup(g, tag, r, folders).ifPresent(down -> catalogDown.compareAndSet(null, down));
                }
                task.advance(1);
            }));
            groups.await();
            if (catalogDown.get() != null) {
                report.add(new IngestReport.Outcome(IngestReport.Status.FAILED, null, root.toString(), "scan of " + root + " stopped, "
                        + notStarted.get() + " group(s) not started: " + catalogDown.get() + " (run the scan again once it is back)", 0));
            }
            return report;
        } catch (CancellationException e) {
            throw new IngestException(root, "scan interrupted", e);
        }
    }

    /** Catalogs the groups of one folder with one fdate: what a batch job on a compute node does. */
    public IngestReport runGroup(Path folder, String fdate, String tag) {
        IngestReport report = new IngestReport();
        List<Path> files;
        try (var s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new IngestException(folder, "cannot list: " + e.getMessage(), e);
        }
        List<ArchiveGroup> groups = ArchiveScanner.groupsOf(folder, files).stream().filter(g -> g.fdate().equals(fdate)).toList();
        if (groups.isEmpty()) {
            throw new IngestException(folder, "no Level 1.1 IMG file with frame-date " + fdate);
        }
        WorkFolders.removeAbandoned(options.workRoot());
        try (GroupFolders folders = new GroupFolders(options.workRoot())) {
            dispatch(groups, (g, r) -> catalogGroup(g, tag, r, folders), report);
        }
        return report;
    }

    /**
     * Makes, publishes and catalogs one group's metadata-only dataset; failures are reported.
     * Returns the failure when it was the catalog's being unreachable.
     */
    private Optional<String> catalogGroup(ArchiveGroup group, String tag, IngestReport report, GroupFolders folders) {
        long t0 = System.nanoTime();
        String id = group.fdate();
        StageLog stage = new StageLog();
        try {
            id = group.datasetId();
            stage.enter("describing " + id);
            SceneFinder finder = new SceneFinder(w -> warn(report, w));
            Scene scene = finder.scenesOf(group.folder(), group.files()).stream()
                    .filter(s -> group.firstImage().getFileName().toString().contains(s.id()))
                    .findFirst().orElseThrow(() -> new IngestException(group.firstImage(), "not readable as an ALOS-2 product"));
            if (!scene.kind().archived()) {
                throw new IngestException(group.firstImage(), "archive groups are Level 1.1 products, not " + scene.level().label());
            }
            Describer describer = new Describer(options.settings(), options.definitions(), w -> warn(report, w));
            Description d = archiveDescription(describer, describer.describe(scene, Provenance.local(group.folder())), group, tag);
            // the publish moves the files out; a failure's leftovers go when this thread's next group starts
            Path folder = folders.empty();
            Json.write(folder.resolve(d.id() + ".met.json"), d.met());
            Json.write(folder.resolve(d.id() + ".dataset.json"), d.dataset());
            String location = publication.publishAndCatalog(d, folder, options.force(), w -> warn(report, w), stage::enter);
            report.add(new IngestReport.Outcome(IngestReport.Status.INGESTED, d.id(), d.id(), location, secs(t0)));
        } catch (IngestException e) {
            report.add(new IngestReport.Outcome(IngestReport.Status.FAILED, id, id,
                    stage.lineFor(e, options.workRoot(), group.folder().toString()), secs(t0)));
            if (e instanceof CatalogUnavailableException) {
                return Optional.of(e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            report.add(new IngestReport.Outcome(IngestReport.Status.FAILED, id, id,
                    stage.lineFor(e, options.workRoot(), group.folder().toString()), secs(t0)));
        }
        return Optional.empty();
    }

    /**
     * Turns a product's description into its archive dataset's: id and label {@code <id>-md}, the
     * {@code alos2_slc_md} type and version, the archive's file list and the optional tag, and no
     * product zip.
     */
    private Description archiveDescription(Describer describer, Description d, ArchiveGroup group, String tag) {
        String id = d.id() + "-md";
        DatasetMatch match = options.definitions().match("/" + id).orElseThrow(() -> new DescribeException(null,
                id + ": no definition in " + options.definitions().origin() + " matches an archive dataset"));
        String version = describer.versionOf(match.definition());
        ObjectNode met = d.met().deepCopy();
        met.put("prod_name", id);
        met.remove("archive_filename");
        ArrayNode files = met.putArray("gekko_archive_files");
        group.files().forEach(f -> files.add(f.toString()));
        if (tag != null && !tag.isBlank()) {
            met.putArray("tags").add(tag);
        }
        ObjectNode dataset = d.dataset().deepCopy();
        dataset.put("label", id);
        dataset.put("version", version);
        return new Description(id, match, version, met, dataset, d.footprint(), d.start(), d.end());
    }

    private static void warn(IngestReport report, String w) {
        report.warn(w);
        LOG.warning(w);
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
