package org.alos2ingest.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.IngestException;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.config.Json;
import org.alos2ingest.describe.Describer;
import org.alos2ingest.describe.Description;
import org.alos2ingest.describe.Provenance;
import org.alos2ingest.fetch.Delivery;
import org.alos2ingest.fetch.PgeMetrics;
import org.alos2ingest.fetch.Source;
import org.alos2ingest.identify.DeliveryNames;
import org.alos2ingest.identify.ProductFileName;
import org.alos2ingest.identify.ProductName;
import org.alos2ingest.identify.Scene;
import org.alos2ingest.identify.SceneFinder;
import org.alos2ingest.identify.SceneId;
import org.alos2ingest.publish.ProductPackager;
import org.alos2ingest.publish.Publishers;
import org.alos2ingest.render.SceneRenderer;
import org.alos2ingest.unpack.UnpackedDelivery;
import org.alos2ingest.unpack.Unpacker;
import org.alos2ingest.util.FileTrees;

/**
 * One ingest: every delivery a source offers goes through unpack, identify, describe, render,
 * publish and catalog. A scene is cataloged only after its product folder is completely published,
 * and unpublished again when the catalog refuses it, so a dataset is either findable and complete
 * or absent. Scenes already in the catalog are skipped before anything is unpacked.
 */
public final class IngestJob {

    private static final Logger LOG = Logger.getLogger("org.alos2ingest");

    private final IngestOptions options;
    private final Catalog catalog;
    private final Publishers publishers;
    private final List<SceneRenderer> renderers;
    private final DatasetPublication publication;

    public IngestJob(IngestOptions options, Catalog catalog, Publishers publishers, List<SceneRenderer> renderers) {
        this.options = options;
        this.catalog = catalog;
        this.publishers = publishers;
        this.renderers = List.copyOf(renderers);
        this.publication = new DatasetPublication(options.settings(), catalog, publishers, options.context());
    }

    public IngestReport run(Source source) {
        IngestReport report = new IngestReport();
        Optional<List<Source.Item>> listed = IngestJob.list(source, report);
        if (listed.isEmpty()) {
            return report;
        }
        List<Source.Item> items = listed.get();
        WorkFolders.removeAbandoned(options.workRoot());
        Path work = WorkFolders.newRun(options.workRoot(), options.keepWork());
        try {
            for (Source.Item item : items) {
                long t0 = System.nanoTime();
                Optional<String> skip = whyNotFetch(source, item);
                if (skip.isPresent()) {
                    report.add(new IngestReport.Outcome(IngestReport.Status.SKIPPED, null, subject(item), skip.get(), 0));
                    continue;
                }
                Path itemWork = work.resolve("d" + items.indexOf(item));
                StageLog stage = new StageLog();
                try {
                    Files.createDirectories(itemWork);
                    stage.enter("fetching " + item.location());
                    Delivery delivery = source.fetch(item, itemWork, options.progress());
                    ingest(delivery, itemWork, report, t0, stage);
                } catch (IngestException | IOException e) {
                    report.add(new IngestReport.Outcome(IngestReport.Status.FAILED, null, item.location(),
                            stage.lineFor(e, itemWork, item.location()), secs(t0)));
                } finally {
                    if (!options.keepWork()) {
                        FileTrees.deleteQuietly(itemWork);
                    }
                }
            }
        } finally {
            if (!options.keepWork()) {
                FileTrees.deleteQuietly(work);
            }
        }
        return report;
    }

    /** The source's items; empty, with the failure reported, when the source cannot list them. */
    public static Optional<List<Source.Item>> list(Source source, IngestReport report) {
        try {
            return Optional.of(source.list());
        } catch (IngestException e) {
            report.add(new IngestReport.Outcome(IngestReport.Status.FAILED, null, source.describe(), e.getMessage(), 0));
            return Optional.empty();
        }
    }

    /**
     * Says what would be ingested, without downloading or changing anything: one PLANNED line per
     * item, and a SKIPPED line with the reason for each item that would not be fetched.
     */
    public IngestReport plan(Source source) {
        IngestReport report = new IngestReport();
        Optional<List<Source.Item>> listed = IngestJob.list(source, report);
        if (listed.isEmpty()) {
            return report;
        }
        List<Source.Item> items = listed.get();
        for (Source.Item item : items) {
            Optional<String> skip = whyNotFetch(source, item);
            report.add(skip.isPresent()
                    ? new IngestReport.Outcome(IngestReport.Status.SKIPPED, null, subject(item), skip.get(), 0)
                    : new IngestReport.Outcome(IngestReport.Status.PLANNED, null, subject(item), item.location()
                    + (item.size() >= 0 ? ", " + org.alos2ingest.util.Sizes.human(item.size()) : ""), 0));
        }
        return report;
    }

