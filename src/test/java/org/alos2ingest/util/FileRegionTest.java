package org.alos2ingest.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRegionTest {

    @TempDir
    Path tmp;

    private Path file(int n) throws IOException {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return Files.write(tmp.resolve("f"), b);
    }

    @Test
    void readsExactlyTheRegionThenEnds() throws IOException {
        Path f = file(100_000);
        byte[] all = Files.readAllBytes(f);
        FileChannel ch = FileChannel.open(f, StandardOpenOption.READ);
        try (InputStream in = new FileRegion(ch, 1234, 50_000)) {
            assertEquals(all[1234] & 0xff, in.read(), "one byte at a time too");
            byte[] rest = in.readAllBytes();
            assertArrayEquals(Arrays.copyOfRange(all, 1235, 1234 + 50_000), rest);
            assertEquals(-1, in.read());
            assertEquals(0, ch.position(), "read by position: the channel's own position stays");
        }
        assertFalse(ch.isOpen(), "closing the stream closes the channel");
    }

    @Test
    void aFileEndingBeforeTheRegionIsAnErrorNotAShortStream() throws IOException {
        Path f = file(1000);
        try (InputStream in = new FileRegion(FileChannel.open(f, StandardOpenOption.READ), 900, 200)) {
            IOException e = assertThrows(IOException.class, in::readAllBytes);
            assertTrue(e.getMessage().startsWith("the file ends at byte 1000, 100 bytes before"), e.getMessage());
        }
    }
}
