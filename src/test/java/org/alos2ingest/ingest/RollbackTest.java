package org.alos2ingest.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.CatalogException;
import org.alos2ingest.catalog.SearchQuery;
import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Settings;
import org.alos2ingest.fetch.LocalSource;
import org.alos2ingest.publish.Publishers;
import org.alos2ingest.testing.Deliveries;
import org.alos2ingest.unpack.UnpackLimits;
import org.alos2ingest.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the catalog refuses a dataset after it was published, the publish is undone. */
class RollbackTest {

    @TempDir
    Path tmp;

    /** A real catalog whose writes fail, as a full disk or a cluster rejecting a mapping would. */
    private static final class RefusingCatalog implements Catalog {
        private final SqliteCatalog real;

        RefusingCatalog(SqliteCatalog real) {
            this.real = real;
        }

        @Override
        public String describe() {
            return real.describe();
        }

        @Override
        public boolean contains(String id) {
            return real.contains(id);
        }

        @Override
        public Set<String> containsAny(Collection<String> ids) {
            return real.containsAny(ids);
        }

        @Override
        public void index(ObjectNode document) {
            throw new CatalogException("catalog refused " + document.path("id").asText() + ": disk full");
        }

        @Override
        public Optional<ObjectNode> get(String id) {
            return real.get(id);
        }

        @Override
        public boolean remove(String id) {
            return real.remove(id);
        }

        @Override
        public List<ObjectNode> search(SearchQuery query) {
            return real.search(query);
        }

        @Override
        public long count() {
            return real.count();
        }

        @Override
        public void close() {
            real.close();
        }
    }

    @Test
    void aRefusedDatasetIsUnpublished() throws IOException {
        Path zip = Deliveries.zip(tmp.resolve("in"), "fbd", 200);
        Path home = tmp.resolve("home");
        Settings settings = Settings.load(null, Map.of("ALOS2_INGEST_HOME", home.toString()));
        IngestOptions options = new IngestOptions(home.resolve("work"), settings, DatasetDefinitions.load(null), UnpackLimits.defaults(),
                false, false, Progress.silent(), null);
        IngestReport report;
        try (Catalog c = new RefusingCatalog(new SqliteCatalog(home.resolve("catalog.sqlite")))) {
            report = new IngestJob(options, c, Publishers.local(), List.of()).run(new LocalSource(zip));
            assertEquals(0, c.count());
        }
        assertTrue(report.failed());
        assertEquals("catalog refused ALOS2146686640-170209-FBDR1.5GUA: disk full", report.outcomes().get(0).detail());
        try (Stream<Path> s = Files.walk(home.resolve("published"))) {
            assertEquals(List.of(), s.filter(Files::isRegularFile).toList(), "nothing left published");
        }
        assertTrue(Files.exists(zip), "the delivery itself is untouched");
    }
}