    /**
     * Why an item is not fetched: the source says it cannot be ingested, or (unless --force) its
     * name shows a product or scene that is cataloged already, so the download is saved.
     */
    public Optional<String> whyNotFetch(Source source, Source.Item item) {
        if (item.skipReason().isPresent()) {
            return item.skipReason();
        }
        if (options.force() || item.name().isEmpty() || source.inPlace()) {
            // a local zip costs nothing to look into: its own directory says exactly which products it holds
            return Optional.empty();
        }
        String name = item.name().get();
        Optional<ProductName> product = DeliveryNames.productName(name);
        if (product.isPresent()) {
            String id = product.get().text();
            return catalog.contains(id) ? Optional.of(id + " is already in " + catalog.describe() + " (--force re-ingests)") : Optional.empty();
        }
        Optional<SceneId> scene = DeliveryNames.sceneId(name);
        if (scene.isPresent()) {
            // archive metadata datasets (-md) list files on disk elsewhere; they do not make a download redundant
            List<String> ids = catalog.idsOfScene(scene.get().text()).stream().filter(i -> !i.endsWith("-md")).toList();
            if (!ids.isEmpty()) {
                return Optional.of("scene " + scene.get().text() + " is already in " + catalog.describe() + " as " + String.join(", ", ids)
                        + " (--force re-ingests)");
            }
        }
        return Optional.empty();
    }

    /** How an item is named in the report: its data id and file name where known. */
    public static String subject(Source.Item item) {
        String id = item.attributes().get("data_id");
        String name = item.name().orElse(null);
        if (id != null) {
            String title = item.attributes().get("filetitle");
            return id + " (" + (name != null ? name : title != null && !title.isBlank() ? title : "?") + ")";
        }
        return name != null ? name : item.location();
    }

    /** Ingests one delivery already on local disk; failures of single scenes are reported, not thrown. */
    void ingest(Delivery delivery, Path work, IngestReport report, long t0, StageLog stage) throws IOException {
        Path path = delivery.path();
        UnpackedDelivery unpacked;
        if (Files.isDirectory(path)) {
            unpacked = UnpackedDelivery.folder(path);
        } else {
            if (!options.force() && allCataloged(path, report)) {
                return;
            }
            Unpacker unpacker = new Unpacker(options.limits(), options.progress());
            stage.enter("unpacking " + path);
            // GeoTIFF images stay in the zip and are inflated as they are rendered, unless the work folder is kept
            unpacked = unpacker.unpack(path, work.resolve("unpacked"), options.keepWork() ? name -> false : IngestJob::streamsFromZip);
        }
        try {
            SceneFinder finder = new SceneFinder(w -> warn(report, w));
            List<Scene> scenes;
            try {
                scenes = finder.find(unpacked.root(), unpacked.notOnDisk());
            } catch (IngestException e) {
                throw relocate(cause(e, unpacked), unpacked, delivery);
            }
            Path ownWork = work.toAbsolutePath().normalize();
            for (Scene scene : scenes) {
                try {
                    ingestScene(scene, unpacked, delivery, p -> delivery.owned() || p.toAbsolutePath().normalize().startsWith(ownWork),
                            work.resolve("products"), report, t0, stage);
                } catch (IngestException e) {
                    report.add(new IngestReport.Outcome(IngestReport.Status.FAILED, scene.id(), scene.id(),
                            stage.lineFor(relocate(cause(e, unpacked), unpacked, delivery), work, scene.id()), secs(t0)));
                }
            }
        } finally {
            unpacked.cancelStreams();
        }
    }

    /** What the user must hear of a failure: the damage of the zip entry behind an unreadable streamed image, if any. */
    private static IngestException cause(IngestException e, UnpackedDelivery unpacked) {
        return unpacked.damage(e.file()).map(IngestException.class::cast).orElse(e);
    }

