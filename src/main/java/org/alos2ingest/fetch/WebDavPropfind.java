package org.alos2ingest.fetch;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A WebDAV {@code PROPFIND} of one folder (RFC 4918, Depth 1): which members it has, their sizes and
 * entity tags. On {@code java.net.http}, because {@link java.net.HttpURLConnection} refuses any method
 * outside HTTP/1.1's; a listing is a small body, so that client's header timeout is enough (see
 * {@link HttpSession}). Credentials go to the folder's host only: a redirect elsewhere is not followed
 * with them. The XML parser reads no DTD and no external entity.
 */
final class WebDavPropfind {

    static final String DAV = "DAV:";
    static final String BODY = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<D:propfind xmlns:D=\"DAV:\"><D:prop>"
            + "<D:resourcetype/><D:getcontentlength/><D:getetag/></D:prop></D:propfind>";
    private static final int MAX_REDIRECTS = 5;

    private final FetchConfig config;
    private final Optional<Credentials> login;
    private final HttpClient http;

    WebDavPropfind(FetchConfig config, Optional<Credentials> login) {
        this.config = config;
        this.login = login;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(Tls.context(config.caCert())).version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * The zips directly in {@code folder}; empty when the server does not speak WebDAV there (it
     * refuses the method, or answers with a page), so the caller reads its index page instead.
     */
    Optional<List<FolderListing.Entry>> list(URI folder) {
        URI u = folder;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<String> r = send(u, folder.getHost());
            int s = r.statusCode();
            if (s == 207) {
                return Optional.of(parse(r.body(), r.uri()));
            }
            if (HttpFailures.isRedirect(s) && r.headers().firstValue("Location").isPresent()) {
                URI to = u.resolve(r.headers().firstValue("Location").get().strip());
                if ("https".equalsIgnoreCase(u.getScheme()) && !"https".equalsIgnoreCase(to.getScheme())) {
                    throw new FetchException(Urls.display(u) + " redirects to " + Urls.display(to) + ": refusing to leave https");
                }
                u = to;
                continue;
            }
            if (s == 401) {
                throw new FetchException(Urls.display(folder) + ": HTTP 401: the login was refused (check .netrc or --url-user)");
            }
            if (s == 404) {
                throw new FetchException(Urls.display(folder) + ": HTTP 404: no such folder");
            }
            if (s == 501) {
                // "Not Implemented": a plain server that knows no PROPFIND (python's http.server, many CDNs)
                return Optional.empty();
            }
            if (HttpFailures.isTransient(s)) {
                throw new FetchException(Urls.display(folder) + ": HTTP " + s + " for PROPFIND");
            }
            // 400, 403, 405, 501 or a page: a plain web server, whose index page lists the folder
            return Optional.empty();
        }
        throw new FetchException(Urls.display(folder) + ": more than " + MAX_REDIRECTS + " redirects");
    }

    private HttpResponse<String> send(URI u, String loginHost) {
        HttpRequest.Builder b = HttpRequest.newBuilder(u).timeout(config.readTimeout()).header("Depth", "1")
                .header("Content-Type", "application/xml; charset=utf-8").header("User-Agent", UrlSource.USER_AGENT)
                .method("PROPFIND", HttpRequest.BodyPublishers.ofString(BODY, StandardCharsets.UTF_8));
        if (login.isPresent() && loginHost.equalsIgnoreCase(u.getHost())) {
            b.header("Authorization", login.get().basicAuthorization());
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FetchException("PROPFIND " + Urls.display(u) + ": " + HttpFailures.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("PROPFIND " + Urls.display(u) + ": interrupted", e);
        }
    }

    /** The zips a multistatus answer lists directly in the folder it answered for. */
    static List<FolderListing.Entry> parse(String xml, URI folder) {
        URI dir = folder.getRawPath().endsWith("/") ? folder : URI.create(folder + "/");
        Document doc = read(xml, folder);
        List<FolderListing.Entry> out = new ArrayList<>();
        NodeList responses = doc.getElementsByTagNameNS(DAV, "response");
        for (int i = 0; i < responses.getLength(); i++) {
            Element r = (Element) responses.item(i);
            String href = text(r, "href");
            if (href.isEmpty() || first(r, "collection") != null) {
                continue;
            }
            Optional<URI> u = FolderListing.child(dir, href);
            if (u.isEmpty()) {
                continue;
            }
            long size = -1;
            try {
                String len = text(r, "getcontentlength");
                size = len.isEmpty() ? -1 : Long.parseLong(len);
            } catch (NumberFormatException e) {
                // a server that writes no number: the download learns the size
            }
            out.add(new FolderListing.Entry(u.get(), FolderListing.name(u.get()), size, text(r, "getetag")));
        }
        return out;
    }

    private static Document read(String xml, URI from) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            // the default handler prints to stderr; a malformed answer is one FetchException instead
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new FetchException(Urls.display(from) + ": the PROPFIND answer is not WebDAV XML: " + e.getMessage(), e);
        }
    }

    private static Node first(Element e, String davName) {
        NodeList l = e.getElementsByTagNameNS(DAV, davName);
        return l.getLength() == 0 ? null : l.item(0);
    }

    private static String text(Element e, String davName) {
        Node n = first(e, davName);
        return n == null ? "" : n.getTextContent().strip();
    }
}
