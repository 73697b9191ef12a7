package org.alos2ingest.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.alos2ingest.util.Progress;

/**
 * One AUIG2 order: logs in with the user's AUIG2 account and downloads the order's zip. The listing
 * asks for the file's name with a HEAD request (when the portal answers one) so that a scene already
 * cataloged is not downloaded again.
 */
public final class Auig2Source implements Source {

    /** Jobs of type {@code auig2} name an order; the job may name the AUIG2 user, never the password. */
    public static final SourceType TYPE = new SourceType() {
        private static final String AUIG2 = "auig2";
        private static final String ORDER_ID = "auig2_orderid";

        @Override
        public String name() {
            return AUIG2;
        }

        @Override
        public List<String> jobParams() {
            return List.of(ORDER_ID);
        }

        @Override
        public Source fromJob(Map<String, String> params, FetchConfig config) {
            return new Auig2Source(SourceTypes.require(params, ORDER_ID, AUIG2), config);
        }

        @Override
        public String subject(Map<String, String> params) {
            return params.getOrDefault(ORDER_ID, "").strip();
        }

        @Override
        public Optional<SourceType.Service> service() {
            return Optional.of(new SourceType.Service(Auig2Protocol.SERVICE, Optional.of(Auig2Protocol.DEFAULT_BASE), "AUIG2_USER", "AUIG2_PASSWORD",
                    Optional.of("auig2_username")));
        }

        @Override
        public List<CliOption> options() {
            return List.of(new CliOption("--auig2-order", "ID", Optional.of(ORDER_ID), "Download and ingest this AUIG2 order."));
        }

        @Override
        public Optional<PgeJob> pgeJob() {
            return Optional.of(new PgeJob("ingest_alos2_auig2", List.of(ORDER_ID, "auig2_username"), context -> {
                if (!context.containsKey(ORDER_ID)) {
                    throw new IllegalArgumentException("has no " + ORDER_ID + " (the AUIG2 order to ingest)");
                }
                return context;
            }));
        }
    };

    private final String orderId;
    private final FetchConfig config;
    private final URI base;
    private HttpSession session;
    private Credentials credentials;

    public Auig2Source(String orderId, FetchConfig config) {
        this.orderId = Auig2Protocol.checkOrderId(orderId);
        this.config = config;
        this.base = config.serviceUrl(TYPE);
    }

    @Override
    public String describe() {
        return "AUIG2 order " + orderId + " at " + Urls.display(base);
    }

    @Override
    public List<Item> list() {
        login();
        URI download = Auig2Protocol.downloadUri(base, orderId);
        Optional<String> name = Optional.empty();
        long size = -1;
        try (HttpSession.Response r = session.send(HttpSession.Request.head(download))) {
            if (r.status() == 401 || r.status() == 403) {
                throw loginFailed("HTTP " + r.status() + " for the order download");
            }
            if (r.status() == 200 && !r.contentType().contains("html")) {
                name = ContentDisposition.fileName(r.header("Content-Disposition").orElse(null));
                size = r.contentLength();
            }
            // an HTML answer, or a portal that does not answer HEAD: the GET will say what is wrong
        }
        return List.of(new Item(name, Urls.display(download), size, Map.of("auig2_orderid", orderId), Optional.empty()));
    }

    @Override
    public Delivery fetch(Item item, Path workDir, Progress progress) {
        login();
        URI download = Auig2Protocol.downloadUri(base, orderId);
        HttpDownloader.Download d;
        try {
            d = new HttpDownloader(session, progress).download(download, workDir, true);
        } catch (UnexpectedPageException e) {
            if (Auig2Protocol.isLoginPage(e.page())) {
                throw loginFailed("the portal answered the order download with its login page");
            }
            throw new FetchException("AUIG2 order " + orderId + ": no such order, or not ready for download (the portal answered with an HTML page"
                    + (e.title().isEmpty() ? "" : " '" + e.title() + "'") + " instead of a zip)");
        } catch (HttpDownloader.HttpStatusException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw loginFailed("HTTP " + e.status() + " for the order download");
            }
            if (e.status() == 404) {
                throw new FetchException("AUIG2 order " + orderId + ": no such order (HTTP 404)");
            }
            throw e;
        }
        return new Delivery(d.file(), Urls.display(download), true, Map.of(), List.of(d.transfer()));
    }

    /** Logs in once per source (see {@link Auig2Login}). */
    private synchronized void login() {
        if (session != null) {
            return;
        }
        Auig2Login.Session s = Auig2Login.open(config, base);
        credentials = s.credentials();
        session = s.http();
    }

    private FetchException loginFailed(String why) {
        return Auig2Login.failed(credentials, base, why);
    }
}
