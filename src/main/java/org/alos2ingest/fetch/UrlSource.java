package org.alos2ingest.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import org.alos2ingest.identify.DeliveryNames;
import org.alos2ingest.util.Progress;

/**
 * A product zip at an HTTP or HTTPS URL (a web or WebDAV server, a presigned object-store URL).
 * Credentials come from the URL's {@code user:password@} part, the URL login options, or .netrc
 * (machine = host); they are sent to that host only, never to a host it redirects to.
 */
public final class UrlSource implements Source {

    /** Jobs of type {@code url} name an http(s) URL without credentials; the login is the worker's (.netrc, variables). */
    public static final SourceType TYPE = new SourceType() {
        private static final String URL = "url";

        @Override
        public String name() {
            return URL;
        }

        @Override
        public List<String> jobParams() {
            return List.of(URL);
        }

        @Override
        public Source fromJob(Map<String, String> params, FetchConfig config) {
            return new UrlSource(SourceTypes.require(params, URL, URL), config);
        }

        @Override
        public String subject(Map<String, String> params) {
            if (!params.containsKey(URL)) {
                return "";
            }
            String path = Urls.parse(params.get(URL)).getPath();
            String p = path == null ? "" : path.replaceAll("/+$", "");
            return p.substring(p.lastIndexOf('/') + 1);
        }

        @Override
        public Optional<SourceType.Service> service() {
            return Optional.of(new SourceType.Service("download server", Optional.empty(), "ALOS2_INGEST_URL_USER", "ALOS2_INGEST_URL_PASSWORD",
                    Optional.empty()));
        }

        @Override
        public Optional<Map<String, String>> fromArgument(String argument) {
            return Urls.isHttp(argument) ? Optional.of(Map.of(URL, argument.strip())) : Optional.empty();
        }

        @Override
        public void checkQueueable(Map<String, String> params) {
            URI u = Urls.parse(SourceTypes.require(params, URL, URL));
            if (u.getRawUserInfo() != null) {
                throw new IllegalArgumentException("'" + Urls.display(u) + "': a queued job never carries credentials; put the login in the workers' .netrc");
            }
        }

        @Override
        public Optional<PgeJob> pgeJob() {
            return Optional.of(new PgeJob("ingest_alos2_downloadurl", List.of("download_url"), context -> {
                String url = context.get("download_url");
                if (url == null) {
                    throw new IllegalArgumentException("has no download_url (the URL of the zip to ingest)");
                }
                if (!Urls.isHttp(url)) {
                    throw new IllegalArgumentException("download_url must be an http or https URL");
                }
                return Map.of(URL, url);
            }));
        }
    };

    private static final Logger LOG = Logger.getLogger("org.alos2ingest.fetch");
    static final String USER_AGENT = "alos2-ingest";

    private final URI uri;
    private final Optional<Credentials> inUrl;
    private final FetchConfig config;
    private HttpSession session;

    public UrlSource(String url, FetchConfig config) {
        URI u = Urls.parse(url);
        this.inUrl = Urls.userInfo(u);
        this.uri = Urls.withoutUserInfo(u);
        this.config = config;
    }

    @Override
    public String describe() {
        return Urls.display(uri);
    }

    /**
     * The file name is the URL's last segment when it names a scene; otherwise a HEAD asks for
     * Content-Disposition. A server that refuses HEAD (presigned URLs often do) is no error: the
     * name is then learnt when the file arrives.
     */
    @Override
    public List<Item> list() {
        Optional<String> name = ContentDisposition.lastSegment(uri);
        long size = -1;
        if (name.isEmpty() || DeliveryNames.sceneId(name.get()).isEmpty()) {
            try (HttpSession.Response r = session().send(HttpSession.Request.head(uri))) {
                if (r.status() == 200) {
                    Optional<String> cd = ContentDisposition.fileName(r.header("Content-Disposition").orElse(null));
                    name = cd.isPresent() ? cd : name;
                    size = r.contentLength();
                }
            } catch (FetchException e) {
                LOG.fine(Urls.display(uri) + ": HEAD failed (" + e.getMessage() + "), the name will come with the download");
            }
        }
        return List.of(new Item(name, Urls.display(uri), size, Map.of("url", Urls.display(uri)), Optional.empty()));
    }

    @Override
    public Delivery fetch(Item item, Path workDir, Progress progress) {
        HttpDownloader.Download d = new HttpDownloader(session(), progress).download(uri, workDir, true);
        return new Delivery(d.file(), Urls.display(uri), true, Map.of(), List.of(d.transfer()));
    }

    private synchronized HttpSession session() {
        if (session == null) {
            HttpSession s = new HttpSession(config, USER_AGENT, true);
            // .netrc entries are applied host by host by the session; only a login named for this URL is bound here
            namedLogin(uri, inUrl, config).ifPresent(x -> s.authorize(uri.getHost(), x));
            session = s;
        }
        return session;
    }

    /** The login given for this URL itself ({@code user:password@}, or the URL login options); .netrc is the session's. */
    static Optional<Credentials> namedLogin(URI uri, Optional<Credentials> inUrl, FetchConfig config) {
        if (inUrl.isPresent()) {
            return inUrl;
        }
        return config.credentials().namedUser(config.login(TYPE)).isPresent() ? config.credentials().forService(config.login(TYPE), uri.getHost())
                : Optional.empty();
    }
}
