package org.alos2ingest.format.ceos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.alos2ingest.sample.ceos.CeosSampleProduct;
import org.alos2ingest.testing.L11Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFileTest {

    @TempDir
    static Path dir;
    static Path img;
    static byte[] bytes;
    static CeosSampleProduct product;

    @BeforeAll
    static void generate() throws Exception {
        product = L11Samples.write(L11Samples.stripmap(), dir.resolve("p"));
        img = dir.resolve("p").resolve(product.imageNames("HH").get(0));
        bytes = Files.readAllBytes(img);
    }

    private static Path variant(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void readsTheDescriptorAndTheFirstAndLastLinesOnly() {
        ReadCounter c = new ReadCounter();
        ImageFile f = ImageFile.read(img, c);
        var im = product.geometry().images().get(0);
        assertEquals(im.lines(), f.lines());
        assertEquals(im.pixels(), f.pixels());
        assertEquals(ImageFile.Kind.SIGNAL, f.kind());
        SignalDataRecord first = f.firstSignal().orElseThrow();
        assertEquals(im.start(), first.time());
        assertEquals(im.end(), f.lastSignal().orElseThrow().time());
        assertEquals(im.nearRange(), first.slantRange());
        assertEquals("HH", first.polarisation());
        assertEquals(12 + 720 + 2 * (12 + 544), c.bytes(), "the descriptor and two line prefixes, each after its preamble");
        assertTrue(first.time().isAfter(Instant.parse("2014-09-09T04:33:00Z")));
    }

    @Test
    void truncatedImage() throws Exception {
        Path p = variant("IMG-truncated", java.util.Arrays.copyOf(bytes, bytes.length - 1000));
        CeosFormatException e = assertThrows(CeosFormatException.class, () -> ImageFile.read(p, new ReadCounter()));
        assertEquals(bytes.length - 1000, e.offset());
        assertTrue(e.getMessage().contains("truncated image file?"), e.getMessage());
    }

    @Test
    void aLineOfTheWrongType() throws Exception {
        byte[] b = bytes.clone();
        b[720 + 5] = 11;
        Path p = variant("IMG-wrongtype", b);
        CeosFormatException e = assertThrows(CeosFormatException.class, () -> ImageFile.read(p, new ReadCounter()));
        assertEquals(724, e.offset());
        assertTrue(e.getMessage().contains("expected a signal data record (type 50,10,18,20) for the first line, found type 50,11,18,20"));
    }

    @Test
    void aDescriptorWhoseRecordLengthLies() throws Exception {
        byte[] b = bytes.clone();
        int length = ByteBuffer.wrap(b).getInt(720 + 8);
        System.arraycopy(String.format("%6d", length + 8).getBytes(), 0, b, 186, 6);
        Path p = variant("IMG-lyinglength", b);
        CeosFormatException e = assertThrows(CeosFormatException.class, () -> ImageFile.read(p, new ReadCounter()));
        assertEquals(bytes.length, e.offset());
        assertTrue(e.getMessage().contains("announces"), e.getMessage());
    }

    @Test
    void aLineNumberOutOfPlace() throws Exception {
        byte[] b = bytes.clone();
        int length = ByteBuffer.wrap(b).getInt(720 + 8);
        int last = b.length - length;
        ByteBuffer.wrap(b).putInt(last + 12, 7);
        Path p = variant("IMG-linenumber", b);
        CeosFormatException e = assertThrows(CeosFormatException.class, () -> ImageFile.read(p, new ReadCounter()));
        assertEquals(last + 12, e.offset());
        assertTrue(e.getMessage().contains("says line 7 where line"), e.getMessage());
    }
}