    /** Images read once, front to back, by the GeoTIFF renderer: no need for them on the work disk. */
    static boolean streamsFromZip(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".tif") && !lower.endsWith(".tiff")) {
            return false;
        }
        try {
            return ProductFileName.parse(fileName).filter(ProductFileName::isImage).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Names a file in an error as the user knows it: {@code delivery.zip!entry}, not its work-folder path. */
    static IngestException relocate(IngestException e, UnpackedDelivery unpacked, Delivery delivery) {
        Path f = e.file();
        if (f == null) {
            return e;
        }
        String name = displayName(f.toAbsolutePath().normalize(), unpacked, delivery);
        return name.equals(f.toString()) ? e : e.at(name);
    }

    private static String displayName(Path f, UnpackedDelivery unpacked, Delivery delivery) {
        Optional<org.alos2ingest.unpack.ZipOrigin> origin = unpacked.originOf(f);
        if (origin.isPresent()) {
            return displayName(origin.get().zip(), unpacked, delivery) + "!" + origin.get().entryName();
        }
        Path root = unpacked.root().toAbsolutePath().normalize();
        if (!Files.isDirectory(delivery.path()) && f.startsWith(root)) {
            String rel = root.relativize(f).toString();
            return delivery.path() + (rel.isEmpty() ? "" : "!" + rel);
        }
        if (f.equals(delivery.path().toAbsolutePath().normalize()) && !delivery.owned()) {
            return delivery.path().toString();
        }
        return f.toString();
    }

    /**
     * Cheap re-runs: the zip's central directory names its products; when every one is cataloged
     * already, nothing is verified or extracted.
     */
    private boolean allCataloged(Path zip, IngestReport report) {
        Set<String> ids = new LinkedHashSet<>();
        for (String entry : Unpacker.listEntries(zip)) {
            String name = entry.substring(entry.replace('\\', '/').lastIndexOf('/') + 1);
            if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                return false;
            }
            try {
                ProductFileName.parse(name).filter(ProductFileName::isImage).map(ProductFileName::product)
                        .map(ProductName::text).ifPresent(ids::add);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (ids.isEmpty() || !catalog.containsAny(ids).containsAll(ids)) {
            return false;
        }
        for (String id : ids) {
            report.add(new IngestReport.Outcome(IngestReport.Status.SKIPPED, id, id, "already in " + catalog.describe() + " (--force re-ingests)", 0));
        }
        return true;
    }

    private void ingestScene(Scene scene, UnpackedDelivery unpacked, Delivery delivery, java.util.function.Predicate<Path> owned,
                             Path productsRoot, IngestReport report, long t0, StageLog stage) throws IOException {
        String id = scene.id();
        if (!options.force() && catalog.contains(id)) {
            report.add(new IngestReport.Outcome(IngestReport.Status.SKIPPED, id, id, "already in " + catalog.describe() + " (--force re-ingests)", secs(t0)));
            return;
        }
        Describer describer = new Describer(options.settings(), options.definitions(), w -> warn(report, w));
        stage.enter("describing " + id);
        Description d = describer.describe(scene, new Provenance(delivery.downloadSource(), delivery.metadata()));

        Path folder = productsRoot.resolve(id);
        FileTrees.delete(folder);
        Files.createDirectories(folder);
        stage.enter("rendering " + id);
        for (SceneRenderer r : renderers) {
            if (r.appliesTo(scene)) {
                d = r.render(scene, d, folder, options.progress(), unpacked).addTo(d);
            }
        }
        // nothing of the scene is published before every image streamed from its zip passed its CRC
        stage.enter("checking " + id + "'s CRCs");
        unpacked.awaitIntact(scene.files());
        // after rendering: a delivery zip that is alos2-ingest's own is moved into the product, and images stream from it until then
        stage.enter("packaging " + id);
        new ProductPackager(options.progress()).packageZip(scene, unpacked, owned, folder.resolve(id + ".zip"));
        Json.write(folder.resolve(id + ".met.json"), d.met());
        Json.write(folder.resolve(id + ".dataset.json"), d.dataset());
        if (!delivery.transfers().isEmpty()) {
            // HySDS's transfer record, published with the dataset it brought
            PgeMetrics.append(folder, delivery.transfers());
        }

        String location = publication.publishAndCatalog(d, folder, options.force(), w -> warn(report, w), stage::enter);
        report.add(new IngestReport.Outcome(IngestReport.Status.INGESTED, id, id, location, secs(t0)));
    }

    private void warn(IngestReport report, String warning) {
        report.warn(warning);
        LOG.warning(warning);
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** For callers that hold a dataset id and want to know whether work is needed. */
    public Optional<ObjectNode> cataloged(String id) {
        return catalog.get(id);
    }
}
