package org.alos2ingest.identify;

import java.nio.file.Path;
import java.util.List;

import org.alos2ingest.identify.ProductFileName;

/**
 * The Level 1.1 files of one scene in an archive folder, as the old HPC scraper grouped them: the
 * folder and the {@code fdate} (frame and date, e.g. {@code 6960-140909}) that its IMG file names
 * share, with every file of the folder whose name contains that fdate (IMG, LED, VOL, TRL of every
 * polarisation and scan).
 *
 * @param files absolute paths, sorted
 */
public record ArchiveGroup(Path folder, String fdate, List<Path> files) {

    public ArchiveGroup {
        files = files.stream().sorted().toList();
    }

    /** The first IMG file by name: it names the dataset, as in the old system. */
    public Path firstImage() {
        return files.stream().filter(f -> f.getFileName().toString().startsWith("IMG-")).findFirst()
                .orElseThrow(() -> new IllegalStateException("archive group " + fdate + " in " + folder + " has no IMG file"));
    }

    /**
     * The metadata-only dataset's id, {@code <product name>-md}, known from the first IMG file's
     * name alone, so that a scan can skip cataloged groups before reading anything.
     */
    public String datasetId() {
        String name = firstImage().getFileName().toString();
        return ProductFileName.parse(name).map(n -> n.product().text() + "-md")
                .orElseThrow(() -> new IllegalStateException(name + " is not an ALOS-2 image file name"));
    }
}
