package org.alos2ingest.format.geotiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.alos2ingest.identify.IdentifyException;

/**
 * Whether a TIFF is a Cloud-Optimized GeoTIFF, by the rules of GDAL's own validator
 * ({@code validate_cloud_optimized_geotiff.py}), with its messages, so that a verdict here and GDAL's
 * can be compared line by line: an image larger than 512 pixels is tiled and has overviews; the main
 * IFD comes first (after GDAL's structural metadata, when there is some), the overviews' IFDs follow
 * by decreasing size; the data starts with the smallest overview and ends with the full resolution;
 * and the tiles keep the promises the structural metadata makes (row-major order, a 4-byte size
 * leader, the last 4 bytes repeated as a trailer).
 *
 * <p>Reads only the header, the IFDs, their block tables and, for the leader and trailer promises,
 * 12 bytes around each block: a 1.8 GB image costs a few hundred kilobytes. Mask IFDs are skipped
 * (ALOS-2 images have none).
 */
public final class CogCheck {

    /** Above this size in either dimension GDAL wants tiles and overviews. */
    private static final int SMALL = 512;
    /** Errors listed per level for its blocks; a broken file would otherwise list every block. */
    private static final int MAX_BLOCK_ERRORS = 20;
    private static final int REDUCED_RESOLUTION = 1;
    private static final int MASK = 4;

    /** A width and height in pixels. */
    public record Size(int width, int height) {
    }

