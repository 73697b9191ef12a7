package org.alos2ingest.unpack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.alos2ingest.format.ceos.ReadCounter;
import org.alos2ingest.testing.FuzzInputs;
import org.alos2ingest.util.FileTrees;
import org.alos2ingest.util.Progress;

/**
 * A delivery zip as it arrives: its central directory ({@link Unpacker#listEntries}), the unpacker
 * (checks, parallel inflate with CRC, nested zips) and {@code inspect}'s {@link ZipPeek}. Bad input
 * must end in an {@link UnpackException} naming the zip.
 */
class UnpackerFuzzTest {

    /** Small bounds, so that a bomb is refused by the limits rather than by the disk. */
    private static final UnpackLimits LIMITS = UnpackLimits.defaults().withMaxTotalBytes(64L << 20).withFreeSpaceMargin(0);

    @FuzzTest(maxDuration = "10s")
    void centralDirectory(byte[] input) {
        Path zip = FuzzInputs.file("delivery.zip", input);
        try {
            Unpacker.listEntries(zip);
        } catch (UnpackException e) {
            FuzzInputs.refused(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void unpack(byte[] input) {
        Path zip = FuzzInputs.file("delivery.zip", input);
        Path target = FuzzInputs.path("unpacked");
        FileTrees.deleteQuietly(target);
        try {
            new Unpacker(LIMITS, Progress.silent(), 1).unpack(zip, target);
        } catch (UnpackException e) {
            FuzzInputs.refused(e);
        } finally {
            FileTrees.deleteQuietly(target);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void peek(byte[] input) {
        Path zip = FuzzInputs.file("delivery.zip", input);
        Path target = FuzzInputs.path("peeked");
        FileTrees.deleteQuietly(target);
        try {
            Files.createDirectories(target);
            ZipPeek.peek(zip, target, new ReadCounter());
        } catch (UnpackException e) {
            FuzzInputs.refused(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            FileTrees.deleteQuietly(target);
        }
    }
}
