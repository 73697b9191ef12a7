package org.alos2ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.config.Json;
import org.alos2ingest.fetch.Samples;
import org.alos2ingest.fetch.servers.Auig2Server;
import org.alos2ingest.fetch.servers.FileServer;
import org.alos2ingest.fetch.servers.LocalServer;
import org.alos2ingest.fetch.servers.SentinelAsiaServer.Eor;
import org.alos2ingest.fetch.servers.SentinelAsiaServer.SaFile;
import org.alos2ingest.fetch.servers.SentinelAsiaServer;
import org.alos2ingest.testing.CliRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each source end to end, through the command line, against local servers speaking the services'
 * protocols: the delivery is downloaded, ingested into a temporary SQLite catalog and published, with
 * its transfer record; failures end in one line and exit code 1; and no password appears anywhere.
 */
class FetchSourcesEndToEndTest {

    static final String A = "ALOS2146686640-170209-FBDR1.5GUA";
    static final String B = "ALOS2146686650-170209-FBDR1.5GUA";
    static final String C = "ALOS2146686660-170209-FBDR1.5GUA";
    static final String D = "ALOS2146686670-170209-FBDR1.5GUA";
    static final String E = "ALOS2146686680-170209-FBDR1.5GUA";
    static final String AUIG2_PASSWORD = "Auig2-Pw-7f3K!q";
    static final String SA_PASSWORD = "SentAsia-Pw-9x2M&z";
    static final String URL_PASSWORD = "Dav-Pw-4k8L%w";

