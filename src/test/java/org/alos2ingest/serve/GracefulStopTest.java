package org.alos2ingest.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.Catalogs;
import org.alos2ingest.catalog.GrqDocuments;
import org.alos2ingest.testing.ChildCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} in a process of its own, under load, sent SIGTERM: the requests it had accepted are
 * answered completely (a slow upload and a slowly read large page included), later connections are
 * refused, and it exits within its grace period.
 */
class GracefulStopTest {
    private static final int ITEMS = 3000;
    /** About 1.6 MB of JSON: read in about 1.5 s at the slow client's pace. */
    private static final int PAGE = 500;
    private static final int GRACE = 10;

    @TempDir
    Path tmp;

    /** What became of one request of the load. */
    private record Outcome(long started, long sent, String problem, int status) {
    }

    @Test
    void sigtermAnswersWhatWasAcceptedThenRefusesAndExits() throws Exception {
        Path home = tmp.resolve("home");
        try (Catalog c = Catalogs.open("sqlite:" + home.resolve("catalog.sqlite"), GrqDocuments.DEFINITIONS)) {
            List<ObjectNode> docs = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                docs.add(ServeApiContract.runScene(i));
            }
            c.indexAll(docs);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        InetSocketAddress at = new InetSocketAddress("127.0.0.1", port);
        ChildCli serve = ChildCli.start(tmp.resolve("serve.log"), Map.of(), "serve", "--home", home.toString(), "--port", String.valueOf(port),
                "--grace", String.valueOf(GRACE));
        try {
            serve.awaitLine(60, "the serving banner", l -> l.startsWith("serving STAC API at"));
            List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean loading = new AtomicBoolean(true);
            List<Thread> load = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                Thread thread = new Thread(() -> {
                    while (loading.get()) {
                        Outcome o = search(at);
                        outcomes.add(o);
                        if (o.status == 0) {
                            pause(20);
                        }
                    }
                }, "load-" + t);
                thread.start();
                load.add(thread);
            }
            long warm = System.nanoTime() + 60_000_000_000L;
            while (outcomes.size() < 30 && System.nanoTime() < warm) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            // two requests that will still be in flight at the signal: an upload a byte every 100 ms,
            // and a large page read 64 KiB every 50 ms
            Socket upload = new Socket();
            upload.connect(at, 5000);
            upload.setSoTimeout(30_000);
            byte[] body = "{\"limit\": 7}".getBytes(StandardCharsets.US_ASCII);
            upload.getOutputStream().write(("POST /search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<RawHttp> uploaded = CompletableFuture.supplyAsync(() -> {
                try {
                    OutputStream out = upload.getOutputStream();
                    for (byte b : body) {
                        TimeUnit.MILLISECONDS.sleep(250);
                        out.write(b);
                        out.flush();
                    }
                    return RawHttp.read(upload.getInputStream());
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException("the upload in flight: " + e, e);
                }
            });
            Socket large = new Socket();
            large.setReceiveBufferSize(16 * 1024);
            large.connect(at, 5000);
            large.setSoTimeout(30_000);
            large.getOutputStream().write(("GET /search?limit=" + PAGE + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<RawHttp> readSlowly = CompletableFuture.supplyAsync(() -> {
                try {
                    return RawHttp.read(new SlowStream(large.getInputStream(), 64 * 1024, 50));
                } catch (IOException e) {
                    throw new IllegalStateException("the large page in flight: " + e, e);
                }
            });
            // and an upload of a byte every 250 ms that would take a minute: only the grace period ends it
            Socket longUpload = new Socket();
            longUpload.connect(at, 5000);
            longUpload.getOutputStream().write(("POST /search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 240\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<Void> crawl = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < 240; i++) {
                        TimeUnit.MILLISECONDS.sleep(250);
                        longUpload.getOutputStream().write(' ');
                    }
                } catch (IOException | InterruptedException cutAtTheEndOfTheGrace) {
                    // expected
                }
            });
            TimeUnit.MILLISECONDS.sleep(1000);
            assertTrue(!uploaded.isDone() && !readSlowly.isDone(), "both slow requests are still in flight at the signal");

            long signal = System.nanoTime();
            serve.process().destroy();
            TimeUnit.MILLISECONDS.sleep(500);
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "a new connection is refused once stopping");

