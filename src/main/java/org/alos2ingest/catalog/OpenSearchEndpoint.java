package org.alos2ingest.catalog;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.Json;

/**
 * Where an OpenSearch (or Elasticsearch-compatible GRQ) catalog is: its base URL, the GRQ index
 * prefix (which is also the alias every dataset index joins, {@code grq} as in HySDS), and the
 * credentials to use. Credentials never appear in {@link #toString()} or {@link #describe()}.
 *
 * <p>Written as {@code opensearch://host:port[/prefix]} (plain HTTP) or
 * {@code opensearch+https://host:port[/prefix]}; user and password come from
 * {@code OPENSEARCH_USER}/{@code OPENSEARCH_PASSWORD} or from {@code ~/.netrc} ({@code machine host}),
 * never from the URI, so that they stay out of process arguments.
 */
public record OpenSearchEndpoint(URI base, String prefix, String user, String password) {

    public static final String DEFAULT_PREFIX = "grq";
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public OpenSearchEndpoint {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new CatalogException("OpenSearch index prefix '" + prefix + "' must be lower-case letters, digits and '-' (no '_': "
                    + "GRQ index names are <prefix>_<version>_<dataset>)");
        }
        if ((user == null) != (password == null)) {
            throw new CatalogException("OpenSearch credentials need both a user and a password");
        }
    }

    /** True for the URIs {@link #parse} reads. */
    public static boolean isUri(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.startsWith("opensearch://") || t.startsWith("opensearch+http://") || t.startsWith("opensearch+https://");
    }

    /** Reads {@code opensearch[+https]://host:port[/prefix]}, taking credentials from the environment or ~/.netrc. */
    public static OpenSearchEndpoint parse(String uri, Map<String, String> env, Path netrc) {
        URI u;
        try {
            u = new URI(uri);
        } catch (URISyntaxException e) {
            throw new CatalogException("catalog URI '" + redact(uri) + "' is not a URI: " + e.getReason());
        }
        if (u.getRawUserInfo() != null) {
            throw new CatalogException("catalog URI '" + redact(uri) + "' holds credentials: set OPENSEARCH_USER and OPENSEARCH_PASSWORD, "
                    + "or use ~/.netrc, so that they stay out of process lists and logs");
        }
        if (u.getHost() == null) {
            throw new CatalogException("catalog URI '" + uri + "' names no host (expected opensearch://host:port)");
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT).equals("opensearch+https") ? "https" : "http";
        int port = u.getPort() > 0 ? u.getPort() : 9200;
        String path = u.getPath() == null ? "" : u.getPath().replaceAll("^/+|/+$", "");
        String prefix = path.isEmpty() ? DEFAULT_PREFIX : path;
        URI base = URI.create(scheme + "://" + u.getHost() + ":" + port);
        String[] cred = credentials(u.getHost(), env, netrc);
        return new OpenSearchEndpoint(base, prefix, cred[0], cred[1]);
    }

    /**
     * Reads a catalog config file: {@code {"url": "https://host:9200", "prefix": "grq", "user": "...",
     * "password": "..."}}. User and password are optional (then the environment or ~/.netrc is asked).
     */
    public static OpenSearchEndpoint read(Path file, Map<String, String> env, Path netrc) {
        JsonNode json;
        try {
            json = Json.read(file);
        } catch (IOException e) {
            throw new CatalogException(file + ": cannot read the catalog configuration: " + e.getMessage(), e);
        }
        String url = json.path("url").asText("");
        if (url.isEmpty()) {
            throw new CatalogException(file + ": the catalog configuration needs \"url\" (e.g. https://host:9200)");
        }
        URI u = URI.create(url);
        if (u.getHost() == null || !List.of("http", "https").contains(String.valueOf(u.getScheme()).toLowerCase(Locale.ROOT))) {
            throw new CatalogException(file + ": \"url\" must be http(s)://host:port, not '" + redact(url) + "'");
        }
        if (u.getRawUserInfo() != null) {
            throw new CatalogException(file + ": put credentials in \"user\" and \"password\", not in \"url\"");
        }
        URI base = URI.create(u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost() + ":" + (u.getPort() > 0 ? u.getPort() : 9200));
        String prefix = json.path("prefix").asText(DEFAULT_PREFIX);
        String user = json.hasNonNull("user") ? json.path("user").asText() : null;
        String password = json.hasNonNull("password") ? json.path("password").asText() : null;
        if (user == null && password == null) {
            String[] cred = credentials(u.getHost(), env, netrc);
            user = cred[0];
            password = cred[1];
        }
        return new OpenSearchEndpoint(base, prefix, user, password);
    }

    private static String[] credentials(String host, Map<String, String> env, Path netrc) {
        String user = env.get("OPENSEARCH_USER");
        String password = env.get("OPENSEARCH_PASSWORD");
        if (user != null && !user.isEmpty()) {
            if (password == null) {
                throw new CatalogException("OPENSEARCH_USER is set but OPENSEARCH_PASSWORD is not");
            }
            return new String[] {user, password};
        }
        return netrcEntry(netrc, host).orElse(new String[] {null, null});
    }

    /** The login and password of {@code machine host} (or {@code default}) in a .netrc file. */
    static Optional<String[]> netrcEntry(Path netrc, String host) {
        if (netrc == null || !Files.isReadable(netrc)) {
            return Optional.empty();
        }
        List<String> tokens;
        try {
            tokens = List.of(Files.readString(netrc).trim().split("\\s+"));
        } catch (IOException e) {
            throw new CatalogException(netrc + ": cannot read: " + e.getMessage(), e);
        }
        String[] found = null;
        String[] fallback = null;
        for (int i = 0; i < tokens.size(); i++) {
            boolean machine = tokens.get(i).equals("machine") && i + 1 < tokens.size();
            boolean dflt = tokens.get(i).equals("default");
            if (!machine && !dflt) {
                continue;
            }
            String name = machine ? tokens.get(++i) : null;
            String login = null;
            String password = null;
            while (i + 1 < tokens.size() && !tokens.get(i + 1).equals("machine") && !tokens.get(i + 1).equals("default")) {
                String key = tokens.get(++i);
                if (i + 1 < tokens.size() && (key.equals("login") || key.equals("password") || key.equals("account"))) {
                    String value = tokens.get(++i);
                    if (key.equals("login")) {
                        login = value;
                    } else if (key.equals("password")) {
                        password = value;
                    }
                }
            }
            if (login != null && password != null) {
                if (host.equalsIgnoreCase(name) && found == null) {
                    found = new String[] {login, password};
                } else if (dflt && fallback == null) {
                    fallback = new String[] {login, password};
                }
            }
        }
        return Optional.ofNullable(found != null ? found : fallback);
    }

    /** The catalog as a user writes it, without credentials. */
    public String describe() {
        String scheme = base.getScheme().equals("https") ? "opensearch+https" : "opensearch";
        return scheme + "://" + base.getHost() + ":" + base.getPort() + (prefix.equals(DEFAULT_PREFIX) ? "" : "/" + prefix);
    }

    @Override
    public String toString() {
        return describe() + (user == null ? "" : " (as " + user + ")");
    }

    private static String redact(String uri) {
        return uri.replaceAll("//[^/@]*@", "//***@");
    }
}