    /**
     * The verdict and what it was made from.
     *
     * @param block          tile size, or for strips the width and rows per strip
     * @param overviews      sizes of the overviews, in file order
     * @param structure      GDAL's structural metadata (KEY=VALUE lines; empty without any)
     * @param blocksChecked  whether the blocks' order, leaders and trailers were read and checked
     * @param headerBytes    bytes before the first image data (what a reader fetches to know every tile), 0 when no block has data
     */
    public record Result(List<String> errors, List<String> warnings, boolean bigTiff, Size size, boolean tiled, Size block,
                         String compression, int predictor, String dataType, List<Size> overviews, int masks, List<String> structure,
                         boolean blocksChecked, long headerBytes) {

        public Result {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
            overviews = List.copyOf(overviews);
            structure = List.copyOf(structure);
        }

        /** A COG: no errors (warnings allowed, as GDAL allows them). */
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private CogCheck() {
    }

    /** Checks a local file, blocks included (GDAL's {@code --full-check=yes}). */
    public static Result check(Path file) {
        return check(file, true);
    }

    /**
     * @param checkBlocks read each block's leader and trailer and check the blocks' order, when the
     *                    structural metadata promises them; false for a file whose data is not all there
     *                    (a zip's GeoTIFF peeked at its first megabyte)
     * @throws IdentifyException naming the file and offset when it is no TIFF or its structure is broken
     */
    public static Result check(Path file, boolean checkBlocks) {
        try (TiffSource source = TiffSource.of(file)) {
            return check(source, checkBlocks);
        }
    }

    private static Result check(TiffSource source, boolean checkBlocks) {
        List<TiffDirectory> ifds = TiffDirectory.readChain(source);
        TiffDirectory main = ifds.get(0);
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<CogLevel> levels = new ArrayList<>();
        levels.add(new CogLevel(main, source, "Main resolution image"));
        int masks = 0;
        for (TiffDirectory d : ifds.subList(1, ifds.size())) {
            long type = d.integer(TiffTag.NEW_SUBFILE_TYPE, 0);
            if ((type & MASK) != 0) {
                masks++;
            } else if ((type & REDUCED_RESOLUTION) != 0) {
                levels.add(new CogLevel(d, source, "Overview " + (levels.size() - 1)));
            }
            // Other IFDs are further pages, which GDAL shows as subdatasets, not overviews.
        }
        CogLevel image = levels.get(0);
        List<CogLevel> overviews = levels.subList(1, levels.size());

        if (Files.exists(Path.of(source.file() + ".ovr"))) {
            errors.add("Overviews found in external .ovr file. They should be internal");
        }
        if (image.width() > SMALL || image.height() > SMALL) {
            if (image.untiledForGdal()) {
                errors.add("The file is greater than 512xH or Wx512, but is not tiled");
            }
            if (overviews.isEmpty()) {
                warnings.add("The file is greater than 512xH or Wx512, it is recommended to include internal overviews");
            }
        }
        GhostArea ghost = new GhostArea(false, main.isBigTiff() ? 16 : 8, "");
        if (image.ifdOffset() != 8 && image.ifdOffset() != 16) {
            ghost = GhostArea.read(source, main.isBigTiff());
            if (ghost.knownIncompatibleEdition()) {
                errors.add("KNOWN_INCOMPATIBLE_EDITION=YES is declared in the file");
            }
            if (ghost.expectedIfd() != image.ifdOffset()) {
                errors.add("The offset of the main IFD should be " + ghost.expectedIfd() + ". It is " + image.ifdOffset() + " instead");
            }
        }
        overviewOrder(levels, errors);
        dataOrder(levels, errors);
        boolean blocksChecked = checkBlocks && (ghost.rowMajor() || ghost.sizeLeaders() || ghost.repeatedTrailers());
        if (blocksChecked) {
            for (CogLevel l : levels) {
                blocks(source, l, ghost, errors);
            }
        }

        long headerBytes = levels.stream().mapToLong(CogLevel::firstDataOffset).filter(o -> o > 0).min().orElse(0);
        long comp = main.integer(TiffTag.COMPRESSION, 1);
        String compression = Compression.of(comp).map(Compression::label).orElseGet(() -> Compression.describe(comp));
        return new Result(errors, warnings, main.isBigTiff(), new Size(image.width(), image.height()), image.tiled(),
                new Size(image.blockWidth(), image.blockHeight()), compression, (int) main.integer(TiffTag.PREDICTOR, 1), dataType(main),
                overviews.stream().map(l -> new Size(l.width(), l.height())).toList(), masks, ghost.options(), blocksChecked, headerBytes);
    }

    /** Overviews by decreasing size, each tiled, their IFDs at increasing offsets after the main one. */
    private static void overviewOrder(List<CogLevel> levels, List<String> errors) {
        for (int i = 1; i < levels.size(); i++) {
            CogLevel o = levels.get(i);
            CogLevel prev = levels.get(i - 1);
            int index = i - 1;
            if (o.width() > prev.width() || o.height() > prev.height()) {
                errors.add(index == 0 ? "First overview has larger dimension than main band"
                        : "Overview of index " + index + " has larger dimension than overview of index " + (index - 1));
            }
            if (o.untiledForGdal()) {
                errors.add("Overview of index " + index + " is not tiled");
            }
            if (o.ifdOffset() < prev.ifdOffset()) {
                errors.add("The offset of the IFD for overview of index " + index + " is " + o.ifdOffset() + ", whereas it should be greater than "
                        + (index == 0 ? "the one of the main image, which is at byte " : "the one of index " + (index - 1) + ", which is at byte ")
                        + prev.ifdOffset());
            }
        }
    }

    /** The data: the smallest overview's after its IFD, then every larger level's after the next smaller one's. */
    private static void dataOrder(List<CogLevel> levels, List<String> errors) {
        int last = levels.size() - 1;
        long smallest = levels.get(last).firstDataOffset();
        if (smallest != 0 && smallest < levels.get(last).ifdOffset()) {
            errors.add(last > 0 ? "The offset of the first block of the smallest overview should be after its IFD"
                    : "The offset of the first block of the image should be after its IFD");
        }
        for (int i = last - 1; i > 0; i--) {
            long here = levels.get(i).firstDataOffset();
            if (here != 0 && here < levels.get(i + 1).firstDataOffset()) {
                errors.add("The offset of the first block of overview of index " + (i - 1) + " should be after the one of the overview of index " + i);
            }
        }
        long full = levels.get(0).firstDataOffset();
        if (last > 0 && full != 0 && full < levels.get(1).firstDataOffset()) {
            errors.add("The offset of the first block of the main resolution image should be after the one of the overview of index " + (last - 1));
        }
    }

    /** The promises of the structural metadata, block by block: order, size leader, repeated trailer. */
    private static void blocks(TiffSource source, CogLevel level, GhostArea ghost, List<String> errors) {
        List<String> found = new ArrayList<>();
        long lastOffset = 0;
        for (int b = 0; b < level.blocks(); b++) {
            long offset = level.offset(b);
            long count = level.byteCount(b);
            if (offset > 0) {
                if (ghost.rowMajor() && offset < lastOffset) {
                    found.add(level.name() + ": offset of " + level.block(b) + " is smaller than previous block");
                }
                if (ghost.sizeLeaders()) {
                    long leader = uint32(source, offset - 4, level.name() + " " + level.block(b) + " leader");
                    if (leader != count) {
                        found.add(level.name() + ": for " + level.block(b) + ", size in leader bytes is " + leader + " instead of " + count);
                    }
                }
                if (ghost.repeatedTrailers() && count >= 4 && !trailerRepeats(source, offset + count - 4)) {
                    found.add(level.name() + ": for " + level.block(b) + ", trailer bytes are invalid");
                }
            }
            // As GDAL: a sparse block resets the order check.
            lastOffset = offset;
        }
        errors.addAll(found.subList(0, Math.min(found.size(), MAX_BLOCK_ERRORS)));
        if (found.size() > MAX_BLOCK_ERRORS) {
            errors.add(level.name() + ": " + (found.size() - MAX_BLOCK_ERRORS) + " more block errors not listed");
        }
    }

    private static long uint32(TiffSource source, long at, String what) {
        return source.read(at, 4, what).order(ByteOrder.LITTLE_ENDIAN).getInt(0) & 0xffffffffL;
    }

    /** Whether the 4 bytes at {@code at} repeat after it; a trailer cut off by the end of the file does not. */
    private static boolean trailerRepeats(TiffSource source, long at) {
        if (source.size() - at < 8) {
            return false;
        }
        ByteBuffer b = source.read(at, 8, "block trailer");
        return b.getInt(0) == b.getInt(4);
    }

    /** GDAL's name of the sample type: UInt16, Float32, ... */
    private static String dataType(TiffDirectory d) {
        long bits = d.integer(TiffTag.BITS_PER_SAMPLE, 1);
        long format = d.integer(TiffTag.SAMPLE_FORMAT, 1);
        String kind = format == 1 ? "UInt" : format == 2 ? "Int" : format == 3 ? "Float" : "SampleFormat " + format + " of ";
        String type = format == 1 && bits == 8 ? "Byte" : kind + bits;
        long bands = d.integer(TiffTag.SAMPLES_PER_PIXEL, 1);
        return bands == 1 ? type : bands + " x " + type;
    }
}
