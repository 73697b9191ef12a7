package org.alos2ingest.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.sample.SampleDelivery;
import org.alos2ingest.sample.SampleProduct;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.Deliveries;
import org.alos2ingest.testing.HostileZips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad delivery ends the same way: exit code 1, one error line naming the file and the
 * problem, an empty catalog, nothing published and no work files left behind.
 */
class BadInputTest {

    @TempDir
    Path tmp;

    private Path home() {
        return tmp.resolve("home");
    }

    /** Ingests {@code input}; asserts the failure contract; returns the error line. */
    private String failsCleanly(Path input, String expectedProblem) throws IOException {
        CliRun r = CliRun.run(home(), "ingest", input.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        List<String> errors = r.errorLines();
        assertEquals(1, errors.size(), r.err());
        String line = errors.get(0);
        assertTrue(line.contains(input.getFileName().toString()), "names the file: " + line);
        assertTrue(line.contains(expectedProblem), "says '" + expectedProblem + "': " + line);
        assertNothingLeft();
        return line;
    }

    private void assertNothingLeft() throws IOException {
        try (SqliteCatalog c = new SqliteCatalog(home().resolve("catalog.sqlite"))) {
            assertEquals(0, c.count(), "catalog is empty");
        }
        for (String dir : List.of("published", "work")) {
            Path d = home().resolve(dir);
            if (Files.exists(d)) {
                try (Stream<Path> s = Files.walk(d)) {
                    assertEquals(List.of(), s.filter(Files::isRegularFile).toList(), dir + " holds no file");
                }
            }
        }
    }

    @Test
    void notAZip() throws IOException {
        Path f = Files.writeString(tmp.resolve("0000000001_001001_ALOS2146686640-170209.zip"), "hello, I am text");
        failsCleanly(f, "not a zip file");
    }

    @Test
    void anHtmlPageSavedAsAZip() throws IOException {
        Path f = Files.writeString(tmp.resolve("order.zip"), "<!DOCTYPE html><html><body>Login</body></html>");
        failsCleanly(f, "HTML page");
    }

    @Test
    void truncatedZip() throws IOException {
        Path zip = Deliveries.zip(tmp.resolve("in"), "fbd", 200);
        HostileZips.truncate(zip, 0.6);
        failsCleanly(zip, "truncated or damaged zip");
    }

    @Test
    void crcError() throws IOException {
        SampleSpec spec = SampleSpec.preset("fbd").withWidth(200);
        Path product = tmp.resolve("product");
        List<Path> files = new SampleProduct(spec).write(product);
        Path zip = tmp.resolve(spec.deliveryName());
        SampleDelivery.zip(files, product, zip, 0);
        HostileZips.corrupt(zip, "Scs_SceneID");
        failsCleanly(zip, "CRC error in entry 'summary.txt'");
    }

    @Test
    void zipSlip() throws IOException {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("summary.txt", "Scs_SceneID=\"x\"\n".getBytes(StandardCharsets.US_ASCII));
        e.put("../../evil.sh", "rm -rf /".getBytes(StandardCharsets.US_ASCII));
        Path zip = HostileZips.zip(tmp.resolve("slip.zip"), e);
        failsCleanly(zip, "entry '../../evil.sh' would be written outside the extraction folder");
        assertTrue(Files.notExists(tmp.resolve("evil.sh")) && Files.notExists(home().resolve("evil.sh")));
    }

    @Test
    void absolutePathEntry() throws IOException {
        Path zip = HostileZips.zip(tmp.resolve("abs.zip"), Map.of("/tmp/alos2-evil.txt", new byte[] {1}));
        failsCleanly(zip, "has an absolute path");
    }

    @Test
    void symbolicLinkEntry() throws IOException {
        Path zip = HostileZips.withSymlink(tmp.resolve("link.zip"), "IMG-HH-ALOS2146686640-170209-FBDR1.5GUA.tif", "/etc/passwd");
        failsCleanly(zip, "is a symbolic link");
    }

    @Test
    void zipBomb() throws IOException {
        Path zip = HostileZips.bomb(tmp.resolve("bomb.zip"), 300);
        String line = failsCleanly(zip, "zip bomb");
        assertTrue(line.contains("over the limit of 100:1"), line);
    }

    @Test
    void entryThatLiesAboutItsSize() throws IOException {
        byte[] data = new byte[3 << 20];
        new java.util.Random(1).nextBytes(data);
        Path zip = HostileZips.zip(tmp.resolve("liar.zip"), Map.of("IMG-HH-ALOS2146686640-170209-FBDR1.5GUA.tif", data));
        HostileZips.lieAboutSize(zip, 2 << 20);
        failsCleanly(zip, "inflates beyond its declared");
    }

    @Test
    void zipWithoutImageFiles() throws IOException {
        Path zip = HostileZips.zip(tmp.resolve("0000000001_001001_ALOS2146686640-170209.zip"),
                Map.of("readme.txt", "nothing here".getBytes(StandardCharsets.US_ASCII),
                        "summary.txt", "Scs_SceneID=\"ALOS2146686640-170209\"\n".getBytes(StandardCharsets.US_ASCII)));
        failsCleanly(zip, "no ALOS-2 image files found");
    }

    @Test
    void unknownLevel() throws IOException {
        Path zip = HostileZips.zip(tmp.resolve("level.zip"),
                Map.of("IMG-HH-ALOS2146686640-170209-FBDR4.2GUA.tif", new byte[] {'I', 'I', 42, 0}));
        String line = failsCleanly(zip, "unknown processing level '4.2'");
        assertTrue(line.contains("IMG-HH-ALOS2146686640-170209-FBDR4.2GUA.tif"), line);
    }

    @Test
    void level10IsRefusedWithAReason() throws IOException {
        Path zip = HostileZips.zip(tmp.resolve("raw.zip"),
                Map.of("IMG-HH-ALOS2146686640-170209-FBDR1.0__A", new byte[] {0, 0, 0, 1}));
        failsCleanly(zip, "Level 1.0 is raw signal data");
    }

    @Test
    void alos1Names() throws IOException {
        Path zip = HostileZips.zip(tmp.resolve("ALPSRP123456780.zip"),
                Map.of("IMG-HH-ALPSRP123456780-H1.5GUA", new byte[] {'I', 'I', 42, 0},
                        "summary.txt", "Scs_SceneID=\"ALPSRP123456780\"\n".getBytes(StandardCharsets.US_ASCII)));
        String line = failsCleanly(zip, "ALOS-1 PALSAR product");
        assertTrue(line.contains("IMG-HH-ALPSRP123456780-H1.5GUA"), line);
    }

    @Test
    void emptySummary() throws IOException {
        SampleSpec spec = SampleSpec.preset("fbd").withWidth(160);
        Path product = tmp.resolve("product");
        List<Path> files = new SampleProduct(spec).write(product);
        Files.writeString(product.resolve("summary.txt"), "");
        Path zip = tmp.resolve(spec.deliveryName());
        SampleDelivery.zip(files, product, zip, 1);
        String line = failsCleanly(zip, "summary.txt is empty");
        assertTrue(line.contains("summary.txt"), line);
    }

    @Test
    void notEnoughDiskSpace() throws IOException {
        Path zip = Deliveries.zip(tmp.resolve("in"), "fbd", 200);
        // A limit no disk can meet stands in for a full disk.
        CliRun r = CliRun.run(home(), "ingest", "--max-unpacked-size", "1K", zip.toString());
        assertEquals(1, r.code());
        assertTrue(r.errorLines().get(0).contains("over the limit of 1.0 KiB per delivery"), r.err());
        assertNothingLeft();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, CliRun.run(home(), "ingest").code());
        assertEquals(2, CliRun.run(home(), "ingest", "--no-such-option", "x.zip").code());
        assertEquals(2, CliRun.run(home(), "search", "--bbox", "1,2,3").code());
    }

    @Test
    void missingFile() throws IOException {
        failsCleanly(tmp.resolve("nowhere.zip"), "does not exist");
    }
}
