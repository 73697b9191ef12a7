package org.alos2ingest.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.alos2ingest.util.FileTrees;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real RabbitMQ broker for the tests: Debian's rabbitmq-server, started once per test run by the
 * project's own {@code bin/start-rabbitmq --foreground} in a temporary folder, on free ports, with a
 * random password, and stopped ({@code rabbitmqctl stop}) when the run ends. A missing
 * rabbitmq-server fails the tests that need it, loudly: it is installed by {@code .ci/install-deps}.
 * Tests ask for a {@link Broker} parameter.
 */
public final class RabbitMq implements BeforeAllCallback, ParameterResolver {

    /** The running broker. */
    public static final class Broker implements ExtensionContext.Store.CloseableResource {
        public static final String USER = "alos2test";
        private final int port;
        private final int distPort;
        private final String password;
        private final Path dir;
        private Process process;

        Broker(int port, int distPort, String password, Path dir) {
            this.port = port;
            this.distPort = distPort;
            this.password = password;
            this.dir = dir;
        }

        /**
         * Stops the broker as systemd or Docker does: SIGTERM to rabbitmq-server, which stops the node
         * gracefully (as {@code rabbitmqctl stop} would, without that tool's seconds of start-up): it
         * closes every client connection and ends; durable queues and persistent messages stay on disk.
         */
        public synchronized void stop() throws IOException, InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("rabbitmq-server did not stop within 60 s: " + tail(dir.resolve("console.log")));
            }
        }

        /** Starts a stopped broker again: same node, folder (its queues and messages), ports and user. */
        public synchronized void restart() throws Exception {
            if (process.isAlive()) {
                throw new IllegalStateException("the broker still runs");
            }
            launch(this);
        }

        public int port() {
            return port;
        }

        public String password() {
            return password;
        }

        /** The broker's address as users give it (no password in it). */
        public String uri() {
            return "amqp://" + USER + "@localhost:" + port + "/";
        }

        /** What a worker process needs in its environment to reach the broker. */
        public Map<String, String> env() {
            return Map.of("ALOS2_INGEST_BROKER", uri(), "ALOS2_INGEST_BROKER_PASSWORD", password);
        }

        /** A connection for the test itself, to look into queues. */
        public Connection connect() throws IOException {
            try {
                return factory(port, password).newConnection("test");
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IOException(e);
            }
        }

        @Override
        public synchronized void close() throws Exception {
            if (!process.isAlive()) {
                FileTrees.deleteQuietly(dir);
                return;
            }
            Process stop = new ProcessBuilder(script().toString(), "--stop", "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stop.log").toFile()).start();
            stop.waitFor(60, TimeUnit.SECONDS);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            FileTrees.deleteQuietly(dir);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        broker(context);
    }

    private static Broker broker(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Broker.class, k -> start(), Broker.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == Broker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return broker(e);
    }

    static Path script() {
        return Path.of("bin/start-rabbitmq").toAbsolutePath();
    }

    /**
     * A broker of the caller's own, beside the shared one, for a test that stops and restarts it;
     * the caller closes it.
     */
    public static Broker startPrivate() {
        return start();
    }

    private static Broker start() {
        try {
            Path dir = Files.createTempDirectory("alos2-rabbitmq");
            byte[] b = new byte[12];
            new SecureRandom().nextBytes(b);
            String password = "Rmq-" + HexFormat.of().formatHex(b);
            Broker broker = new Broker(freePort(), freePort(), password, dir);
            launch(broker);
            return broker;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test broker: " + e.getMessage(), e);
        }
    }

    /** Runs rabbitmq-server for the broker and waits until it accepts an AMQP connection. */
    private static void launch(Broker broker) throws Exception {
        Path dir = broker.dir;
        ProcessBuilder pb = new ProcessBuilder(script().toString(), "--foreground", "--dir", dir.toString(), "--port", String.valueOf(broker.port),
                "--dist-port", String.valueOf(broker.distPort), "--user", Broker.USER);
        pb.environment().put("ALOS2_INGEST_BROKER_PASSWORD", broker.password);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console.log").toFile()));
        Process p = pb.start();
        broker.process = p;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("RabbitMQ did not start (exit " + p.exitValue() + "): " + tail(dir.resolve("console.log")));
            }
            try (Connection c = factory(broker.port, broker.password).newConnection("startup-check")) {
                return;
            } catch (IOException | java.util.concurrent.TimeoutException e) {
                last = e;
            }
            Thread.sleep(250);
        }
        broker.close();
        throw new IllegalStateException("RabbitMQ did not accept an AMQP connection within 90 s (" + last + "): " + tail(dir.resolve("console.log")));
    }

    private static ConnectionFactory factory(int port, String password) {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("localhost");
        f.setPort(port);
        f.setUsername(Broker.USER);
        f.setPassword(password);
        f.setConnectionTimeout(2000);
        f.setAutomaticRecoveryEnabled(false);
        return f;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
