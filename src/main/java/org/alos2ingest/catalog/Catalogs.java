package org.alos2ingest.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alos2ingest.config.DatasetDefinitions;

/**
 * Opens a catalog from the URI a user gives, by its scheme: {@code sqlite:<file>} for the embedded
 * catalog; {@code opensearch://host:port[/prefix]} or {@code opensearch+https://host:port[/prefix]}
 * for a GRQ catalog in OpenSearch. A plain path is opened by its extension: a .sqlite/.db/.sqlite3
 * file as the embedded catalog, a {@code .json} file as the configuration of an OpenSearch one
 * ({@link OpenSearchEndpoint#read}).
 */
public final class Catalogs {

    /** Opens the catalog a URI or path names. */
    @FunctionalInterface
    interface Factory {
        Catalog open(String location, DatasetDefinitions definitions);
    }

    /** The kinds by URI scheme: one line each. */
    private static final Map<String, Factory> SCHEMES = new LinkedHashMap<>();
    /** The kinds by the extension of a path given instead of a URI. */
    private static final Map<String, Factory> EXTENSIONS = new LinkedHashMap<>();

    static {
        SCHEMES.put("sqlite", (uri, definitions) -> new SqliteCatalog(Path.of(uri.substring("sqlite:".length()))));
        SCHEMES.put("opensearch", Catalogs::openSearch);
        SCHEMES.put("opensearch+http", Catalogs::openSearch);
        SCHEMES.put("opensearch+https", Catalogs::openSearch);
        for (String ext : new String[] {".sqlite", ".db", ".sqlite3"}) {
            EXTENSIONS.put(ext, (file, definitions) -> new SqliteCatalog(Path.of(file)));
        }
        EXTENSIONS.put(".json", (file, definitions) -> new OpenSearchCatalog(OpenSearchEndpoint.read(Path.of(file), System.getenv(), netrc()), definitions));
    }

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

    private Catalogs() {
    }

    /** The forms a catalog location takes, as a usage error lists them. */
    public static final String FORMS = "sqlite:<file>, opensearch://host:port, opensearch+https://host:port or a catalog .json file";

    public static Catalog open(String uri) {
        return open(uri, null);
    }

    /** Whether {@code uri} names a kind of catalog that {@link #open} knows, without opening it. */
    public static boolean known(String uri) {
        return factory(uri) != null;
    }

    /**
     * @param definitions the datasets.json in use, whose {@code index} sections (suffix, aliases) a
     *                    GRQ catalog applies; may be null
     */
    public static Catalog open(String uri, DatasetDefinitions definitions) {
        Factory f = factory(uri);
        if (f == null) {
            throw new CatalogException("unknown catalog '" + uri.replaceAll("//[^/@]*@", "//***@") + "' (expected " + FORMS + ")");
        }
        return f.open(uri, definitions);
    }

    private static Factory factory(String uri) {
        Matcher m = SCHEME.matcher(uri);
        Factory f = m.find() ? SCHEMES.get(m.group(1).toLowerCase(Locale.ROOT)) : null;
        if (f == null) {
            String ext = uri.lastIndexOf('.') < 0 ? "" : uri.substring(uri.lastIndexOf('.'));
            f = EXTENSIONS.get(ext);
            if (ext.equals(".json") && !Files.isRegularFile(Path.of(uri))) {
                f = null;
            }
        }
        return f;
    }

    private static Catalog openSearch(String uri, DatasetDefinitions definitions) {
        return new OpenSearchCatalog(OpenSearchEndpoint.parse(uri, System.getenv(), netrc()), definitions);
    }

    private static Path netrc() {
        return org.alos2ingest.util.UserHome.netrc(System.getenv());
    }
}
