package org.alos2ingest.format.geotiff;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * GDAL's structural metadata, the "ghost" area a COG carries between its header and its first IFD:
 * {@code GDAL_STRUCTURAL_METADATA_SIZE=%06d bytes\n} and that many bytes of {@code KEY=VALUE} lines
 * promising how the tiles are laid out (row-major order, a 4-byte size before each tile, its last 4
 * bytes repeated after it), which a reader may then rely on without checking.
 *
 * @param present      whether the file starts with one
 * @param expectedIfd  where the first IFD must start: right after the header, or after the ghost
 *                     area rounded up to an even offset
 * @param body         the text after the size line (empty when absent)
 */
record GhostArea(boolean present, long expectedIfd, String body) {

    private static final String PREFIX = "GDAL_STRUCTURAL_METADATA_SIZE=";
    /** The first line with a zero size: how many bytes the line always takes. */
    private static final int LINE_LENGTH = (PREFIX + "000000 bytes\n").length();

    /** Reads the ghost area after the header, if there is one; a size that is no number is an error. */
    static GhostArea read(TiffSource source, boolean bigTiff) {
        long at = bigTiff ? 16 : 8;
        if (source.size() - at < LINE_LENGTH) {
            return new GhostArea(false, at, "");
        }
        ByteBuffer line = source.read(at, LINE_LENGTH, "GDAL structural metadata");
        String text = StandardCharsets.ISO_8859_1.decode(line).toString();
        if (!text.startsWith(PREFIX)) {
            return new GhostArea(false, at, "");
        }
        String digits = text.substring(PREFIX.length(), PREFIX.length() + 6);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw source.error(at + PREFIX.length(), "GDAL_STRUCTURAL_METADATA_SIZE is '" + digits + "', expected 6 digits");
        }
        int size = Integer.parseInt(digits);
        // GDAL reads what there is of a body cut by the end of the file, and so does this.
        long bodyAt = at + LINE_LENGTH;
        int available = (int) Math.min(size, source.size() - bodyAt);
        String body = StandardCharsets.ISO_8859_1.decode(source.read(bodyAt, available, "GDAL structural metadata")).toString();
        long expected = bodyAt + size;
        expected += expected % 2;
        return new GhostArea(true, expected, body);
    }

    /** Its KEY=VALUE lines, in order. */
    List<String> options() {
        return body.lines().map(String::strip).filter(l -> l.contains("=")).toList();
    }

    /** Whether the body declares {@code option}; anywhere in it, as GDAL's validator looks. */
    boolean has(String option) {
        return body.contains(option);
    }

    boolean rowMajor() {
        return has("BLOCK_ORDER=ROW_MAJOR");
    }

    boolean sizeLeaders() {
        return has("BLOCK_LEADER=SIZE_AS_UINT4");
    }

    boolean repeatedTrailers() {
        return has("BLOCK_TRAILER=LAST_4_BYTES_REPEATED");
    }

    boolean knownIncompatibleEdition() {
        return has("KNOWN_INCOMPATIBLE_EDITION=YES");
    }
}
