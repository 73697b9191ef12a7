package org.alos2ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.alos2ingest.testing.ChildCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home folder and .netrc follow {@code $HOME}, as they do for curl and the shell: a process
 * started with another HOME (a test, a container, {@code sudo -E}) keeps its files there, although
 * Java's {@code user.home} still names the account's home from the password database.
 */
class HomeFollowsHomeEnvTest {

    @TempDir
    Path tmp;

    @Test
    void theHomeFolderIsUnderDollarHome() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("alice"));
        ChildCli cli = ChildCli.start(tmp.resolve("search.log"), env(home), "search", "--format", "ids");
        assertEquals(Main.OK, exit(cli), cli.output());
        assertTrue(Files.isRegularFile(home.resolve(".alos2-ingest/catalog.sqlite")), "catalog written under $HOME: " + cli.output());
    }

    @Test
    void theNetrcIsReadFromDollarHome() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("bob"));
        Files.writeString(home.resolve(".netrc"), "machine 127.0.0.1 login bob password Netrc-Pw-7\n");
        String expected = "Basic " + Base64.getEncoder().encodeToString("bob:Netrc-Pw-7".getBytes(StandardCharsets.UTF_8));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/x.bin", ex -> {
            byte[] body = "payload".getBytes(StandardCharsets.UTF_8);
            if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"test\"");
                ex.sendResponseHeaders(401, -1);
            } else {
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        try {
            Path out = Files.createDirectories(tmp.resolve("out"));
            ChildCli cli = ChildCli.start(tmp.resolve("download.log"), env(home), "download", "--retries", "0", "-o", out.toString(),
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/x.bin");
            assertEquals(Main.OK, exit(cli), cli.output());
            assertEquals("payload", Files.readString(out.resolve("x.bin")));
        } finally {
            server.stop(0);
        }
    }

    /** HOME set; ALOS2_INGEST_HOME and NETRC blank, which counts as unset, whatever this test's own environment holds. */
    private static Map<String, String> env(Path home) {
        return Map.of("HOME", home.toString(), "ALOS2_INGEST_HOME", "", "NETRC", "");
    }

    private static int exit(ChildCli cli) throws InterruptedException, IOException {
        if (!cli.process().waitFor(120, TimeUnit.SECONDS)) {
            cli.process().destroyForcibly();
            throw new AssertionError("still running after 120 s:\n" + cli.output());
        }
        return cli.process().exitValue();
    }
}
