package org.alos2ingest.serve;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.RequestLogWriter;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The STAC API on an embedded Jetty: one connector on the address asked, the API behind a graceful
 * handler so that stopping (also on SIGTERM, through Jetty's shutdown hook) lets requests in flight
 * finish, up to a grace period, while new connections are refused; and behind {@link BufferedBodies},
 * so that slow clients hold connections, not the few threads. The limits are constants here: the
 * README's serve section lists them.
 */
public final class StacServer implements AutoCloseable {

    /** How the server is reached and what it serves. */
    public record Options(String bind, int port, String baseUrl, List<String> corsOrigins, Path publishRoot, Duration grace) {
        public Options {
            corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
            grace = grace == null ? Duration.ofSeconds(20) : grace;
        }
    }

    /**
     * The most threads of the server, answering requests and running Jetty's own selector and
     * acceptor: bounded, since a waiting connection costs no thread (bodies are read without one,
     * answers written without one) and a search mostly waits for the catalog's lock or CPU.
     */
    static final int MAX_THREADS = 64;
    /** The largest request body read: a search's intersects of about 25 000 vertices. */
    static final int MAX_BODY = 1 << 20;
    /** The most bytes of request bodies held at once over all connections, before a 503. */
    static final long MAX_BODIES_HELD = 32L * MAX_BODY;
    /** A connection that sends or takes nothing for this long is closed. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    /**
     * While stopping, a connection that makes no progress for this long is closed (Jetty's own
     * default); one that progresses may take the whole grace period. Idle keep-alive connections
     * hold a stop until then, so it stays well under the grace period, or stop would time out.
     */
    static final Duration SHUTDOWN_IDLE_TIMEOUT = Duration.ofSeconds(1);

    private final Server server;
    private final ServerConnector connector;

    /**
     * @param onStopped run once the server has stopped (closes the catalog behind the backend)
     */
    public StacServer(StacBackend backend, Options options, Runnable onStopped) {
        this(backend, options, null, onStopped);
    }

    /** @param subscriptions the {@code /subscriptions} routes, or null to leave them off */
    public StacServer(StacBackend backend, Options options, SubscriptionsApi subscriptions, Runnable onStopped) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
        threads.setName("serve");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        connector.setShutdownIdleTimeout(Math.max(100, Math.min(SHUTDOWN_IDLE_TIMEOUT.toMillis(), options.grace().toMillis() / 2)));
        connector.setHost(options.bind());
        connector.setPort(options.port());
        server.addConnector(connector);
        StacApi api = new StacApi(backend, options.baseUrl(), options.publishRoot(), options.corsOrigins(), subscriptions);
        server.setHandler(new GracefulHandler(new BufferedBodies(api, MAX_BODY, MAX_BODIES_HELD, new Cors(options.corsOrigins()))));
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(options.grace().toMillis());
        server.setStopAtShutdown(true);
        if (onStopped != null) {
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStopped(LifeCycle event) {
                    onStopped.run();
                }
            });
        }
    }

    /**
     * Logs every request to {@code file} (appended), one line each in the NCSA combined format with the
     * time taken: what web servers' log tools read, and how range reads of COGs can be counted.
     * Call before {@link #start}.
     */
    public StacServer accessLog(Path file) {
        server.setRequestLog(new CustomRequestLog(new RequestLogWriter(file.toString()), CustomRequestLog.EXTENDED_NCSA_FORMAT + " %{ms}T"));
        return this;
    }

    public StacServer start() throws Exception {
        server.start();
        return this;
    }

    /** The address actually bound (the port chosen when 0 was asked). */
    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost() == null ? "0.0.0.0" : connector.getHost(), connector.getLocalPort());
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
