package org.alos2ingest.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.alos2ingest.config.Json;

/**
 * A webhook receiver as a subscriber would run one: a real HTTP server on a loopback port that
 * checks each POST's {@code X-Alos2-Signature} against the secret it shares with the sender (with
 * its own HMAC, as a receiver in another language would) and records what it got. It can be stopped
 * (the port refuses connections, as a receiver that is down) and started again on the same port,
 * or made to answer 503.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One POST as received. */
    public record Delivery(Instant at, String path, String signature, boolean signatureValid, String deliveryId, String subscription,
                           String contentType, byte[] body) {
        public JsonNode item() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("the body is not JSON", e);
            }
        }
    }

    private final String secret;
    private final int port;
    private final List<Delivery> received = Collections.synchronizedList(new ArrayList<>());
    private final List<Instant> refusedAt = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean failing;
    private HttpServer server;

    public WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        start(0);
        this.port = server.getAddress().getPort();
    }

    private void start(int p) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), p), 0);
        s.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "webhook-receiver");
            t.setDaemon(true);
            return t;
        }));
        s.createContext("/", x -> {
            try (x) {
                byte[] body = x.getRequestBody().readAllBytes();
                if (failing) {
                    refusedAt.add(Instant.now());
                    x.sendResponseHeaders(503, -1);
                    return;
                }
                String sig = x.getRequestHeaders().getFirst("X-Alos2-Signature");
                received.add(new Delivery(Instant.now(), x.getRequestURI().getPath(), sig, sig != null && sig.equals(sign(body)),
                        x.getRequestHeaders().getFirst("X-Alos2-Delivery"), x.getRequestHeaders().getFirst("X-Alos2-Subscription"),
                        x.getRequestHeaders().getFirst("Content-Type"), body));
                x.sendResponseHeaders(204, -1);
            }
        });
        s.start();
        server = s;
    }

    /** HMAC-SHA256 of the body under the shared secret, hex, as the receiver computes it itself. */
    public String sign(byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Down: the port refuses connections. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
            server = null;
        }
    }

    /** Up again, on the same port. */
    public synchronized void restart() throws IOException {
        if (server == null) {
            start(port);
        }
    }

    /** Up, but answering 503 to every POST (recorded in {@link #refusedAt()}). */
    public void failing(boolean f) {
        failing = f;
    }

    public List<Delivery> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public List<Instant> refusedAt() {
        synchronized (refusedAt) {
            return List.copyOf(refusedAt);
        }
    }

    public List<Delivery> receivedAt(String path) {
        return received().stream().filter(d -> d.path().equals(path)).toList();
    }

    /** Waits until {@code condition} holds, for at most {@code seconds}. */
    public static boolean await(double seconds, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return true;
    }

    @Override
    public void close() {
        stop();
    }
}
