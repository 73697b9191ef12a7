package org.alos2ingest.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.alos2ingest.format.geotiff.CogWriter;
import org.alos2ingest.format.geotiff.GeoTiffImage;
import org.alos2ingest.sample.SampleProduct;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.util.FileTrees;

/**
 * Writes the fuzz targets' seed inputs into {@code src/test/resources/<package>/<Class>Inputs/<method>/}
 * from the real JAXA fixtures and from generated products, zips and pages, small enough to commit.
 * Jazzer replays them in every {@code mvn test} and starts its mutations from them.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) org.alos2ingest.testing.FuzzSeeds</pre>
 */
public final class FuzzSeeds {

    private static final Path RESOURCES = Path.of("src/test/resources/org/alos2ingest");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/geotiff-l15");
    /** Larger seeds slow every mutation down (libFuzzer sizes its inputs by the largest seed). */
    private static final int MAX_SEED = 64 << 10;

    private FuzzSeeds() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("fuzz-seeds-");
        try {
            identify();
            ceos(work);
            geoTiff(work);
            zips(work);
            fetch();
            cql2();
            serve();
        } finally {
            FileTrees.deleteQuietly(work);
        }
    }

    private static void identify() throws IOException {
        try (Stream<Path> s = Files.walk(FIXTURES)) {
            for (Path p : s.filter(f -> f.getFileName().toString().equals("summary.txt")).toList()) {
                seed("identify/SummaryFileFuzzTestInputs/summaryTxt", Files.readAllBytes(p));
            }
        }
        seed("identify/SummaryFileFuzzTestInputs/summaryTxt", text("Scs_SceneID=\"ALOS2015976960-140909\"\r\nPdi_NoOfPixels_1=\" 9196\"\r\n"
                + "Img_SceneCenterDateTime=\"20140909 04:33:47.052\"\r\nPdi_ProductFormat=\"CEOS\"\r\n"));
        for (String name : List.of("IMG-HH-ALOS2015976960-140909-FBDR1.5GUA", "IMG-HV-ALOS2101143750-160407-WBDR1.1__D-F3",
                "LUT-HH-ALOS2337294000-200821-UBSL1.5GUD.txt", "ALOS2146686640-170209_FBDR1.5GUA.kml", "VOL-ALOS2015976960-140909-FBDR1.1__A",
                "IMG-HH-ALOS2146686640-170209-FBDR1.5GUA.tif", "BRS-HH-ALOS2337294000-200821-UBSL1.5GUD.jpg", "ALPSRP123456789-H1.1__A",
                "0000148073_001001_ALOS2146686640-170209.zip", "summary.txt")) {
            seed("identify/ProductFileNameFuzzTestInputs/fileName", text(name));
        }
    }

    /** A Level 1.1 and a Level 1.5 product; image files cut to two lines (their descriptors say so) to stay small. */
    private static void ceos(Path work) throws Exception {
        Path l11 = work.resolve("l11");
        L11Samples.write(L11Samples.stripmap(), l11);
        Path l15 = CeosLevel15Product.write(work.resolve("l15"));
        for (Path folder : List.of(l11, l15)) {
            try (Stream<Path> s = Files.walk(folder)) {
                for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                    String name = f.getFileName().toString();
                    byte[] b = Files.readAllBytes(f);
                    if (name.startsWith("VOL-")) {
                        seed("format/ceos/CeosFilesFuzzTestInputs/volumeDirectory", b);
                    } else if (name.startsWith("LED-") && b.length <= MAX_SEED) {
                        seed("format/ceos/CeosFilesFuzzTestInputs/leader", b);
                    } else if (name.startsWith("TRL-")) {
                        seed("format/ceos/CeosFilesFuzzTestInputs/trailer", smallQuickLook(b));
                    } else if (name.startsWith("IMG-") && !name.endsWith(".tif")) {
                        seed("format/ceos/CeosFilesFuzzTestInputs/imageFile", twoLines(b));
                    } else if (name.equals("summary.txt")) {
                        seed("identify/SummaryFileFuzzTestInputs/summaryTxt", b);
                    }
                }
            }
        }
    }

    /**
     * The trailer's one quick-look shrunk to 16 x 16 bytes (count, length, pixels, lines and bytes per
     * sample at bytes 491-522 of the descriptor), the file cut after it.
     */
    private static byte[] smallQuickLook(byte[] trl) {
        int descriptor = ByteBuffer.wrap(trl, 8, 4).getInt();
        byte[] out = java.util.Arrays.copyOf(trl, descriptor + 16 * 16);
        System.arraycopy(String.format("%6d%8d%6d%6d%6d", 1, 256, 16, 16, 1).getBytes(StandardCharsets.US_ASCII), 0, out, 491, 32);
        return out;
    }

    /** The image file descriptor's record count (bytes 180-185) set to 2, and the file cut after the second line. */
    private static byte[] twoLines(byte[] img) {
        int fdr = ByteBuffer.wrap(img, 8, 4).getInt();
        int recordLength = Integer.parseInt(new String(img, 186, 6, StandardCharsets.US_ASCII).strip());
        long records = Long.parseLong(new String(img, 180, 6, StandardCharsets.US_ASCII).strip());
        if (records <= 2) {
            return img;
        }
        byte[] out = java.util.Arrays.copyOf(img, fdr + 2 * recordLength);
        System.arraycopy("     2".getBytes(StandardCharsets.US_ASCII), 0, out, 180, 6);
        return out;
    }

    /** A 32 x 32 GeoTIFF shaped like the FBD fixture (strips, as JAXA writes them) and its tiled Deflate COG. */
    private static void geoTiff(Path work) throws IOException {
        SampleSpec p = SampleSpec.preset("fbd");
        SampleSpec small = new SampleSpec(p.name(), 32, 32, p.pixelSpacing() * p.width() / 32, p.epsg(), p.originX(), p.originY(), p.quad(),
                p.centreTime(), p.durationSeconds(), List.of("HH"), p.offNadir(), p.order(), p.seed(), 0, 0);
        for (Path f : new SampleProduct(small).write(work.resolve("tif"))) {
            if (f.getFileName().toString().endsWith(".tif")) {
                seed("format/geotiff/GeoTiffFuzzTestInputs/geoTiffImage", Files.readAllBytes(f));
                seed("format/geotiff/GeoTiffFuzzTestInputs/geoTiffGrid", Files.readAllBytes(f));
                for (CogWriter.SampleType type : CogWriter.SampleType.values()) {
                    byte[] cog = Files.readAllBytes(smallCog(f, work.resolve("cog-" + type + ".tif"), type));
                    seed("format/geotiff/GeoTiffFuzzTestInputs/geoTiffImage", cog);
                    seed("format/geotiff/GeoTiffFuzzTestInputs/geoTiffGrid", cog);
                }
            }
        }
    }

    /** A COG as render writes them (Deflate tiles, overviews), with 16-pixel tiles instead of 512 to stay small. */
    private static Path smallCog(Path source, Path cog, CogWriter.SampleType type) throws IOException {
        int tile = 16;
        try (GeoTiffImage image = GeoTiffImage.open(source); GeoTiffImage.RowReader rows = image.rows();
             CogWriter w = new CogWriter(cog, new CogWriter.Spec(image.width(), image.height(), type, tile, image.geoTags(), "0", null, null, Map.of()))) {
            short[] level = new short[image.width() * image.height()];
            rows.read(0, image.height(), level, 0);
            for (int l = 0; l < w.levels(); l++) {
                if (l > 0) {
                    short[] half = new short[w.width(l) * w.height(l)];
                    for (int y = 0; y < w.height(l); y++) {
                        for (int x = 0; x < w.width(l); x++) {
                            half[y * w.width(l) + x] = level[2 * y * w.width(l - 1) + 2 * x];
                        }
                    }
                    level = half;
                }
                for (int t = 0; t < w.tileRows(l); t++) {
                    short[] band = new short[w.rowsIn(l, t) * w.width(l)];
                    System.arraycopy(level, t * tile * w.width(l), band, 0, band.length);
                    if (type == CogWriter.SampleType.UINT16) {
                        w.append(w.encode(l, t, band));
                    } else {
                        float[] db = new float[band.length];
                        for (int i = 0; i < db.length; i++) {
                            db[i] = band[i] == 0 ? Float.NaN : (float) (20 * Math.log10(band[i] & 0xffff) - 83);
                        }
                        w.append(w.encode(l, t, db));
                    }
                }
            }
            w.finish();
        }
        return cog;
    }

    private static void zips(Path work) throws IOException {
        Map<String, byte[]> product = new LinkedHashMap<>();
        product.put("ALOS2146686640-170209/summary.txt", Files.readAllBytes(FIXTURES.resolve("ALOS2146686640-170209/summary.txt")));
        product.put("ALOS2146686640-170209/ALOS2146686640-170209_FBDR1.5GUA.kml",
                Files.readAllBytes(FIXTURES.resolve("ALOS2146686640-170209/ALOS2146686640-170209_FBDR1.5GUA.kml")));
        product.put("ALOS2146686640-170209/IMG-HH-ALOS2146686640-170209-FBDR1.5GUA.tif", new byte[4096]);
        List<Path> zips = new java.util.ArrayList<>();
        zips.add(HostileZips.zip(work.resolve("product.zip"), product));
        Path inner = HostileZips.zip(work.resolve("inner.zip"), Map.of("summary.txt", text("Pdi_ProductFormat=\"GeoTIFF\"\n")));
        zips.add(HostileZips.zip(work.resolve("nested.zip"), Map.of("0000148073_001001_ALOS2146686640-170209.zip", Files.readAllBytes(inner))));
        zips.add(HostileZips.withSymlink(work.resolve("symlink.zip"), "summary.txt", "/etc/passwd"));
        zips.add(HostileZips.zip(work.resolve("escape.zip"), Map.of("../../evil.txt", text("x"))));
        zips.add(HostileZips.bomb(work.resolve("bomb.zip"), 2));
        Path lying = HostileZips.zip(work.resolve("lying.zip"), Map.of("summary.txt", text("Pdi_ProductFormat=\"CEOS\"\n")));
        HostileZips.lieAboutSize(lying, 3);
        zips.add(lying);
        for (Path z : zips) {
            byte[] b = Files.readAllBytes(z);
            seed("unpack/UnpackerFuzzTestInputs/centralDirectory", b);
            seed("unpack/UnpackerFuzzTestInputs/unpack", b);
            seed("unpack/UnpackerFuzzTestInputs/peek", b);
        }
    }

    private static void fetch() {
        for (String netrc : List.of("machine www.auig2.jaxa.jp login alice password pw-1\n",
                "# portals\nmachine sentinel.tksc.jaxa.jp\n  login \"bob smith\"\n  password \"p\\\"w\"\n\ndefault login anon password x\n",
                "macdef init\ncd /pub\n\nmachine a.example login u password p port 443 account acc\n")) {
            seed("fetch/NetrcFuzzTestInputs/netrc", text(netrc));
        }
        for (String cd : List.of("attachment; filename=0000148073_001001_ALOS2146686640-170209.zip",
                "attachment; filename=\"ALOS2 \\\"delivery\\\".zip\"", "attachment; filename*=UTF-8''%E2%82%AC%20rates.zip; filename=\"fallback.zip\"",
                "inline; filename=../../etc/passwd", "attachment; filename*=ISO-8859-1'en'%A3%20rates.zip")) {
            seed("fetch/ContentDispositionFuzzTestInputs/fileName", text(cd));
        }
        seed("fetch/FolderListingFuzzTestInputs/indexPage", text("""
                <html><head><title>Index of /alos2/deliveries</title></head><body><h1>Index of /alos2/deliveries</h1>
                <a href="../">../</a>
                <a href="0000148073_001001_ALOS2146686640-170209.zip">0000148073_001001_ALOS2146686640-170209.zip</a> 12-Feb-2017 10:01  1.2G
                <a href='sub/'>sub/</a><a href=ALOS2%20scene.zip>x</a><a href="/alos2/deliveries/b.zip?x=1">q</a>
                <a href="https://elsewhere.example/c.zip">c</a><a href="d.ZIP">d</a><a href="e.zip#frag">e</a>
                </body></html>"""));
        seed("fetch/FolderListingFuzzTestInputs/propfind", text("""
                <?xml version="1.0" encoding="utf-8"?>
                <D:multistatus xmlns:D="DAV:">
                <D:response><D:href>/alos2/deliveries/</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop>
                <D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
                <D:response><D:href>/alos2/deliveries/0000148073_001001_ALOS2146686640-170209.zip</D:href><D:propstat><D:prop>
                <D:resourcetype/><D:getcontentlength>1234567</D:getcontentlength><D:getetag>"abc-123"</D:getetag></D:prop>
                <D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
                <D:response><D:href>https://data.example.org/alos2/deliveries/b%20c.zip</D:href><D:propstat><D:prop>
                <D:resourcetype/><D:getcontentlength>x</D:getcontentlength></D:prop></D:propstat></D:response>
                </D:multistatus>"""));
        String welcome = "<html><head><title>AUIG2 - Top</title></head><body>Welcome</body></html>";
        String orders = "[{\"orderId\":\"0000148073\",\"orderDate\":\"2024/05/01\",\"status\":\"Providing preparation completion\"},"
                + "{\"orderId\":\"0000148074\",\"orderDate\":\"2024/05/02\",\"status\":\"Receiving of order\"}]";
        seed("fetch/Auig2OrdersFuzzTestInputs/orderList", parts(welcome, orders, "attachment; filename=0000148073_001001_ALOS2146686640-170209.zip"));
        seed("fetch/Auig2OrdersFuzzTestInputs/orderList", parts("<form action=\"/openam/UI/Login\"><input name=\"IDToken2\"></form>", "[]", ""));
        seed("fetch/Auig2OrdersFuzzTestInputs/orderList", parts(welcome, "<html><head><title>Maintenance</title></head></html>", ""));
        String eors = "[{\"requestId\":\"ER2024-01\",\"observeDateStr\":\"02/Jan/2024\",\"disasterTypeStr\":\"Earthquake\",\"countryStr\":\"Japan\"}]";
        String files = "[{\"dataId\":\"D123\",\"typeStr\":\"ALOS(Data)\",\"title\":\"ALOS-2 L1.1\"},{\"dataId\":\"M9\",\"typeStr\":\"Map\",\"title\":\"map\"}]";
        seed("fetch/SentinelAsiaFuzzTestInputs/eorListing", parts("<html>top</html>", eors, files,
                "attachment; filename=\"0000148073_001001_ALOS2146686640-170209.zip\""));
        seed("fetch/SentinelAsiaFuzzTestInputs/eorListing", parts("<input type=password name=\"passwd\">", "[]", "[]", ""));
    }

    /** The CQL2 test cases in both languages (catalog.Cql2Cases, package-private there, hence reflection). */
    private static void cql2() throws ReflectiveOperationException {
        java.lang.reflect.Field f = Class.forName("org.alos2ingest.catalog.Cql2Cases").getDeclaredField("CASES");
        f.setAccessible(true);
        String[][] cases = (String[][]) f.get(null);
        for (String[] c : cases) {
            seed("catalog/cql2/Cql2FuzzTestInputs/cql2Text", text(c[0]));
            seed("catalog/cql2/Cql2FuzzTestInputs/cql2Json", text(c[1]));
        }
    }

    private static void serve() {
        for (String q : List.of("bbox=-71,-28,-69,-26&datetime=2017-02-01T00:00:00Z/..&limit=10",
                "collections=alos2_l15,alos2_slc&ids=ALOS2146686640-170209-FBDR1.5GUA&sortby=-datetime,+id",
                "filter=sar:instrument_mode = 'FBD' AND S_INTERSECTS(geometry, POLYGON((0 0, 1 0, 1 1, 0 0)))&filter-lang=cql2-text",
                "filter={\"op\":\"=\",\"args\":[{\"property\":\"sat:relative_orbit\"},40]}&filter-lang=cql2-json",
                "intersects={\"type\":\"Point\",\"coordinates\":[140.2,37.6]}&datetime=2024-01-02",
                "filter-crs=http://www.opengis.net/def/crs/OGC/1.3/CRS84&token=abc")) {
            seed("serve/SearchParametersFuzzTestInputs/query", text(q));
        }
        for (String b : List.of("{\"bbox\":[-71,-28,-69,-26],\"datetime\":\"2017-02-01T00:00:00Z/2017-03-01T00:00:00Z\",\"limit\":5}",
                "{\"intersects\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]},\"collections\":[\"alos2_l15\"]}",
                "{\"filter\":{\"op\":\"and\",\"args\":[{\"op\":\"<\",\"args\":[{\"property\":\"sat:relative_orbit\"},40]},"
                        + "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[0,0,1,1]}]}]},\"filter-lang\":\"cql2-json\"}",
                "{\"filter\":\"processing:level = 'L1.5'\",\"sortby\":[{\"field\":\"datetime\",\"direction\":\"desc\"}],\"token\":\"x\"}")) {
            seed("serve/SearchParametersFuzzTestInputs/body", text(b));
        }
        for (String b : List.of("{\"name\":\"fukushima\",\"bbox\":[140,37,141,38],\"webhook\":\"https://hooks.example.org/alos2\",\"secret\":\"s3cret\"}",
                "{\"name\":\"chile\",\"intersects\":{\"type\":\"Polygon\",\"coordinates\":[[[-71,-28],[-69,-28],[-69,-26],[-71,-28]]]},"
                        + "\"mode\":[\"FBD\"],\"level\":[\"1.5\"],\"direction\":\"ascending\",\"path\":[151],"
                        + "\"webhook\":\"https://hooks.example.org/x\",\"secret\":\"k\"}",
                "{\"name\":\"x\",\"bbox\":\"140,37,141,38\",\"command\":\"rm -rf /\"}")) {
            seed("serve/SubscriptionsApiFuzzTestInputs/body", text(b));
        }
    }

    private static byte[] parts(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.write(0);
            }
            out.writeBytes(text(parts[i]));
        }
        return out.toByteArray();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Written under its content's hash, as Jazzer names its own finds, so that a rerun adds nothing twice. */
    private static void seed(String dir, byte[] data) {
        try {
            Path d = RESOURCES.resolve(dir);
            Files.createDirectories(d);
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
            Files.write(d.resolve("seed-" + hash), data);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(dir, e);
        }
    }
}
