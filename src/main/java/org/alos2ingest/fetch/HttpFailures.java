package org.alos2ingest.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** How the fetch stage judges HTTP and network failures: what to retry, what to follow, how to say it. */
final class HttpFailures {

    private HttpFailures() {
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static boolean isTransient(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    /** Network trouble that may pass; a certificate or name problem will not. */
    static boolean isRetryable(IOException e) {
        if (e instanceof SSLHandshakeException || e instanceof UnknownHostException || e instanceof HttpSession.FetchIOException) {
            return false;
        }
        return !(e instanceof SSLException) || e.getCause() instanceof IOException;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted");
        }
    }

    static String describe(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return "timed out (" + e.getMessage() + ")";
        }
        if (e instanceof ConnectException) {
            return "cannot connect (" + e.getMessage() + ")";
        }
        if (e instanceof InterruptedIOException) {
            return "interrupted";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
