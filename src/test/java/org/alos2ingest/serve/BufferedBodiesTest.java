package org.alos2ingest.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/** The bound on the bytes of bodies held at once over all connections, with small limits. */
class BufferedBodiesTest {

    /** Answers the length of the body it read. */
    private static final class Echo extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String length = String.valueOf(Content.Source.asString(request).length());
            response.write(true, ByteBuffer.wrap(length.getBytes(StandardCharsets.US_ASCII)), callback);
            return true;
        }
    }

    @Test
    void bodiesHeldOverTheTotalAre503AndTheHeldOnesStillAnswered() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        BufferedBodies bodies = new BufferedBodies(new Echo(), 100, 150, new Cors(null));
        server.setHandler(bodies);
        server.start();
        try (Socket first = new Socket("127.0.0.1", connector.getLocalPort()); Socket second = new Socket("127.0.0.1", connector.getLocalPort())) {
            first.setSoTimeout(20_000);
            second.setSoTimeout(20_000);
            OutputStream a = first.getOutputStream();
            a.write(post(100, 80));
            a.flush();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (bodies.held() < 80 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(80, bodies.held(), "the first body's bytes so far are held");
            // the second's 80 would make 160
            second.getOutputStream().write(post(100, 80));
            RawHttp refused = RawHttp.read(second.getInputStream());
            assertEquals(503, refused.status(), refused.toString());
            assertEquals("ServiceUnavailable", refused.json().path("code").asText());
            assertEquals("5", refused.headers().get("retry-after"));
            a.write(" ".repeat(20).getBytes(StandardCharsets.US_ASCII));
            RawHttp read = RawHttp.read(first.getInputStream());
            assertEquals(200, read.status(), read.toString());
            assertEquals("100", read.text());
            // what the first held is given back once it was answered: 100 more fit under 150
            try (Socket third = new Socket("127.0.0.1", connector.getLocalPort())) {
                third.setSoTimeout(20_000);
                third.getOutputStream().write(post(100, 100));
                RawHttp again = RawHttp.read(third.getInputStream());
                assertEquals(200, again.status(), again.toString());
            }
            // given back as the handler returns, which may be just after its answer went out
            deadline = System.nanoTime() + 20_000_000_000L;
            while (bodies.held() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, bodies.held());
        } finally {
            server.stop();
        }
    }

    private static byte[] post(int length, int sent) {
        return ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + "\r\n\r\n" + " ".repeat(sent)).getBytes(StandardCharsets.US_ASCII);
    }
}
