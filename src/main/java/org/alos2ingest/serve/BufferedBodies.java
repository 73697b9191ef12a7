package org.alos2ingest.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Reads a request's body whole before the API sees the request, without a thread waiting for it:
 * the API reads bodies blocking, so a client sending its body a byte at a time would otherwise hold
 * one of the server's few threads for as long as it likes, and twice as many such clients as
 * threads would stop every search. Here it holds only a connection and the bytes it sent.
 * A body over the limit is a 413 as soon as it is known to be (at once when its length is declared),
 * and the bodies held at once are bounded in total, so that many connections cannot fill the heap.
 */
final class BufferedBodies extends Handler.Wrapper {
    private static final Logger LOG = Logger.getLogger(BufferedBodies.class.getName());

    private final int limit;
    private final long totalLimit;
    private final Cors cors;
    private final AtomicLong held = new AtomicLong();

    /**
     * @param limit      the largest body of one request
     * @param totalLimit the most bytes of bodies held at once, over every connection
     * @param cors       the API's origins, so that a page on one of them can read the refusal
     */
    BufferedBodies(Handler api, int limit, long totalLimit, Cors cors) {
        super(api);
        this.limit = limit;
        this.totalLimit = totalLimit;
        this.cors = cors;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long declared = request.getLength();
        boolean chunked = declared < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (declared <= 0 && !chunked) {
            return super.handle(request, response, callback);
        }
        if (declared > limit) {
            refuse(request, response, callback, tooLarge(declared));
            return true;
        }
        new Reading(request, response, callback).run();
        return true;
    }

    /** The bytes of bodies held now. */
    long held() {
        return held.get();
    }

    private static ApiError tooLarge(long got) {
        return new ApiError(413, "PayloadTooLarge", "body: at most " + StacServer.MAX_BODY + " bytes" + (got > 0 ? ", got " + got : ""));
    }

    private void refuse(Request request, Response response, Callback callback, ApiError e) {
        Exchange ex = new Exchange(request, response, callback);
        cors.apply(ex);
        ex.error(e);
    }

    /** One body arriving: each call reads what has come and asks to be called again when more does. */
    private final class Reading implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Reading(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    end(chunk.getFailure() instanceof TimeoutException
                            ? new ApiError(408, "RequestTimeout", "body: the client stopped sending it")
                            : ApiError.badParameter("body", "could not be read (" + chunk.getFailure().getMessage() + ")"));
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                int n = bytes.remaining();
                boolean last = chunk.isLast();
                if (body.size() + n > limit) {
                    chunk.release();
                    end(tooLarge(-1));
                    return;
                }
                if (held.addAndGet(n) > totalLimit) {
                    held.addAndGet(-n);
                    chunk.release();
                    response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
                    end(new ApiError(503, "ServiceUnavailable", "body: the server is reading too many request bodies at once; retry"));
                    return;
                }
                byte[] copy = new byte[n];
                bytes.get(copy);
                body.write(copy, 0, n);
                chunk.release();
                if (last) {
                    answer();
                    return;
                }
            }
        }

        private void end(ApiError e) {
            held.addAndGet(-body.size());
            refuse(request, response, callback, e);
        }

        private void answer() {
            try {
                if (!BufferedBodies.super.handle(new Whole(request, body.toByteArray()), response, callback)) {
                    refuse(request, response, callback, ApiError.notFound("no resource at " + request.getHttpURI().getPath()));
                }
            } catch (Throwable e) {
                LOG.log(Level.SEVERE, "unexpected failure answering " + request.getMethod() + " " + request.getHttpURI().getPath(), e);
                callback.failed(e);
            } finally {
                // the API has taken what it needs from the body by the time it returns
                held.addAndGet(-body.size());
            }
        }
    }

    /** The request as the API reads it: its body, already all here. */
    private static final class Whole extends Request.Wrapper {
        private Content.Chunk content;

        Whole(Request request, byte[] body) {
            super(request);
            content = Content.Chunk.from(ByteBuffer.wrap(body), true);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk c = content;
            content = Content.Chunk.EOF;
            return c;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }
    }
}
