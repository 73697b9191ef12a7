package org.alos2ingest.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

/** Core, collections and OGC API Features: the landing page, /api, /conformance, collections and items. */
abstract class ServeCoreContract extends ServeApiContract {

    @Test
    void theLandingPageLinksEverythingAndClaimsWhatWorks() {
        Http.Answer a = http.get("/");
        assertEquals(200, a.status());
        assertEquals("application/json", a.header("Content-Type"));
        JsonNode landing = a.json();
        assertEquals("Catalog", landing.path("type").asText());
        assertEquals("1.0.0", landing.path("stac_version").asText());
        for (String rel : List.of("self", "root", "conformance", "service-desc", "data")) {
            assertNotNull(link(landing, rel), rel);
        }
        assertEquals(Links.OPENAPI, link(landing, "service-desc").path("type").asText());
        Set<String> searchMethods = new HashSet<>();
        landing.path("links").forEach(l -> {
            if (l.path("rel").asText().equals("search")) {
                searchMethods.add(l.path("method").asText());
                assertEquals(http.base + "search", l.path("href").asText());
            }
        });
        assertEquals(Set.of("GET", "POST"), searchMethods);
        List<String> children = new ArrayList<>();
        landing.path("links").forEach(l -> {
            if (l.path("rel").asText().equals("child")) {
                children.add(l.path("href").asText());
            }
        });
        assertTrue(children.contains(http.base + "collections/L1.5_geotiff"), children.toString());
        JsonNode conformance = http.get("/conformance").json();
        assertEquals(landing.path("conformsTo"), conformance.path("conformsTo"));
        List<String> classes = new ArrayList<>();
        conformance.path("conformsTo").forEach(c -> classes.add(c.asText()));
        assertTrue(classes.containsAll(CoreDocuments.ALWAYS), classes.toString());
        assertEquals(server != null && backendFilters(), classes.containsAll(CoreDocuments.FILTER), "filter claimed exactly when it works");
    }

    boolean backendFilters() {
        return http.get("/queryables").status() == 200;
    }

    @Test
    void apiIsAValidOpenApi30Document() {
        Http.Answer a = http.get("/api", "Accept-Encoding", "gzip");
        assertEquals(200, a.status());
        assertEquals(Links.OPENAPI, a.header("Content-Type"));
        assertEquals("gzip", a.header("Content-Encoding"), "JSON is compressed when asked");
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(a.text());
        assertNotNull(parsed.getOpenAPI(), String.valueOf(parsed.getMessages()));
        assertEquals(List.of(), parsed.getMessages());
        assertTrue(parsed.getOpenAPI().getOpenapi().startsWith("3.0"));
        assertEquals(http.base.toString(), parsed.getOpenAPI().getServers().get(0).getUrl());
        for (String path : List.of("/", "/conformance", "/collections", "/collections/{collectionId}", "/collections/{collectionId}/items",
                "/collections/{collectionId}/items/{featureId}", "/search")) {
            assertNotNull(parsed.getOpenAPI().getPaths().get(path), path);
        }
        assertNotNull(parsed.getOpenAPI().getPaths().get("/search").getPost());
    }

    @Test
    void collectionsOnePerDatasetType() {
        JsonNode list = http.get("/collections").json();
        Set<String> ids = new HashSet<>();
        list.path("collections").forEach(c -> ids.add(c.path("id").asText()));
        assertTrue(ids.containsAll(Set.of("L1.5_geotiff", "alos2_slc")), ids.toString());
        JsonNode c = http.get("/collections/L1.5_geotiff").json();
        assertEquals("Collection", c.path("type").asText());
        assertEquals(http.base + "collections/L1.5_geotiff", link(c, "self").path("href").asText());
        assertEquals(http.base + "collections/L1.5_geotiff/items", link(c, "items").path("href").asText());
        assertTrue(c.path("extent").path("spatial").path("bbox").isArray());
        assertError(http.get("/collections/nope"), 404, "nope");
    }

    @Test
    void itemsOfACollectionByAreaTimeAndLimit() {
        Http.Answer a = http.get("/collections/L1.5_geotiff/items?limit=5");
        assertEquals(200, a.status());
        assertEquals("application/geo+json", a.header("Content-Type"));
        JsonNode fc = a.json();
        assertEquals("FeatureCollection", fc.path("type").asText());
        assertEquals(5, fc.path("features").size());
        assertNotNull(link(fc, "next"));
        fc.path("features").forEach(f -> assertEquals("L1.5_geotiff", f.path("collection").asText()));
        List<String> l15 = walkGet("/collections/L1.5_geotiff/items?limit=7");
        assertTrue(l15.containsAll(List.of(CHILE, JAPAN)) && !l15.contains(FIJI), l15.toString());
        assertEquals(RUN + 2, l15.size());

        JsonNode chile = http.get("/collections/L1.5_geotiff/items?bbox=-70.4,-27.3,-70.2,-27.1&datetime=" + q("2017-02-01T00:00:00Z/2017-02-28T00:00:00Z")).json();
        assertEquals(List.of(CHILE), ids(chile));
        assertEquals(List.of(), ids(http.get("/collections/alos2_slc/items?bbox=-70.4,-27.3,-70.2,-27.1").json()));
    }

    @Test
    void oneItemWithItsLinksAndAssetsServedHere() throws Exception {
        Http.Answer a = http.get("/collections/L1.5_geotiff/items/" + CHILE);
        assertEquals(200, a.status(), a.toString());
        assertEquals("application/geo+json", a.header("Content-Type"));
        JsonNode item = a.json();
        assertEquals("Feature", item.path("type").asText());
        assertEquals(CHILE, item.path("id").asText());
        assertEquals(http.base + "collections/L1.5_geotiff/items/" + CHILE, link(item, "self").path("href").asText());
        assertEquals(http.base + "collections/L1.5_geotiff", link(item, "collection").path("href").asText());
        assertEquals(http.base.toString(), link(item, "root").path("href").asText());
        String zipHref = null;
        for (JsonNode asset : item.path("assets")) {
            if (asset.path("type").asText().equals("application/zip")) {
                zipHref = asset.path("href").asText();
            }
        }
        assertNotNull(zipHref, item.toString());
        assertTrue(zipHref.startsWith(http.base + "assets/datasets/L1.5_geotiff/"), zipHref);
        Http.Answer zip = http.get(zipHref);
        assertEquals(200, zip.status());
        Path published;
        try (Stream<Path> s = Files.walk(home.resolve("published"))) {
            published = s.filter(p -> p.getFileName().toString().equals(CHILE + ".zip")).findFirst().orElseThrow();
        }
        assertArrayEquals(Files.readAllBytes(published), zip.bytes());

        assertError(http.get("/collections/L1.5_geotiff/items/NOPE"), 404, "NOPE");
        assertError(http.get("/collections/alos2_slc/items/" + CHILE), 404, CHILE);
    }
}
