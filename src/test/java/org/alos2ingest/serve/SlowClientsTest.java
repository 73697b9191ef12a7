package org.alos2ingest.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/**
 * More slow clients than the server has threads: requests whose headers or bodies come a byte at a
 * time, and clients that never read their answers. A normal client's searches still answer at once.
 */
class SlowClientsTest {

    /** A request sent a byte at a time: {@code head} at once, then {@code trickled}. */
    private record Slow(Socket socket, byte[] trickled) {
    }

    @Test
    void searchesAnswerWhileTwiceTheThreadsOfSlowClientsHangOn() throws Exception {
        try (StacServer server = new StacServer(new StubBackend(),
                new StacServer.Options("127.0.0.1", 0, null, List.of(), null, Duration.ofSeconds(1)), null).start()) {
            InetSocketAddress at = new InetSocketAddress("127.0.0.1", server.address().getPort());
            Http http = new Http(URI.create("http://" + at.getHostString() + ":" + at.getPort() + "/"));
            assertEquals(200, http.get("/search?limit=3").status(), "a first search before the slow clients come");
            int n = 2 * StacServer.MAX_THREADS;
            List<Slow> slow = new ArrayList<>();
            List<Socket> all = new ArrayList<>();
            try {
                String json = "{\"limit\": 5}";
                String body = " ".repeat(4000 - json.length()) + json;
                for (int i = 0; i < n; i++) {
                    // headers complete, the body a byte at a time
                    Socket s = connect(at, all);
                    s.getOutputStream().write(("POST /search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                            + body.length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    slow.add(new Slow(s, body.getBytes(StandardCharsets.US_ASCII)));
                }
                for (int i = 0; i < n / 2; i++) {
                    // the headers themselves a byte at a time
                    slow.add(new Slow(connect(at, all), ("GET /search HTTP/1.1\r\nHost: x\r\nX-Slow: " + "a".repeat(5000) + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII)));
                }
                for (int i = 0; i < n / 2; i++) {
                    // many answers asked for at once and none read
                    Socket s = new Socket();
                    s.setReceiveBufferSize(4096);
                    s.connect(at, 5000);
                    all.add(s);
                    s.getOutputStream().write("GET /api HTTP/1.1\r\nHost: x\r\n\r\n".repeat(5).getBytes(StandardCharsets.US_ASCII));
                }
                AtomicBoolean trickling = new AtomicBoolean(true);
                Thread trickler = new Thread(() -> {
                    for (int b = 0; trickling.get(); b++) {
                        for (Slow s : slow) {
                            try {
                                OutputStream out = s.socket.getOutputStream();
                                out.write(s.trickled[Math.min(b, s.trickled.length - 1)]);
                                out.flush();
                            } catch (IOException closedByTheServer) {
                                // also a way to deal with a slow client
                            }
                        }
                        try {
                            TimeUnit.MILLISECONDS.sleep(200);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "trickler");
                trickler.start();
                try {
                    long worst = 0;
                    for (int i = 0; i < 20; i++) {
                        boolean post = i % 2 == 1;
                        long t0 = System.nanoTime();
                        CompletableFuture<Http.Answer> a = CompletableFuture.supplyAsync(
                                () -> post ? http.post("/search", "{\"limit\": 3}") : http.get("/search?limit=3"));
                        // without a thread free, a search would wait for as long as the slow clients hold on
                        Http.Answer answer = a.get(10, TimeUnit.SECONDS);
                        long ms = (System.nanoTime() - t0) / 1_000_000;
                        worst = Math.max(worst, ms);
                        assertEquals(200, answer.status(), answer.toString());
                        assertEquals("FeatureCollection", answer.json().path("type").asText());
                        assertTrue(ms < 5000, "search " + i + " took " + ms + " ms");
                    }
                    System.out.printf(Locale.ROOT, "slow clients: %d held connections, 20 searches, the slowest %d ms%n", all.size(), worst);
                } finally {
                    trickling.set(false);
                    trickler.join(10_000);
                }
            } finally {
                for (Socket s : all) {
                    s.close();
                }
            }
        }
    }

    private static Socket connect(InetSocketAddress at, List<Socket> all) throws IOException {
        Socket s = new Socket();
        s.connect(at, 5000);
        all.add(s);
        return s;
    }
}
