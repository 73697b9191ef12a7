package org.alos2ingest.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zips that the JDK's two readers (central directory, and local headers streamed) read back whole, CRCs checked. */
class ParallelZipTest {

    @TempDir
    Path tmp;

    private List<Path> files() throws IOException {
        SplittableRandom r = new SplittableRandom(9);
        Path dir = Files.createDirectories(tmp.resolve("product"));
        List<Path> files = new ArrayList<>();
        // an image of 16-bit speckle, 3.5 MiB: more than three chunks, the last one partial
        byte[] image = new byte[3 * (1 << 20) + 524_289];
        for (int i = 0; i < image.length; i += 2) {
            int v = (int) (900 * Math.sqrt(-2 * Math.log(1 - r.nextDouble())));
            image[i] = (byte) v;
            if (i + 1 < image.length) {
                image[i + 1] = (byte) (v >>> 8);
            }
        }
        files.add(Files.write(dir.resolve("IMG-HH.tif"), image));
        files.add(Files.writeString(dir.resolve("summary.txt"), "Odi_SceneId=\"ALOS2146686640-170209\"\n".repeat(200)));
        files.add(Files.write(dir.resolve("empty.txt"), new byte[0]));
        // exactly one chunk: its end is only known when the next read finds nothing
        byte[] chunk = new byte[1 << 20];
        r.nextBytes(chunk);
        files.add(Files.write(dir.resolve("IMG-HV.tif"), chunk));
        return files;
    }

    @Test
    void imagesByLiteralsAndTextByZlibReadBackWhole() throws IOException {
        List<Path> files = files();
        Path zip = tmp.resolve("p.zip");
        ParallelZip.write(files, f -> f.getFileName().toString(), zip, 6, 1 << 20, Progress.silent().start("zip", 0, Progress.Unit.BYTES));
        assertReadsBack(files, zip);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            long image = Files.size(files.get(0));
            long coded = z.getEntry("IMG-HH.tif").getCompressedSize();
            assertTrue(coded < 0.9 * image, "speckle coded: " + coded + " of " + image);
            long text = Files.size(files.get(1));
            assertTrue(z.getEntry("summary.txt").getCompressedSize() < text / 10, "text by zlib's string matching");
            assertTrue(z.getEntry("IMG-HV.tif").getCompressedSize() <= (1 << 20) + 100, "random bytes stored, not grown");
        }
        assertEquals(List.of(), leftovers(), "no scratch or hidden zip left");
    }

    /** Readers others wrote: CPython's zipfile checks every CRC, GDAL's /vsizip/ inflates each entry. */
    @Test
    void pythonAndGdalReadTheEntriesAsWritten() throws Exception {
        List<Path> files = files();
        Path zip = tmp.resolve("p.zip");
        ParallelZip.write(files, f -> f.getFileName().toString(), zip, 6, 1 << 20, Progress.silent().start("zip", 0, Progress.Unit.BYTES));
        String script = String.join("\n",
                "import sys, zipfile, hashlib",
                "from osgeo import gdal",
                "z = sys.argv[1]",
                "print('bad entry:', zipfile.ZipFile(z).testzip())",
                "for name in sys.argv[2:]:",
                "    f = gdal.VSIFOpenL('/vsizip/' + z + '/' + name, 'rb')",
                "    data = b''",
                "    while True:",
                "        b = gdal.VSIFReadL(1, 1 << 20, f)",
                "        if not b:",
                "            break",
                "        data += b",
                "    gdal.VSIFCloseL(f)",
                "    print(name, hashlib.sha256(data).hexdigest())");
        List<String> args = new ArrayList<>(List.of(zip.toString()));
        StringBuilder expected = new StringBuilder("bad entry: None\n");
        for (Path f : files) {
            args.add(f.getFileName().toString());
            byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
            expected.append(f.getFileName()).append(' ').append(java.util.HexFormat.of().formatHex(sha)).append('\n');
        }
        assertEquals(expected.toString(), org.alos2ingest.testing.Gdal.python(script, args.toArray(String[]::new)));
    }

    @Test
    void storedAndZlibOnlyZipsReadBackWhole() throws IOException {
        List<Path> files = files();
        for (int level : new int[] {0, 1}) {
            Path zip = tmp.resolve("p" + level + ".zip");
            ParallelZip.write(files, f -> "d/" + f.getFileName(), zip, level, Progress.silent().start("zip", 0, Progress.Unit.BYTES));
            assertReadsBack(files, zip);
            try (ZipFile z = new ZipFile(zip.toFile())) {
                assertEquals(level == 0 ? ZipEntry.STORED : ZipEntry.DEFLATED, z.getEntry("d/IMG-HH.tif").getMethod());
            }
        }
    }

    private static void assertReadsBack(List<Path> files, Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> en = z.entries();
            int i = 0;
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                names.add(e.getName());
                try (InputStream in = z.getInputStream(e)) {
                    // the JDK's reader checks the CRC-32 at the end of each entry
                    assertArrayEquals(Files.readAllBytes(files.get(i)), in.readAllBytes(), e.getName());
                }
                assertEquals(Files.size(files.get(i)), e.getSize());
                i++;
            }
        }
        assertEquals(files.size(), names.size(), "entries in the order of the files: " + names);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            int i = 0;
            for (ZipEntry e; (e = in.getNextEntry()) != null; i++) {
                assertEquals(names.get(i), e.getName());
                assertArrayEquals(Files.readAllBytes(files.get(i)), in.readAllBytes(), "streamed " + e.getName());
            }
            assertEquals(files.size(), i);
        }
    }

    private List<String> leftovers() throws IOException {
        try (var s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }
}
