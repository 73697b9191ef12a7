package org.alos2ingest.render;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Serves a folder over HTTP on a free port of 127.0.0.1 and logs every request with its status. */
final class LoggingFileServer implements AutoCloseable {

    record Request(String path, int status) {
    }

    private final HttpServer server;
    private final Path root;
    private final List<Request> log = new CopyOnWriteArrayList<>();

    LoggingFileServer(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    List<Request> requests() {
        return List.copyOf(log);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        Path f = root.resolve(path.substring(1)).normalize();
        int status;
        byte[] body;
        if (!f.startsWith(root) || !Files.isRegularFile(f)) {
            status = 404;
            body = "not found".getBytes();
        } else {
            status = 200;
            body = Files.readAllBytes(f);
            ex.getResponseHeaders().set("Content-Type", type(f.getFileName().toString()));
        }
        log.add(new Request(path, status));
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static String type(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "application/javascript";
        }
        if (name.endsWith(".css")) {
            return "text/css";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        return "application/octet-stream";
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