    @TempDir
    Path tmp;
    Path home;
    Path secrets;
    final List<LocalServer> servers = new ArrayList<>();
    final List<String> outputs = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        home = tmp.resolve("home");
        secrets = Files.createDirectories(tmp.resolve("secrets"));
        Files.writeString(secrets.resolve("auig2.pw"), AUIG2_PASSWORD + "\n");
        Files.writeString(secrets.resolve("sa.pw"), SA_PASSWORD + "\n");
        Files.writeString(secrets.resolve("netrc"), "machine localhost\n  login dave\n  password " + URL_PASSWORD + "\n");
    }

    @AfterEach
    void tearDown() throws IOException {
        servers.forEach(LocalServer::close);
        // nothing a run printed or left behind holds a password (the secrets folder is the input)
        SecretScan.assertAbsent(List.of(AUIG2_PASSWORD, SA_PASSWORD, URL_PASSWORD, "alice:" + AUIG2_PASSWORD, "dave:" + URL_PASSWORD),
                outputs, Files.exists(home) ? List.of(home) : List.of());
    }

    CliRun ingest(String... args) {
        List<String> all = new ArrayList<>(List.of("ingest", "--home", home.toString(), "--netrc", secrets.resolve("netrc").toString(),
                "--retry-wait", "0.02", "--keep-work"));
        all.addAll(List.of(args));
        CliRun r = CliRun.run(all.toArray(new String[0]));
        outputs.add(r.out());
        outputs.add(r.err());
        return r;
    }

    <T extends LocalServer> T started(T s) {
        servers.add(s);
        return s;
    }

    // ---------------------------------------------------------------- AUIG2

    Auig2Server auig2() throws IOException {
        return started(new Auig2Server().account("alice", AUIG2_PASSWORD).order("0000148073", Samples.deliveryName(A), Samples.delivery(A)));
    }

    String[] auig2Args(Auig2Server s, String order, String passwordFile) {
        return new String[] {"--auig2-order", order, "--auig2-url", s.base().toString(), "--auig2-user", "alice",
                "--auig2-password-file", secrets.resolve(passwordFile).toString()};
    }

    @Test
    void auig2OrderEndToEndIntoTheCatalogWithItsTransferRecord() throws IOException {
        Auig2Server s = auig2();

        CliRun r = ingest(auig2Args(s, "0000148073", "auig2.pw"));

        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("ingested " + A + " -> "), r.toString());
        List<LocalServer.Seen> logins = s.seen("POST", Auig2Server.LOGIN);
        assertEquals(2, logins.size(), "the portal's quirk: the login is posted twice");
        assertNull(LocalServer.cookie(logins.get(0), "AMAuthCookie"));
        assertTrue(LocalServer.form(logins.get(1).body()).get("IDToken1").equals("alice"));
        String download = s.base() + "/pp/service/download?downloadurl=/start/download/file&itemname=0000148073&itemtype=1";
        JsonNode doc;
        try (SqliteCatalog catalog = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
            doc = catalog.get(A).orElseThrow();
        }
        assertEquals(download, doc.path("metadata").path("download_source").asText());
        Path product = productFolder(A);
        JsonNode metrics = Json.read(product.resolve("pge_metrics.json"));
        JsonNode d = metrics.path("download").path(0);
        assertEquals(download, d.path("url").asText());
        assertEquals(Samples.deliveryName(A), d.path("path").asText());
        assertEquals(Samples.delivery(A).length, d.path("disk_usage").asLong());
        assertTrue(d.path("time_start").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"), d.toString());
        assertTrue(d.path("duration").asDouble() > 0 && d.path("transfer_rate").asDouble() > 0, d.toString());
        assertEquals(Samples.delivery(A).length / d.path("duration").asDouble(), d.path("transfer_rate").asDouble(), 1e-3);
        assertTrue(metrics.path("upload").isArray() && metrics.path("upload").isEmpty());

        // a second run sees the scene in the HEAD's Content-Disposition and downloads nothing
        CliRun again = ingest(auig2Args(s, "0000148073", "auig2.pw"));
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().contains("skipped  " + Samples.deliveryName(A) + ": scene ALOS2146686640-170209 is already in"), again.toString());
        assertEquals(1, s.seen("GET", Auig2Server.DOWNLOAD).size(), "no second download");
    }

    @Test
    void auig2WrongPasswordSaysLoginFailedForTheUserInOneLine() throws IOException {
        Auig2Server s = auig2();
        Files.writeString(secrets.resolve("wrong.pw"), "not-the-password\n");

        CliRun r = ingest(auig2Args(s, "0000148073", "wrong.pw"));

        assertEquals(1, r.code(), r.toString());
        assertEquals("error: login failed for AUIG2 user alice at " + s.base() + " (HTTP 401 from " + s.base() + "/openam/UI/Login)",
                r.err().strip(), r.toString());
        assertTrue(s.seen("GET", Auig2Server.DOWNLOAD).isEmpty());
        assertFalse(Files.exists(home.resolve("published")) && hasMetJson(home.resolve("published")));
    }

    @Test
    void auig2UnknownOrderIsNamedAsSuch() throws IOException {
        Auig2Server s = auig2();

        CliRun r = ingest(auig2Args(s, "0000999999", "auig2.pw"));

        assertEquals(1, r.code(), r.toString());
        assertEquals("error: AUIG2 order 0000999999: no such order, or not ready for download (the portal answered with an HTML page "
                + "'AUIG2 - Error' instead of a zip)", r.err().strip(), r.toString());
    }

    @Test
    void auig2WithoutAPasswordNamesWhereToPutIt() throws IOException {
        Auig2Server s = auig2();
        CliRun r = ingest("--auig2-order", "0000148073", "--auig2-url", s.base().toString(), "--auig2-user", "alice");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().strip().startsWith("error: no AUIG2 password for user alice: set AUIG2_PASSWORD, give a password file, or add 'machine 127.0.0.1"),
                r.toString());
        assertEquals(1, r.err().strip().lines().count());
    }

    // ---------------------------------------------------------------- download URL

    @Test
    void downloadUrlWithNetrcLoginEndToEnd() throws IOException {
        FileServer store = started(new FileServer("127.0.0.1")).serve("/o/" + Samples.deliveryName(A), Samples.delivery(A), "application/zip", null);
        FileServer dav = started(new FileServer("localhost")).requireLogin("dave", URL_PASSWORD);
        dav.redirect("/dav/" + Samples.deliveryName(A), 307, store.uri("/o/" + Samples.deliveryName(A)).toString());

        CliRun r = ingest(dav.uri("/dav/" + Samples.deliveryName(A)).toString());

        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("ingested " + A), r.toString());
        assertTrue(dav.seen("GET", "/dav/" + Samples.deliveryName(A)).get(0).header("Authorization").startsWith("Basic "));
        assertNull(store.seen("GET", "/o/" + Samples.deliveryName(A)).get(0).header("Authorization"), "no credentials for the other host");
        try (SqliteCatalog catalog = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
            assertEquals(dav.uri("/dav/" + Samples.deliveryName(A)).toString(),
                    catalog.get(A).orElseThrow().path("metadata").path("download_source").asText());
        }
        assertTrue(Files.isRegularFile(productFolder(A).resolve("pge_metrics.json")));
    }

    @Test
    void credentialsInTheUrlAreUsedButNeverStoredOrPrinted() throws IOException {
        FileServer dav = started(new FileServer("127.0.0.1")).requireLogin("dave", URL_PASSWORD)
                .serve("/dav/x.zip", Samples.delivery(A), "application/zip", null);
        String url = "http://dave:" + java.net.URLEncoder.encode(URL_PASSWORD, java.nio.charset.StandardCharsets.UTF_8) + "@127.0.0.1:"
                + dav.base().getPort() + "/dav/x.zip";

        CliRun r = ingest(url);

        assertEquals(0, r.code(), r.toString());
        try (SqliteCatalog catalog = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
            assertEquals(dav.uri("/dav/x.zip").toString(), catalog.get(A).orElseThrow().path("metadata").path("download_source").asText());
        }
    }

    @Test
    void aServerSendingAnHtmlPageInsteadOfTheZipFailsInOneLine() throws IOException {
        FileServer web = started(new FileServer("127.0.0.1")).serve("/d/x.zip", Samples.delivery(A), "application/zip", null)
                .fault("/d/x.zip", new FileServer.Fault.Html("<html><head><title>Please sign in</title></head><body>session expired</body></html>"));

        CliRun r = ingest(web.uri("/d/x.zip").toString());

        assertEquals(1, r.code(), r.toString());
        assertEquals("error: " + web.uri("/d/x.zip") + ": expected a zip but got an HTML page (HTTP 200, 'Please sign in')", r.err().strip());
        try (SqliteCatalog catalog = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
            assertEquals(0, catalog.count());
        }
    }

    @Test
    void aDownloadCutTwiceIsResumedAndIngested() throws IOException {
        byte[] zip = Samples.delivery(A);
        FileServer web = started(new FileServer("127.0.0.1")).serve("/d/x.zip", zip, "application/zip", null)
                .fault("/d/x.zip", new FileServer.Fault.Cut(zip.length / 3), new FileServer.Fault.Cut(zip.length / 3));

        CliRun r = ingest(web.uri("/d/x.zip").toString());

        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("ingested " + A), r.toString());
        List<LocalServer.Seen> gets = web.seen("GET", "/d/x.zip");
        assertEquals(List.of("none", "bytes=" + zip.length / 3 + "-", "bytes=" + 2 * (zip.length / 3) + "-"),
                gets.stream().map(g -> g.header("Range") == null ? "none" : g.header("Range")).toList());
    }

    @Test
    void theDownloadCommandResumesAndRecordsTheTransfer() throws IOException {
        byte[] zip = Samples.delivery(A);
        FileServer dav = started(new FileServer("localhost")).requireLogin("dave", URL_PASSWORD)
                .serve("/dav/x.zip", zip, "application/zip", null).fault("/dav/x.zip", new FileServer.Fault.Cut(zip.length / 2));
        Path dest = home.resolve("downloads");

        CliRun r = CliRun.run("download", "--home", home.toString(), "--netrc", secrets.resolve("netrc").toString(), "--retry-wait", "0.01",
                "--zip", "-o", dest.toString(), "-v", dav.uri("/dav/x.zip").toString());
        outputs.add(r.out());
        outputs.add(r.err());

        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("downloaded " + dest.resolve("x.zip")), r.toString());
        assertTrue(java.util.Arrays.equals(zip, Files.readAllBytes(dest.resolve("x.zip"))));
        assertEquals(dav.uri("/dav/x.zip").toString(), Json.read(dest.resolve("pge_metrics.json")).path("download").path(0).path("url").asText());
        assertTrue(r.err().contains("resuming in"), "the cut is reported as a warning: " + r);
    }

    // ---------------------------------------------------------------- Sentinel Asia

    static String saDate(LocalDate d) {
        return d.format(DateTimeFormatter.ofPattern("dd/MMM/yyyy", Locale.ENGLISH));
    }

    static SaFile zipFile(String dataId, String product) {
        return new SaFile(dataId, "ALOS(Data)", "ALOS-2 " + product, Samples.deliveryName(product), Samples.delivery(product));
    }

    SentinelAsiaServer sentinelAsia() throws IOException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return started(new SentinelAsiaServer().account("bob", SA_PASSWORD)
                .eor(new Eor("ERAHAC000007", "16/Aug/2019", "Flood", "Japan", List.of(
                        zipFile("JPJXisis0001201908160001", A),
                        zipFile("JPJXisis0001201908160002", B),
                        new SaFile("JPJXisis0001201908160003", "ALOS(Data)", "quick look", "ALOS2146686640-170209.kmz", "kmz".getBytes()),
                        new SaFile("JPJXisis0001201908160004", "Map(Image)", "flood extent map", "flood_map.png", "png".getBytes()),
                        new SaFile("JPJXisis0001201908160005", "Report", "value-added report", "report.pdf", "pdf".getBytes()))))
                .eor(new Eor("ERAHAC000010", saDate(today.minusDays(10)), "Earthquake", "Nepal", List.of(
                        zipFile("JPJXisis0002000000000001", C))))
                .eor(new Eor("ERAHAC000011", saDate(today.minusDays(3)), "Volcano", "Indonesia", List.of(
                        zipFile("JPJXisis0003000000000001", D),
                        new SaFile("JPJXisis0003000000000002", "Map(Image)", "ash map", "ash.jpg", "jpg".getBytes()))))
                .eor(new Eor("ERAHAC000001", saDate(today.minusDays(400)), "Typhoon", "Philippines", List.of(
                        zipFile("JPJXisis0004000000000001", E)))));
    }

    String[] sa(SentinelAsiaServer s, String... more) {
        List<String> a = new ArrayList<>(List.of("--sentinel-asia", "--sentinel-asia-url", s.serviceUrl().toString(), "--sentinel-asia-user", "bob",
                "--sentinel-asia-password-file", secrets.resolve("sa.pw").toString()));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void sentinelAsiaDataIdEndToEnd() throws IOException {
        SentinelAsiaServer s = sentinelAsia();

        CliRun r = ingest(sa(s, "--data-id", "JPJXisis0001201908160001"));

        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("ingested " + A), r.toString());
        assertEquals(1, s.seen("POST", SentinelAsiaServer.TOP).size());
        assertEquals("login", LocalServer.form(s.seen("POST", SentinelAsiaServer.TOP).get(0).body()).get("request"));
        try (SqliteCatalog catalog = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
            JsonNode met = catalog.get(A).orElseThrow().path("metadata");
            assertEquals("JPJXisis0001201908160001", met.path("data_id").asText());
            assertEquals(s.serviceUrl() + "/webresources/thumbnailEmob/download?dataId=JPJXisis0001201908160001", met.path("download_source").asText());
        }
    }

    @Test
    void sentinelAsiaEorWithMixedFileTypesIngestsTheAlos2ZipsAndSaysWhyTheRestIsSkipped() throws IOException {
        SentinelAsiaServer s = sentinelAsia();

        CliRun r = ingest(sa(s, "--eor-id", "ERAHAC000007", "--queue", "alos2-test", "--parallel", "2"));

        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("ingested " + A) && r.out().contains("ingested " + B), r.toString());
        assertTrue(r.out().contains("skipped  JPJXisis0001201908160003 (ALOS2146686640-170209.kmz): 'ALOS2146686640-170209.kmz' is not a zip"), r.toString());
        assertTrue(r.out().contains("skipped  JPJXisis0001201908160004 (flood extent map): type 'Map(Image)' is not ALOS-2 data"), r.toString());
        assertTrue(r.out().contains("skipped  JPJXisis0001201908160005 (value-added report): type 'Report' is not ALOS-2 data"), r.toString());
        assertTrue(r.out().contains("2 ingested, 3 skipped, 0 failed"), r.toString());
        assertEquals(List.of("JPJXisis0001201908160001", "JPJXisis0001201908160002"), downloadedIds(s));
        try (SqliteCatalog catalog = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
            JsonNode met = catalog.get(B).orElseThrow().path("metadata");
            assertEquals("ERAHAC000007", met.path("eor_id").asText());
            assertEquals("20190816", met.path("eor_date").asText());
            assertEquals("Flood", met.path("eor_type").asText());
            assertEquals("Japan", met.path("eor_country").asText());
            assertEquals("JPJXisis0001201908160002", met.path("data_id").asText());
            assertEquals(2, catalog.count());
        }
    }

    @Test
    void sentinelAsiaStartDateFansOutTheFilesOfEveryEorSinceThatDate() throws IOException {
        SentinelAsiaServer s = sentinelAsia();
        String since = LocalDate.now(ZoneOffset.UTC).minusDays(30).format(DateTimeFormatter.BASIC_ISO_DATE);

        // -v: the debug log (every request, redirects, retries) is part of what the secret scan reads
        CliRun r = ingest(sa(s, "--start-date", since, "-v"));

        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("JPJXisis0002000000000001", "JPJXisis0003000000000001"), downloadedIds(s), "the EORs of the last 30 days only");
        assertTrue(r.out().contains("ingested " + C) && r.out().contains("ingested " + D), r.toString());
        assertTrue(r.out().contains("skipped  JPJXisis0003000000000002 (ash map): type 'Map(Image)' is not ALOS-2 data"), r.toString());
        assertFalse(r.out().contains(A) || r.out().contains(E), "EORs before the start date are not touched: " + r);
        assertEquals(3, s.seen("POST", SentinelAsiaServer.TOP).size(), "the listing and each of the two jobs log in themselves");
        try (SqliteCatalog catalog = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
            assertEquals("Volcano", catalog.get(D).orElseThrow().path("metadata").path("eor_type").asText());
            assertEquals("Nepal", catalog.get(C).orElseThrow().path("metadata").path("eor_country").asText());
            assertEquals(2, catalog.count());
        }
    }

    @Test
    void sentinelAsiaDryRunListsWhatWouldBeIngestedAndDownloadsNothing() throws IOException {
        SentinelAsiaServer s = sentinelAsia();

        CliRun r = ingest(sa(s, "--eor-id", "ERAHAC000007", "--dry-run", "--queue", "sa-files"));

        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("would ingest JPJXisis0001201908160001 (" + Samples.deliveryName(A) + ") (job ingest-sentinel-asia-JPJXisis0001201908160001 on queue sa-files)"),
                r.toString());
        assertTrue(r.out().contains("would ingest JPJXisis0001201908160002"), r.toString());
        assertTrue(r.out().contains("skipped  JPJXisis0001201908160004 (flood extent map): type 'Map(Image)' is not ALOS-2 data"), r.toString());
        assertTrue(downloadedIds(s).isEmpty());
        try (SqliteCatalog catalog = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
            assertEquals(0, catalog.count());
        }
    }

    @Test
    void sentinelAsiaSkipsFilesWhoseSceneIsCatalogedBeforeQueueingThem() throws IOException {
        SentinelAsiaServer s = sentinelAsia();
        assertEquals(0, ingest(sa(s, "--data-id", "JPJXisis0001201908160001")).code());

        CliRun r = ingest(sa(s, "--eor-id", "ERAHAC000007"));

        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("skipped  JPJXisis0001201908160001 (" + Samples.deliveryName(A) + "): scene ALOS2146686640-170209 is already in"),
                r.toString());
        assertEquals(List.of("JPJXisis0001201908160001", "JPJXisis0001201908160002"), downloadedIds(s), "A was downloaded once only");
    }

    @Test
    void sentinelAsiaWrongPasswordSaysLoginFailed() throws IOException {
        SentinelAsiaServer s = sentinelAsia();
        Files.writeString(secrets.resolve("sa.pw"), "wrong\n");

        CliRun r = ingest(sa(s, "--eor-id", "ERAHAC000007"));

        assertEquals(1, r.code(), r.toString());
        assertEquals("error: login failed for Sentinel Asia user bob at " + s.serviceUrl() + " (the portal answered with its login form again)",
                r.err().strip());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, ingest("--sentinel-asia", "--data-id", "X1", "--eor-id", "E1").code());
        assertEquals(2, ingest("--eor-id", "E1").code());
        assertEquals(2, ingest("--sentinel-asia", "--start-date", "2019-08-16").code());
        assertEquals(2, ingest("--auig2-order", "1", "some.zip").code());
        assertEquals(2, ingest("ftp://example.org/x.zip").code());
    }

    List<String> downloadedIds(SentinelAsiaServer s) {
        return s.seen("GET", SentinelAsiaServer.DOWNLOAD).stream().map(g -> LocalServer.query(g).get("dataId")).sorted().toList();
    }

    Path productFolder(String id) throws IOException {
        try (Stream<Path> w = Files.walk(home.resolve("published"))) {
            return w.filter(p -> p.getFileName().toString().equals(id + ".met.json")).findFirst().orElseThrow().getParent();
        }
    }

    static boolean hasMetJson(Path root) throws IOException {
        try (Stream<Path> w = Files.walk(root)) {
            return w.anyMatch(p -> p.toString().endsWith(".met.json"));
        }
    }
}
