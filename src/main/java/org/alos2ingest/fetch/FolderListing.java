package org.alos2ingest.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The delivery zips in one folder of a web or WebDAV server, as the server lists them: a WebDAV
 * {@code PROPFIND} (Depth 1) where the server speaks WebDAV, else the HTML index page a plain server
 * (Apache, nginx autoindex, IIS) makes of a folder. Only the folder's direct children whose names end
 * in {@code .zip} count; sub-folders and links elsewhere are ignored. The login is a plain URL's
 * ({@link UrlSource}): .netrc for the host, or the URL login options.
 */
public final class FolderListing {

    /**
     * One zip in the folder.
     *
     * @param size bytes, or -1 when the listing does not say (HTML indexes)
     * @param etag the server's entity tag when it gives one, else empty
     */
    public record Entry(URI url, String name, long size, String etag) {
    }

    private static final Pattern HREF = Pattern.compile("(?i)\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    private static final int PAGE_LIMIT = 16 << 20;

    private final URI folder;
    private final FetchConfig config;
    private final WebDavPropfind dav;
    private HttpSession session;
    /** Learnt on the first listing: a server that does not speak WebDAV is not asked again. */
    private volatile Boolean speaksDav;

    public FolderListing(String url, FetchConfig config) {
        URI u = Urls.parse(url);
        if (u.getRawUserInfo() != null) {
            throw new IllegalArgumentException("'" + Urls.display(u) + "': give the login in .netrc or with --url-user, not in the URL");
        }
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        this.folder = URI.create(u.getScheme() + "://" + u.getRawAuthority() + (path.endsWith("/") ? path : path + "/"));
        this.config = config;
        this.dav = new WebDavPropfind(config, UrlSource.namedLogin(folder, Optional.empty(), config)
                .or(() -> config.credentials().netrcFor(folder.getHost())));
    }

    public URI folder() {
        return folder;
    }

    public String describe() {
        return Urls.display(folder);
    }

    /**
     * The zips the folder holds now, in the server's order.
     *
     * @throws FetchException when the folder cannot be listed (the server is down, refuses the login, has no such folder)
     */
    public List<Entry> zips() {
        if (!Boolean.FALSE.equals(speaksDav)) {
            Optional<List<Entry>> listed = dav.list(folder);
            speaksDav = listed.isPresent();
            if (listed.isPresent()) {
                return listed.get();
            }
        }
        return fromIndexPage();
    }

    private List<Entry> fromIndexPage() {
        try (HttpSession.Response r = session().send(HttpSession.Request.get(folder))) {
            if (r.status() == 401 || r.status() == 403) {
                throw new FetchException(describe() + ": HTTP " + r.status() + ": the login was refused (check .netrc or --url-user)");
            }
            if (r.status() != 200) {
                throw new FetchException(describe() + ": HTTP " + r.status() + " for the folder's index page");
            }
            if (!r.contentType().contains("html")) {
                throw new FetchException(describe() + ": expected an HTML index page or a WebDAV folder, got '" + r.contentType() + "'");
            }
            return links(r.text(PAGE_LIMIT), r.uri());
        } catch (IOException e) {
            throw new FetchException(describe() + ": " + HttpFailures.describe(e), e);
        }
    }

    /** The zips an HTML index page links to, among the folder's direct children. */
    static List<Entry> links(String page, URI base) {
        URI dir = base.getRawPath().endsWith("/") ? base : URI.create(base.toString() + "/");
        Map<String, Entry> out = new LinkedHashMap<>();
        Matcher m = HREF.matcher(page);
        while (m.find()) {
            String raw = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            child(dir, raw.replace("&amp;", "&").strip()).ifPresent(u -> out.putIfAbsent(u.toString(), new Entry(u, name(u), -1, "")));
        }
        return new ArrayList<>(out.values());
    }

    /** {@code href} resolved against the folder, when it is a zip directly inside it. */
    static Optional<URI> child(URI dir, String href) {
        URI u;
        try {
            u = dir.resolve(href.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null || !dir.getScheme().equalsIgnoreCase(String.valueOf(u.getScheme()))
                || !dir.getRawAuthority().equalsIgnoreCase(String.valueOf(u.getRawAuthority()))) {
            return Optional.empty();
        }
        String path = u.getRawPath();
        if (path == null || !path.startsWith(dir.getRawPath())) {
            return Optional.empty();
        }
        String rest = path.substring(dir.getRawPath().length());
        if (rest.isEmpty() || rest.contains("/") || !name(u).toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return Optional.empty();
        }
        return Optional.of(u);
    }

    static String name(URI u) {
        String p = u.getRawPath();
        return URLDecoder.decode(p.substring(p.lastIndexOf('/') + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private synchronized HttpSession session() {
        if (session == null) {
            HttpSession s = new HttpSession(config, UrlSource.USER_AGENT, true);
            UrlSource.namedLogin(folder, Optional.empty(), config).ifPresent(c -> s.authorize(folder.getHost(), c));
            session = s;
        }
        return session;
    }
}
