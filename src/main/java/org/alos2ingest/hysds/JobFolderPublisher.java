package org.alos2ingest.hysds;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.alos2ingest.publish.PublishException;
import org.alos2ingest.publish.Publisher;
import org.alos2ingest.util.FileTrees;

/**
 * Inside a HySDS job, "publishing" a product is leaving its folder {@code <id>/} in the job's work
 * folder: HySDS itself finds every {@code <id>/<id>.dataset.json} there after the job exits with 0,
 * copies it to the location datasets.json gives and indexes it. So every location maps to the
 * job folder, and the small browse images stay in the product folder, where HySDS takes them from.
 */
public final class JobFolderPublisher implements Publisher {

    private final Path jobDir;
    private final Map<String, Path> placed = new ConcurrentHashMap<>();

    public JobFolderPublisher(Path jobDir) {
        this.jobDir = jobDir.toAbsolutePath().normalize();
    }

    @Override
    public boolean handles(String location) {
        return true;
    }

    @Override
    public boolean exists(String location) {
        Path p = placed.get(location);
        return p != null && Files.isDirectory(p);
    }

    /** Moves the staged product folder to {@code <job folder>/<id>/} (the staging folder is named after the dataset). */
    @Override
    public void publish(Path productFolder, String location, boolean replace) {
        Path dest = jobDir.resolve(productFolder.getFileName().toString());
        try {
            if (Files.exists(dest)) {
                if (!replace) {
                    throw new PublishException(dest, "a product folder of this name is in the job folder already");
                }
                FileTrees.delete(dest);
            }
            try {
                Files.move(productFolder, dest, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // staging on another file system: copy beside, then rename, so HySDS never sees half a folder
                Path tmp = jobDir.resolve("." + dest.getFileName() + ".copying");
                FileTrees.copy(productFolder, tmp);
                Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new PublishException(dest, "cannot leave the product folder in the job folder: " + e, e);
        }
        placed.put(location, dest);
    }

    @Override
    public void publishFiles(List<Path> files, String location, boolean replace) {
        // HySDS copies the browse images from the product folder to the browse location itself
    }

    @Override
    public void remove(String location) {
        Path p = placed.remove(location);
        if (p != null) {
            FileTrees.deleteQuietly(p);
        }
    }

    /** The product folders left so far. */
    public List<Path> products() {
        return placed.values().stream().sorted().toList();
    }
}
