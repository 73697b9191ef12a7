package org.alos2ingest.fetch;

import java.io.IOException;
import java.net.URI;
import java.util.logging.Logger;

/** An AUIG2 session: two POSTs of the login form (the portal's quirk, see {@link Auig2Protocol}), keeping the cookies. */
final class Auig2Login {

    private static final Logger LOG = Logger.getLogger("org.alos2ingest.fetch");

    record Session(HttpSession http, Credentials credentials) {
    }

    private Auig2Login() {
    }

    static Session open(FetchConfig config, URI base) {
        Credentials credentials = config.credentials().requireForService(config.login(Auig2Source.TYPE), base.getHost());
        HttpSession s = new HttpSession(config, Auig2Protocol.USER_AGENT, false);
        URI login = Auig2Protocol.loginUri(base);
        for (int i = 0; i < Auig2Protocol.LOGIN_POSTS; i++) {
            try (HttpSession.Response r = s.send(HttpSession.Request.postForm(login, Auig2Protocol.loginForm(credentials)))) {
                if (r.status() == 401 || r.status() == 403) {
                    throw failed(credentials, base, "HTTP " + r.status() + " from " + Urls.display(login));
                }
                if (r.status() >= 400) {
                    throw new FetchException("AUIG2 login at " + Urls.display(login) + " failed: HTTP " + r.status());
                }
                if (i == Auig2Protocol.LOGIN_POSTS - 1 && r.status() == 200 && r.contentType().contains("html")
                        && Auig2Protocol.isLoginPage(r.text(256 * 1024))) {
                    throw failed(credentials, base, "the portal answered with its login form again");
                }
            } catch (IOException e) {
                throw new FetchException("AUIG2 login at " + Urls.display(login) + ": " + HttpFailures.describe(e), e);
            }
        }
        LOG.fine("AUIG2: logged in as " + credentials.user() + " (cookies " + s.cookieNames(login) + ")");
        return new Session(s, credentials);
    }

    static FetchException failed(Credentials credentials, URI base, String why) {
        return new FetchException("login failed for AUIG2 user " + (credentials == null ? "?" : credentials.user()) + " at " + Urls.display(base)
                + " (" + why + ")");
    }
}
