package org.alos2ingest.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.cli.input.ExistingFile;
import org.alos2ingest.cli.input.WebAddress;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Json;
import org.alos2ingest.config.Settings;
import org.alos2ingest.describe.ceos.SarcatLookup;
import org.alos2ingest.format.ceos.ReadCounter;
import org.alos2ingest.inspect.Inspector;
import org.alos2ingest.util.Sizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Prints everything alos2-ingest reads from a product as JSON: names, files, summary.txt, every "
                + "CEOS record's fields, the state vectors, the radar geometry, the footprint by each method "
                + "(range-Doppler and facility-5 polynomial, with their corners) and the met.json an ingest would write; "
                + "of every GeoTIFF its size, EPSG code and geotransform, and whether it is a valid Cloud-Optimized GeoTIFF "
                + "(by the rules of GDAL's validator).",
                "PATH is a delivery zip (images are not unpacked: only their first and last records are read), a "
                + "folder of products, one product file (VOL, LED, IMG, TRL or summary.txt) or any GeoTIFF (.tif, .tiff, "
                + "such as render's *.cog.tif). Reads; writes nothing."})
public final class InspectCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", converter = ExistingFile.FileOrFolder.class,
            description = "Delivery zip, product folder, product file or GeoTIFF.")
    Path path;

    @Option(names = "--stats", description = "Print to stderr how many bytes were read and how long it took.")
    boolean stats;

    @Option(names = "--sarcat-url", paramLabel = "URL", converter = WebAddress.Http.class,
            description = "Also ask this BOS SARCAT WFS service for Level 1.1 footprints (default: the " + SarcatLookup.SETTING + " setting; off).")
    String sarcatUrl;

    @Option(names = "--settings", paramLabel = "FILE", converter = ExistingFile.class,
            description = "A settings.json whose values override the shipped ones.")
    Path settingsFile;

    @Option(names = "--datasets", paramLabel = "FILE", converter = ExistingFile.class, description = "A HySDS datasets.json to match products with.")
    Path datasetsFile;

    @Override
    public Integer call() throws IOException {
        long t0 = System.nanoTime();
        IoCounters before = IoCounters.read();
        ReadCounter counter = new ReadCounter();
        Map<String, String> runtime = new HashMap<>();
        runtime.put("ALOS2_INGEST_HOME", CommonOptions.defaultHome().toString());
        if (sarcatUrl != null) {
            runtime.put(SarcatLookup.SETTING, sarcatUrl);
        }
        Settings settings = Settings.load(settingsFile, runtime);
        ObjectNode json = new Inspector(settings, DatasetDefinitions.load(datasetsFile), counter).inspect(path);
        String text = Json.MAPPER.writeValueAsString(json);
        long nanos = System.nanoTime() - t0;
        System.out.println(text);
        if (stats) {
            IoCounters after = IoCounters.read();
            System.err.printf(Locale.ROOT, "stats: read %s from product files (%d bytes in %d reads of %d files); %.1f ms in the command, "
                            + "%.0f ms since the JVM started; process I/O: rchar %s, read_bytes %s%n",
                    Sizes.human(counter.bytes()), counter.bytes(), counter.reads(), counter.files(), nanos / 1e6,
                    (double) ManagementFactory.getRuntimeMXBean().getUptime(), delta(before.rchar, after.rchar), delta(before.readBytes, after.readBytes));
        }
        return Main.OK;
    }

    private static String delta(long a, long b) {
        return a < 0 || b < 0 ? "n/a" : Sizes.human(b - a);
    }

    /** The kernel's I/O counters of this process (Linux), to show that the images were not read. */
    record IoCounters(long rchar, long readBytes) {
        static IoCounters read() {
            Path io = Path.of("/proc/self/io");
            long rchar = -1;
            long readBytes = -1;
            try {
                if (Files.isReadable(io)) {
                    for (String line : Files.readAllLines(io)) {
                        if (line.startsWith("rchar:")) {
                            rchar = Long.parseLong(line.substring(6).strip());
                        } else if (line.startsWith("read_bytes:")) {
                            readBytes = Long.parseLong(line.substring(11).strip());
                        }
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return new IoCounters(-1, -1);
            }
            return new IoCounters(rchar, readBytes);
        }
    }
}
