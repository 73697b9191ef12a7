package org.alos2ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * HTTPS trust: the JDK's CA store, plus the certificates of an optional PEM file for a server signed
 * by a private CA. There is deliberately no way to trust every certificate: a download that cannot
 * be verified is refused, and the message says how to add the CA.
 */
final class Tls {

    private Tls() {
    }

    static SSLSocketFactory socketFactory(Optional<Path> caFile) {
        return caFile.isEmpty() ? (SSLSocketFactory) SSLSocketFactory.getDefault() : context(caFile).getSocketFactory();
    }

    /** The same trust as a context, for clients on {@code java.net.http}. */
    static SSLContext context(Optional<Path> caFile) {
        try {
            if (caFile.isEmpty()) {
                return SSLContext.getDefault();
            }
            X509TrustManager jdk = trustManager(null);
            KeyStore extra = KeyStore.getInstance(KeyStore.getDefaultType());
            extra.load(null, null);
            Collection<? extends Certificate> certs;
            try (InputStream in = Files.newInputStream(caFile.get())) {
                certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (certs.isEmpty()) {
                throw new FetchException(caFile.get(), "holds no PEM or DER certificate");
            }
            int i = 0;
            for (Certificate c : certs) {
                extra.setCertificateEntry("ca-" + i++, c);
            }
            X509TrustManager user = trustManager(extra);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new Either(jdk, user)}, null);
            return ctx;
        } catch (IOException e) {
            throw new FetchException(caFile.get(), "cannot read CA certificates: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new FetchException(caFile.orElse(null), "not usable as CA certificates: " + e.getMessage());
        }
    }

    private static X509TrustManager trustManager(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** Trusts a chain when the JDK's store or the user's CA file does. */
    private static final class Either implements X509TrustManager {
        private final X509TrustManager a;
        private final X509TrustManager b;

        Either(X509TrustManager a, X509TrustManager b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            a.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                a.checkServerTrusted(chain, authType);
            } catch (CertificateException first) {
                b.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>(List.of(a.getAcceptedIssuers()));
            all.addAll(List.of(b.getAcceptedIssuers()));
            return all.toArray(new X509Certificate[0]);
        }
    }
}