            RawHttp page = readSlowly.get(GRACE + 5, TimeUnit.SECONDS);
            double pageSeconds = (System.nanoTime() - signal) / 1e9;
            assertEquals(200, page.status(), page.headers().toString());
            assertEquals(PAGE, page.json().path("features").size(), "the whole large page");
            RawHttp searched = uploaded.get(GRACE + 5, TimeUnit.SECONDS);
            assertEquals(200, searched.status(), searched.toString());
            assertEquals(7, searched.json().path("numberReturned").asInt());
            assertTrue(serve.process().waitFor(GRACE + 5, TimeUnit.SECONDS), "serve exits within its grace period:\n" + serve.output());
            double exitSeconds = (System.nanoTime() - signal) / 1e9;
            crawl.cancel(true);
            longUpload.close();
            assertTrue(exitSeconds > GRACE - 1 && exitSeconds < GRACE + 2, "serve exits at the end of its grace period, not waiting for the one-minute upload: "
                    + exitSeconds + " s");
            int code = serve.process().exitValue();
            assertTrue(code == 143 || code == 0, "exit code " + code + "\n" + serve.output());
            loading.set(false);
            for (Thread t : load) {
                t.join(30_000);
            }
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "nothing listens after the exit");

            long before = 0;
            long after = 0;
            long refused = 0;
            List<String> broken = new ArrayList<>();
            synchronized (outcomes) {
                for (Outcome o : outcomes) {
                    boolean acceptedBefore = o.sent > 0 && o.sent < signal - 250_000_000L;
                    if (o.problem == null) {
                        before += o.started < signal ? 1 : 0;
                        after += o.started >= signal ? 1 : 0;
                    } else if (o.problem.startsWith("truncated") || acceptedBefore) {
                        broken.add(String.format(Locale.ROOT, "sent %.3f s before the signal: %s", (signal - o.sent) / 1e9, o.problem));
                    } else {
                        refused++;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "graceful stop: %d searches answered before the signal, %d after, %d refused or cut after; the large page (%d bytes) and the"
                    + " upload answered (the page %.1f s after the signal); exit %d after %.1f s%n", before, after, refused, page.body().length,
                    pageSeconds, code, exitSeconds);
            assertTrue(broken.isEmpty(), broken.size() + " requests accepted before the signal not answered completely:\n" + String.join("\n", broken));
            assertTrue(before > 10, "the load ran: " + before);
            assertTrue(serve.output().lines().noneMatch(l -> l.contains("SEVERE") || l.contains("Exception")), serve.output());
        } finally {
            serve.process().destroyForcibly();
        }
    }

    private static void pause(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One search on a connection of its own; a 200 must be a whole page, a 503 the API's JSON error. */
    private static Outcome search(InetSocketAddress at) {
        long started = System.nanoTime();
        long sent = 0;
        try (Socket s = new Socket()) {
            s.connect(at, 5000);
            s.setSoTimeout(30_000);
            s.getOutputStream().write("GET /search?limit=20 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            sent = System.nanoTime();
            RawHttp a;
            try {
                a = RawHttp.read(s.getInputStream());
            } catch (IOException e) {
                return new Outcome(started, sent, e.getMessage() != null && e.getMessage().contains("cut off") ? "truncated: " + e : e.toString(), 0);
            }
            JsonNode json = a.json();
            if (a.status() == 200 && json.path("features").size() == 20 && json.path("numberReturned").asInt() == 20) {
                return new Outcome(started, sent, null, 200);
            }
            if (a.status() == 503 && json.path("code").isTextual()) {
                return new Outcome(started, sent, null, 503);
            }
            return new Outcome(started, sent, "truncated or wrong: " + a, a.status());
        } catch (IOException e) {
            return new Outcome(started, sent, e.toString(), 0);
        } catch (AssertionError notJson) {
            return new Outcome(started, sent, "truncated: " + notJson.getMessage(), 0);
        }
    }

    /** Reads at most {@code step} bytes every {@code pause} ms: a client on a slow link. */
    private static final class SlowStream extends InputStream {
        private final InputStream in;
        private final int step;
        private final long pause;
        private int left;

        SlowStream(InputStream in, int step, long pause) {
            this.in = in;
            this.step = step;
            this.pause = pause;
            this.left = step;
        }

        @Override
        public int read() throws IOException {
            pace(1);
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, pace(len));
        }

        private int pace(int wanted) throws IOException {
            if (left == 0) {
                try {
                    TimeUnit.MILLISECONDS.sleep(pause);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                left = step;
            }
            int n = Math.min(wanted, left);
            left -= n;
            return n;
        }
    }
}
