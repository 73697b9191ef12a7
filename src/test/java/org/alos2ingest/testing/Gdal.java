package org.alos2ingest.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * GDAL as users run it (Debian's gdal-bin and python3-gdal, installed by .ci/install-deps): to read
 * back the files we write the way QGIS, rasterio and every other GDAL client will.
 */
public final class Gdal {

    /** GDAL's own COG checker, shipped as a sample with its Python bindings. */
    public static final Path COG_VALIDATOR = Path.of("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_cloud_optimized_geotiff.py");

    /** Debian's Python, which python3-gdal installs into (a pyenv or venv python3 on the PATH lacks it). */
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    private Gdal() {
    }

    public record Result(int code, String out) {
    }

    /** Runs a GDAL command; a missing GDAL fails the test, naming the packages to install. */
    public static Result run(String... command) {
        List<String> cmd = new ArrayList<>(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", cmd) + " did not finish in 5 minutes");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return fail(command[0] + " is not installed (apt-get install gdal-bin python3-gdal, as .ci/install-deps does): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** Runs a command that must succeed, and returns its output. */
    public static String check(String... command) {
        Result r = run(command);
        if (r.code() != 0) {
            fail(String.join(" ", command) + " exited " + r.code() + ":\n" + r.out());
        }
        return r.out();
    }

    /** {@code gdalinfo -json} of a file. */
    public static JsonNode info(Path file) {
        try {
            return new ObjectMapper().readTree(check("gdalinfo", "-json", file.toString()));
        } catch (IOException e) {
            return fail("gdalinfo -json " + file + " printed no JSON: " + e.getMessage());
        }
    }

    /** GDAL's COG validator with {@code --full-check=yes}: its output, and whether it passed. */
    public static Result validateCog(Path file) {
        if (!Files.isRegularFile(COG_VALIDATOR)) {
            fail(COG_VALIDATOR + " is missing (apt-get install python3-gdal, as .ci/install-deps does)");
        }
        return run(PYTHON, COG_VALIDATOR.toString(), "--full-check=yes", file.toString());
    }

    /** Runs a Python script with GDAL's bindings; its standard output. */
    public static String python(String script, String... args) {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, "-c", script));
        cmd.addAll(List.of(args));
        return check(cmd.toArray(String[]::new));
    }

    /**
     * Band 1 of a file (or of its overview {@code overview}, 0 the first; -1 the full image) as GDAL
     * reads it, in the band's own data type, little-endian.
     */
    public static ByteBuffer read(Path file, int overview, Path scratch) {
        Path raw = scratch.resolve("gdal-read-" + System.nanoTime() + ".raw");
        check(PYTHON, "-c", String.join("\n",
                "import sys",
                "from osgeo import gdal",
                "gdal.UseExceptions()",
                "ds = gdal.Open(sys.argv[1])",
                "b = ds.GetRasterBand(1)",
                "o = int(sys.argv[2])",
                "b = b if o < 0 else b.GetOverview(o)",
                "open(sys.argv[3], 'wb').write(b.ReadRaster())"), file.toString(), Integer.toString(overview), raw.toString());
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
            Files.delete(raw);
            return b;
        } catch (IOException e) {
            return fail("cannot read " + raw + ": " + e.getMessage());
        }
    }
}
