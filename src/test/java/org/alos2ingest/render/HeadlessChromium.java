package org.alos2ingest.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;

/**
 * Debian's Chromium, headless, driven over the Chrome DevTools Protocol (a WebSocket, with the
 * JDK's own client): one page, its network events recorded, JavaScript evaluated, screenshots taken.
 */
public final class HeadlessChromium implements AutoCloseable {

    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private String session;

    /** The Chromium executable: $CHROMIUM, else the first of chromium, chromium-browser on the PATH. */
    public static Optional<Path> executable() {
        String env = System.getenv("CHROMIUM");
        if (env != null && Files.isExecutable(Path.of(env))) {
            return Optional.of(Path.of(env));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    public HeadlessChromium(Path executable, Path profile, int width, int height) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "about:blank"));
        process = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> wsUrl = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    stderr.add(line);
                    int at = line.indexOf("ws://");
                    if (line.startsWith("DevTools listening on") && at >= 0) {
                        wsUrl.complete(line.substring(at).trim());
                    }
                }
            } catch (IOException e) {
                wsUrl.completeExceptionally(e);
            }
            wsUrl.completeExceptionally(new IOException("Chromium exited: " + String.join(" | ", stderr)));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        String url;
        try {
            url = wsUrl.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IOException("Chromium did not start: " + e.getMessage() + " " + String.join(" | ", stderr), e);
        }
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new Listener()).join();
        JsonNode target = send("Target.createTarget", Json.object().put("url", "about:blank"));
        JsonNode attached = send("Target.attachToTarget", Json.object().put("targetId", target.path("targetId").asText()).put("flatten", true));
        session = attached.path("sessionId").asText();
        send("Page.enable", Json.object());
        send("Network.enable", Json.object());
        send("Runtime.enable", Json.object());
        send("Emulation.setDeviceMetricsOverride", Json.object().put("width", width).put("height", height).put("deviceScaleFactor", 1)
                .put("mobile", false));
    }

    /** Sends a command (to the page once attached) and waits for its result. */
    public JsonNode send(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode msg = Json.object().put("id", id).put("method", method);
        msg.set("params", params);
        if (session != null) {
            msg.put("sessionId", session);
        }
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText(Json.compact(msg), true).join();
        JsonNode reply;
        try {
            reply = f.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(method + ": no reply from Chromium: " + e, e);
        }
        if (reply.has("error")) {
            throw new IllegalStateException(method + ": " + reply.path("error"));
        }
        return reply.path("result");
    }

    public void navigate(String url) throws InterruptedException {
        int before = events.size();
        send("Page.navigate", Json.object().put("url", url));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (JsonNode e : events.subList(before, events.size())) {
                if (e.path("method").asText().equals("Page.loadEventFired")) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("page " + url + " did not load within 60 s");
    }

    /** Evaluates a JavaScript expression in the page and returns its value (as JSON). */
    public JsonNode evaluate(String expression) {
        JsonNode r = send("Runtime.evaluate", Json.object().put("expression", expression).put("returnByValue", true).put("awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("JavaScript failed: " + r.path("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    public byte[] screenshot() {
        JsonNode r = send("Page.captureScreenshot", Json.object().put("format", "png"));
        return java.util.Base64.getDecoder().decode(r.path("data").asText());
    }

    public List<JsonNode> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode msg = Json.MAPPER.readTree(partial.toString());
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(msg.path("id").asInt());
                        if (f != null) {
                            f.complete(msg);
                        }
                    } else {
                        events.add(msg);
                    }
                } catch (IOException e) {
                    events.add(Json.object().put("method", "unparseable").put("text", e.getMessage()));
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
