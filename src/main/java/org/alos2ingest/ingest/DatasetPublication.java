package org.alos2ingest.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.IngestException;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.CatalogUnavailableException;
import org.alos2ingest.catalog.GrqDocument;
import org.alos2ingest.config.Settings;
import org.alos2ingest.describe.Description;
import org.alos2ingest.publish.Publisher;
import org.alos2ingest.publish.Publishers;
import org.alos2ingest.stac.ProductStac;
import org.alos2ingest.util.FileTrees;
import org.alos2ingest.util.Host;

/**
 * The last two steps of every ingest: publish a finished product folder where its datasets.json
 * type says, then catalog it. The catalog only ever sees a dataset whose files are all published,
 * and a dataset the catalog refuses is unpublished again: complete and findable, or absent.
 */
public final class DatasetPublication {

    private final Settings settings;
    private final Catalog catalog;
    private final Publishers publishers;
    private final JsonNode context;

    public DatasetPublication(Settings settings, Catalog catalog, Publishers publishers, JsonNode context) {
        this.settings = settings;
        this.catalog = catalog;
        this.publishers = publishers;
        this.context = context;
    }

    /**
     * @param warnings told when an uncataloged copy is found at the location (a crash between
     *                 publish and catalog) and replaced
     * @param stages   told as publishing and cataloging start ("publishing ID to LOCATION")
     * @return the publish location
     */
    public String publishAndCatalog(Description d, Path folder, boolean force, Consumer<String> warnings,
                                    Consumer<String> stages) throws IOException {
        String location = d.match().publishLocation(settings, d.version(), d.dataset(), d.met());
        String host = Host.name();
        List<String> urls = d.match().publishUrls(settings, d.version(), d.dataset(), d.met(), host);
        String browseLocation = d.match().browseLocation(settings, d.version(), d.dataset(), d.met());
        List<String> browseUrls = d.match().browseUrls(settings, d.version(), d.dataset(), d.met(), host);
        List<GrqDocument.Image> images = browseImages(folder);
        List<Path> smallBrowse = new ArrayList<>();
        for (GrqDocument.Image i : images) {
            if (i.smallImg() != null) {
                smallBrowse.add(folder.resolve(i.smallImg()));
            }
        }
        // built before publishing: the product folder's STAC item is made from it and published with the rest
        ObjectNode doc = GrqDocument.build(d, urls, browseUrls, images, context, null);
        ProductStac.write(folder, doc);
        Publisher publisher = publishers.forLocation(location);
        if (publisher.exists(location) && !force) {
            warnings.accept(d.id() + ": replacing a copy at " + location + " that was published but never cataloged");
        }
        // The product first: a publish cut short (most likely during its large upload) then leaves
        // only the product's own incomplete copy behind, not loose browse images beside it. A local
        // publish moves the folder's files, so the browse images go from copies.
        List<Path> browseCopies = copies(browseLocation == null ? List.of() : smallBrowse, folder);
        Publisher browsePublisher = null;
        stages.accept("publishing " + d.id() + " to " + location);
        try {
            publisher.publish(folder, location, true);
            if (browseLocation != null && !browseCopies.isEmpty()) {
                browsePublisher = publishers.forLocation(browseLocation);
                try {
                    browsePublisher.publishFiles(browseCopies, browseLocation, true);
                } catch (IngestException e) {
                    undo(publisher, location, e, warnings);
                    throw e;
                }
            }
        } finally {
            if (!browseCopies.isEmpty()) {
                FileTrees.deleteQuietly(browseCopies.get(0).getParent());
            }
        }
        stages.accept("cataloging " + d.id() + " in " + catalog.describe());
        try {
            catalog.index(doc);
        } catch (RuntimeException e) {
            if (e instanceof CatalogUnavailableException u && u.mayHaveApplied() && !uncataloged(d.id(), e)) {
                // The catalog may hold the document although it never said so: the files stay, so that
                // a findable dataset never lacks them. The next run catalogs it, or finds it cataloged.
                warnings.accept(d.id() + ": left published at " + location + ": the catalog stopped answering while it was being cataloged");
                throw e;
            }
            undo(publisher, location, e, warnings);
            if (browsePublisher != null) {
                undo(browsePublisher, browseLocation, e, warnings);
            }
            throw e;
        }
        return location;
    }

    /** Takes the document out of the catalog, in case it got in; false when the catalog still cannot say. */
    private boolean uncataloged(String id, RuntimeException failure) {
        try {
            catalog.remove(id);
            return true;
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            return false;
        }
    }

    /**
     * Unpublishes after a failure. When that fails too (the server that refused the publish is
     * usually down for the removal as well), the first failure is still the one reported: it says
     * what went wrong; the copy left behind is marked incomplete, or is replaced by the next run.
     */
    private static void undo(Publisher publisher, String location, RuntimeException failure, Consumer<String> warnings) {
        try {
            publisher.remove(location);
        } catch (RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
            warnings.accept("could not remove " + location + " after the failure (the next run replaces it): " + cleanup.getMessage());
        }
    }

    private static List<Path> copies(List<Path> files, Path folder) throws IOException {
        if (files.isEmpty()) {
            return List.of();
        }
        Path dir = Files.createTempDirectory(folder.toAbsolutePath().getParent(), ".browse-");
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            out.add(Files.copy(f, dir.resolve(f.getFileName())));
        }
        return out;
    }

    /** One entry per {@code *.browse.png} at the top of the product folder, as GRQ lists them. */
    static List<GrqDocument.Image> browseImages(Path folder) throws IOException {
        List<Path> browse = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.browse.png")) {
            ds.forEach(browse::add);
        }
        browse.sort(null);
        List<GrqDocument.Image> out = new ArrayList<>();
        for (Path b : browse) {
            String name = b.getFileName().toString();
            String base = name.substring(0, name.length() - ".browse.png".length());
            String small = base + ".browse_small.png";
            out.add(new GrqDocument.Image(name, Files.exists(folder.resolve(small)) ? small : null, base));
        }
        return out;
    }
}
