package org.alos2ingest.format.ceos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.alos2ingest.identify.FileType;
import org.alos2ingest.identify.IdentifyException;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.identify.ProductFileName;
import org.alos2ingest.identify.ProductName;
import org.alos2ingest.identify.Scene;

/**
 * A CEOS product as read from its files: leader, image files (one per polarisation, or one per
 * polarisation and scan for ScanSAR Level 1.1), and the volume directory and trailer when present.
 * Reading costs a few tens of kilobytes whatever the size of the images.
 */
public final class CeosProduct {

    /**
     * One image file.
     *
     * @param scan ScanSAR scan number (1 for stripmap and Level 1.5)
     * @param suffix the file name's scan suffix ({@code F3}), or {@code null}
     */
    public record Image(String polarisation, int scan, String suffix, ImageFile file) {
    }

    private final ProductName name;
    private final Path folder;
    private final LeaderFile leader;
    private final VolumeDirectory volume;
    private final TrailerFile trailer;
    private final List<Image> images;
    private final List<String> notes;

    private CeosProduct(ProductName name, Path folder, LeaderFile leader, VolumeDirectory volume, TrailerFile trailer, List<Image> images,
                        List<String> notes) {
        this.name = name;
        this.folder = folder;
        this.leader = leader;
        this.volume = volume;
        this.trailer = trailer;
        this.images = List.copyOf(images);
        this.notes = List.copyOf(notes);
    }

    /**
     * Reads a CEOS scene's files.
     *
     * @throws IdentifyException for a missing leader or ScanSAR scan, and {@link CeosFormatException}
     *                           for any file that is not laid out as JAXA's format says
     */
    public static CeosProduct read(Scene scene, ReadCounter counter) {
        Map<String, List<Path>> byPol = scene.imagesByPolarisation();
        Path firstImage = byPol.values().iterator().next().get(0);
        Path ledPath = scene.fileOf(FileType.LED).orElseThrow(() -> new IdentifyException(firstImage,
                "image without its SAR leader: " + scene.folder().resolve("LED-" + scene.id()) + " is missing"));
        List<String> notes = new ArrayList<>();
        checkScans(scene, byPol);
        LeaderFile leader = LeaderFile.read(ledPath, counter);
        notes.addAll(leader.notes().stream().map(n -> ledPath.getFileName() + ": " + n).toList());
        VolumeDirectory volume = scene.fileOf(FileType.VOL).map(p -> VolumeDirectory.read(p, counter)).orElse(null);
        if (volume == null) {
            notes.add("no volume directory file (VOL-" + scene.id() + ")");
        }
        TrailerFile trailer = scene.fileOf(FileType.TRL).map(p -> TrailerFile.read(p, counter)).orElse(null);
        ImageFile.Kind expected = scene.kind().radarGeometry() ? ImageFile.Kind.SIGNAL : ImageFile.Kind.PROCESSED;
        List<Image> images = new ArrayList<>();
        for (Map.Entry<String, List<Path>> e : byPol.entrySet()) {
            for (Path p : e.getValue()) {
                ProductFileName n = scene.names().get(p);
                ImageFile img = ImageFile.read(p, counter);
                if (img.kind() != expected) {
                    throw img.descriptor().record().error(ImageFileDescriptor.PREFIX_BYTES, 0, "says " + img.descriptor().prefixBytes()
                            + " prefix bytes per line, but a Level " + scene.level().code() + " image has "
                            + (expected == ImageFile.Kind.SIGNAL ? SignalDataRecord.PREFIX_LENGTH : ProcessedDataRecord.PREFIX_LENGTH));
                }
                int scan = n.scan() == null ? 1 : n.scan().charAt(1) - '0';
                images.add(new Image(e.getKey(), scan, n.scan(), img));
                notes.addAll(img.notes().stream().map(x -> p.getFileName() + ": " + x).toList());
                img.firstSignal().ifPresent(s -> {
                    if (!s.polarisation().equals(e.getKey())) {
                        notes.add(p.getFileName() + ": its signal records say polarisation " + s.polarisation());
                    }
                    if (n.scan() != null && s.scanId() != scan) {
                        notes.add(p.getFileName() + ": its signal records say scan " + s.scanId());
                    }
                });
            }
        }
        return new CeosProduct(scene.name(), scene.folder(), leader, volume, trailer, images, notes);
    }

    /** ScanSAR Level 1.1 delivers one image per scan and polarisation: every one must be there. */
    private static void checkScans(Scene scene, Map<String, List<Path>> byPol) {
        ObservationMode mode = scene.name().product().mode();
        boolean scanned = scene.kind().radarGeometry() && mode.isScanSar();
        for (Map.Entry<String, List<Path>> e : byPol.entrySet()) {
            TreeSet<Integer> scans = new TreeSet<>();
            char letter = 'F';
            for (Path p : e.getValue()) {
                String suffix = scene.names().get(p).scan();
                if (scanned && suffix == null) {
                    throw new IdentifyException(p, "a ScanSAR Level 1.1 image must carry its scan number (-F1 ... -F" + mode.scans() + ")");
                }
                if (!scanned && suffix != null) {
                    throw new IdentifyException(p, "a scan suffix -" + suffix + " on a " + mode + " Level " + scene.level().code()
                            + " image, which has no scans");
                }
                if (suffix != null) {
                    letter = suffix.charAt(0);
                    if (!scans.add(suffix.charAt(1) - '0')) {
                        throw new IdentifyException(p, "scan " + suffix + " of " + e.getKey() + " is delivered twice");
                    }
                }
            }
            if (!scanned) {
                continue;
            }
            final char l = letter;
            String delivered = scans.stream().map(i -> "-" + l + i).collect(java.util.stream.Collectors.joining(", "));
            for (int s = 1; s <= mode.scans(); s++) {
                if (!scans.contains(s)) {
                    Path missing = scene.folder().resolve("IMG-" + e.getKey() + "-" + scene.id() + "-" + l + s);
                    throw new IdentifyException(missing, "missing: " + mode + " has " + mode.scans() + " scans, but only "
                            + (delivered.isEmpty() ? "none" : delivered) + " of " + e.getKey() + " were delivered");
                }
            }
            if (scans.last() > mode.scans()) {
                throw new IdentifyException(e.getValue().get(e.getValue().size() - 1), mode + " has only " + mode.scans() + " scans");
            }
        }
    }

    public ProductName name() {
        return name;
    }

    public Path folder() {
        return folder;
    }

    public LeaderFile leader() {
        return leader;
    }

    public Optional<VolumeDirectory> volume() {
        return Optional.ofNullable(volume);
    }

    public Optional<TrailerFile> trailer() {
        return Optional.ofNullable(trailer);
    }

    /** Every image file: polarisations in HH, HV, VH, VV order, scans in order. */
    public List<Image> images() {
        return images;
    }

    /** The images of the first polarisation, one per scan: what the footprint is computed from. */
    public List<Image> scansOfFirstPolarisation() {
        String pol = images.get(0).polarisation();
        return images.stream().filter(i -> i.polarisation().equals(pol)).toList();
    }

    public boolean isScanSar() {
        return images.stream().anyMatch(i -> i.suffix() != null);
    }

    /** Oddities found while reading that did not stop it, each naming its file. */
    public List<String> notes() {
        return notes;
    }

}
