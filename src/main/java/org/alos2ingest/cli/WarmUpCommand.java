package org.alos2ingest.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.sun.net.httpserver.HttpServer;
import org.alos2ingest.sample.SampleDelivery;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.sample.ceos.CeosSampleDelivery;
import org.alos2ingest.sample.ceos.CeosSampleSpec;
import org.alos2ingest.util.FileTrees;
import org.alos2ingest.util.Progress;
import picocli.CommandLine.Command;

/**
 * Runs every stage once on tiny generated products, in a temporary folder, printing nothing. The
 * launcher runs it once per build with {@code -XX:ArchiveClassesAtExit} so that the classes it
 * loads go into a class-data-sharing archive, which every later run maps instead of loading them
 * one by one: a short command such as {@code inspect} then starts in about half the time.
 */
@Command(name = "warm-up", hidden = true, description = "Exercise every stage on tiny samples (for the launcher's class-data archive).")
public final class WarmUpCommand implements Callable<Integer> {

    /** A download from a loopback server, so that the HTTP client's classes are in the archive too. */
    private static void download(Path file, Path into, String home) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, Files.size(file));
                Files.copy(file, exchange.getResponseBody());
            }
        });
        server.start();
        try {
            Main.run("download", "-q", "--home", home, "--netrc", "/dev/null", "-o", into.toString(),
                    "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/warm-up.zip");
        } finally {
            server.stop(0);
        }
    }

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("alos2-ingest-warm-up");
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        try {
            System.setOut(nowhere);
            System.setErr(nowhere);
            Path geotiff = SampleDelivery.write(List.of(SampleSpec.preset("fbd").withWidth(64)), dir.resolve("fbd.zip"), 1);
            Path ceos = CeosSampleDelivery.write(CeosSampleSpec.preset("ubs-l11").withWidth(32).withSparse(true), dir.resolve("l11.zip"), 1,
                    Progress.silent());
            String home = dir.resolve("home").toString();
            Main.run("inspect", ceos.toString());
            Main.run("inspect", geotiff.toString());
            Main.run("ingest", "-q", "--home", home, "--max-zoom", "3", geotiff.toString(), ceos.toString());
            Main.run("search", "--home", home, "--bbox", "-180,-90,180,90", "--format", "json");
            download(ceos, dir.resolve("downloaded"), home);
            return Main.OK;
        } finally {
            System.setOut(out);
            System.setErr(err);
            FileTrees.deleteQuietly(dir);
        }
    }
}
