package org.alos2ingest.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.alos2ingest.util.FileTrees;

/**
 * One real single-node OpenSearch for the whole test run, started the way a user starts one
 * ({@code bin/start-opensearch}) from the integ-test distribution and geo module that Maven copied
 * into {@code target/test-servers}, on a free port, in a temporary folder; stopped when the test JVM
 * exits. Tests isolate themselves by index prefix ({@link #newPrefix}).
 */
public final class OpenSearchServer {

    private static OpenSearchServer shared;
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    private final Path dir;
    private final URI url;

    private OpenSearchServer(Path dir, URI url) {
        this.dir = dir;
        this.url = url;
    }

    public static synchronized OpenSearchServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** The HTTP base URL, e.g. {@code http://127.0.0.1:40123}. */
    public URI url() {
        return url;
    }

    /** A catalog URI for a prefix (index names {@code <prefix>_...}, alias {@code <prefix>}). */
    public String catalogUri(String prefix) {
        return "opensearch://" + url.getHost() + ":" + url.getPort() + "/" + prefix;
    }

    /** A prefix no other test uses in this run. */
    public static String newPrefix(String what) {
        return (what + "-" + PREFIXES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36)).toLowerCase(java.util.Locale.ROOT);
    }

    /** Sends a REST call and returns the body (for tests that look at the cluster directly). */
    public String call(String method, String path, String json) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json");
            b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a prefix's indices and template. */
    public void drop(String prefix) {
        call("DELETE", "/" + prefix + "_*?expand_wildcards=all", null);
        call("DELETE", "/_index_template/" + prefix, null);
    }

    /**
     * Stops the node as an operator does ({@code bin/start-opensearch --stop}: SIGTERM, then SIGKILL
     * after 30 s); its data stays. Every test using the shared node in the meantime fails: only a
     * test about a stopped node calls this, and {@link #startAgain} before it ends.
     */
    public synchronized void stopNode() {
        stop(root(), dir, false);
    }

    /** Starts the stopped node again over the same data, on the same port; returns once it is green. */
    public synchronized void startAgain() {
        URI again = launch(root(), dir, url.getPort());
        if (!again.equals(url)) {
            throw new IllegalStateException("OpenSearch came back at " + again + ", not " + url);
        }
    }

    private static Path root() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    }

    private static OpenSearchServer start() {
        Path root = root();
        try {
            // /tmp, not target/: the unprivileged user OpenSearch runs as must reach the folder,
            // and a checkout under a private home folder would stop it.
            Path dir = Files.createTempDirectory("alos2-ingest-opensearch-");
            URI url = launch(root, dir, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(root, dir, true), "stop-opensearch"));
            return new OpenSearchServer(dir, url);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start OpenSearch: " + e, e);
        }
    }

    private static URI launch(Path root, Path dir, int port) {
        try {
            List<String> cmd = new ArrayList<>(List.of(root.resolve("bin/start-opensearch").toString(),
                    "--dir", dir.toString(), "--port", String.valueOf(port), "--heap", "512m"));
            addIfPresent(cmd, "--zip", System.getProperty("alos2ingest.opensearch.zip"));
            addIfPresent(cmd, "--geo-jar", System.getProperty("alos2ingest.opensearch.geo"));
            String version = System.getProperty("alos2ingest.opensearch.version");
            if (version != null) {
                cmd.add("--version");
                cmd.add(version);
            }
            Path log = Files.createTempFile("alos2-ingest-opensearch-start", ".log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("bin/start-opensearch did not finish within 300 s: " + Files.readString(log));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("bin/start-opensearch failed (" + p.exitValue() + "): " + Files.readString(log));
            }
            Files.deleteIfExists(log);
            return URI.create(Files.readString(dir.resolve("url")).strip());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start OpenSearch: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void addIfPresent(List<String> cmd, String option, String file) {
        if (file != null && Files.isRegularFile(Path.of(file))) {
            cmd.add(option);
            cmd.add(file);
        }
    }

    private static void stop(Path root, Path dir, boolean delete) {
        try {
            Process p = new ProcessBuilder(root.resolve("bin/start-opensearch").toString(), "--stop", "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            // the JVM is exiting; nothing more can be done
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (delete) {
            FileTrees.deleteQuietly(dir);
        }
    }

    /** The folder holding the node (distribution, data, logs). */
    public Path dir() {
        return dir;
    }
}
