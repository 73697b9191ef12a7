package org.alos2ingest.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalog URIs, config files and credentials: what is read, and what is never shown. */
class OpenSearchEndpointTest {

    @TempDir
    Path tmp;

    @Test
    void readsTheUriForms() {
        OpenSearchEndpoint a = OpenSearchEndpoint.parse("opensearch://search.example:9201", Map.of(), null);
        assertEquals(URI.create("http://search.example:9201"), a.base());
        assertEquals("grq", a.prefix());
        assertNull(a.user());
        assertEquals("opensearch://search.example:9201", a.describe());
        OpenSearchEndpoint b = OpenSearchEndpoint.parse("opensearch+https://grq.example/ops-grq", Map.of(), null);
        assertEquals(URI.create("https://grq.example:9200"), b.base());
        assertEquals("ops-grq", b.prefix());
        assertEquals("opensearch+https://grq.example:9200/ops-grq", b.describe());
        assertTrue(OpenSearchEndpoint.isUri("OpenSearch+HTTPS://x:1"));
        assertFalse(OpenSearchEndpoint.isUri("sqlite:/tmp/c.sqlite"));
    }

    @Test
    void credentialsComeFromTheEnvironmentOrNetrcNeverTheUri() throws IOException {
        CatalogException inUri = assertThrows(CatalogException.class,
                () -> OpenSearchEndpoint.parse("opensearch+https://admin:s3cret@grq.example:9200", Map.of(), null));
        assertFalse(inUri.getMessage().contains("s3cret"), inUri.getMessage());
        assertTrue(inUri.getMessage().contains("OPENSEARCH_USER"));

        OpenSearchEndpoint env = OpenSearchEndpoint.parse("opensearch+https://grq.example:9200",
                Map.of("OPENSEARCH_USER", "ops", "OPENSEARCH_PASSWORD", "pa55"), null);
        assertEquals("ops", env.user());
        assertEquals("pa55", env.password());
        assertFalse(env.toString().contains("pa55"));
        assertFalse(env.describe().contains("ops"));

        Path netrc = Files.writeString(tmp.resolve(".netrc"),
                "machine other.example login x password y\nmachine grq.example\n  login netrc-user\n  password netrc-pass\ndefault login d password dp\n");
        OpenSearchEndpoint n = OpenSearchEndpoint.parse("opensearch+https://grq.example:9200", Map.of(), netrc);
        assertEquals("netrc-user", n.user());
        assertEquals("netrc-pass", n.password());
        assertEquals("d", OpenSearchEndpoint.parse("opensearch://unknown.example:9200", Map.of(), netrc).user());
        assertThrows(CatalogException.class, () -> OpenSearchEndpoint.parse("opensearch://x:1", Map.of("OPENSEARCH_USER", "u"), null));
    }

    @Test
    void refusesPrefixesThatWouldBreakIndexNames() {
        CatalogException e = assertThrows(CatalogException.class, () -> OpenSearchEndpoint.parse("opensearch://x:9200/GRQ_v1", Map.of(), null));
        assertTrue(e.getMessage().contains("GRQ_v1"), e.getMessage());
    }

    @Test
    void readsAConfigFile() throws IOException {
        Path f = Files.writeString(tmp.resolve("catalog.json"),
                "{\"url\": \"https://grq.example:443\", \"prefix\": \"grq\", \"user\": \"u\", \"password\": \"p\"}");
        OpenSearchEndpoint e = OpenSearchEndpoint.read(f, Map.of(), null);
        assertEquals(URI.create("https://grq.example:443"), e.base());
        assertEquals("u", e.user());
        assertEquals("opensearch+https://grq.example:443", e.describe());
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"prefix\": \"grq\"}");
        CatalogException x = assertThrows(CatalogException.class, () -> OpenSearchEndpoint.read(bad, Map.of(), null));
        assertTrue(x.getMessage().startsWith(bad + ": "), x.getMessage());
    }

    /** Basic authentication is sent, and a refusal says where credentials come from. */
    @Test
    void sendsBasicAuthentication() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicReference<String> seen = new AtomicReference<>();
        server.createContext("/", x -> {
            seen.set(x.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"error\":{\"type\":\"security_exception\",\"reason\":\"missing permissions\"},\"status\":403}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(403, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        try {
            OpenSearchEndpoint e = OpenSearchEndpoint.parse("opensearch://127.0.0.1:" + server.getAddress().getPort(),
                    Map.of("OPENSEARCH_USER", "ops", "OPENSEARCH_PASSWORD", "pa:55"), null);
            try (OpenSearchCatalog c = new OpenSearchCatalog(e, null)) {
                CatalogException x = assertThrows(CatalogException.class, () -> c.contains("x"));
                assertTrue(x.getMessage().contains("HTTP 403") && x.getMessage().contains("OPENSEARCH_USER"), x.getMessage());
                assertFalse(x.getMessage().contains("pa:55"));
            }
            assertEquals("Basic " + Base64.getEncoder().encodeToString("ops:pa:55".getBytes(StandardCharsets.UTF_8)), seen.get());
        } finally {
            server.stop(0);
        }
    }
}
