package org.alos2ingest.jobs;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.RecoveryDelayHandler;
import com.rabbitmq.client.TopologyRecoveryException;
import com.rabbitmq.client.impl.ForgivingExceptionHandler;
import org.alos2ingest.fetch.CredentialLookup;
import org.alos2ingest.fetch.Credentials;
import org.alos2ingest.fetch.ServiceLogin;

/**
 * A RabbitMQ broker to connect to: its address and the login this process finds for it, in the
 * same places as every other login (a password file, {@code ALOS2_INGEST_BROKER_PASSWORD}, or the
 * .netrc entry of the broker's host). Without any login the AMQP default ({@code guest}) is used,
 * which RabbitMQ accepts from the same machine only.
 */
public final class Broker {

    /** Waits between attempts to reach a lost broker again; the last one repeats for as long as it takes. */
    static final List<Long> RECONNECT_DELAYS_MS = List.of(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L);
    private static final Logger LOG = Logger.getLogger("org.alos2ingest.jobs");

    private final BrokerAddress address;
    private final Optional<Credentials> credentials;

    private Broker(BrokerAddress address, Optional<Credentials> credentials) {
        this.address = address;
        this.credentials = credentials;
    }

    /**
     * @throws org.alos2ingest.fetch.FetchException when a user is named but no password is found
     */
    public static Broker of(BrokerAddress address, CredentialLookup lookup, Optional<Path> passwordFile) {
        ServiceLogin login = new ServiceLogin("RabbitMQ broker", address.user(), passwordFile, BrokerAddress.USER_ENV, BrokerAddress.PASSWORD_ENV);
        Optional<Credentials> c = lookup.forService(login, address.host());
        return new Broker(c.map(x -> address.withUser(x.user())).orElse(address), c);
    }

    /** The address, with the user actually logged in as; safe to print. */
    public BrokerAddress address() {
        return address;
    }

    /**
     * Opens a connection that recovers by itself from a lost network or a broker restart, trying
     * again after 1, 2, 4, 8, 16 and then every 30 s (channels and consumers are re-made;
     * acknowledgements of deliveries from before the loss are dropped, and those jobs come back
     * from the broker).
     *
     * @param role what the connection is for, shown in the broker's connection list
     */
    public Connection connect(String role) {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(address.host());
        f.setPort(address.port());
        f.setVirtualHost(address.vhost());
        credentials.ifPresent(c -> {
            f.setUsername(c.user());
            f.setPassword(c.password());
        });
        if (address.tls()) {
            try {
                f.useSslProtocol(SSLContext.getDefault());
            } catch (NoSuchAlgorithmException e) {
                throw new QueueException("no TLS for broker " + address + ": " + e.getMessage(), e);
            }
            f.enableHostnameVerification();
        }
        f.setConnectionTimeout(15_000);
        f.setRequestedHeartbeat(30);
        f.setAutomaticRecoveryEnabled(true);
        f.setTopologyRecoveryEnabled(true);
        // a broker restart takes seconds, an outage may take hours: try again soon, then every 30 s
        f.setRecoveryDelayHandler(new RecoveryDelayHandler.ExponentialBackoffDelayHandler(RECONNECT_DELAYS_MS));
        f.setExceptionHandler(new OneLineErrors(address));
        try {
            return f.newConnection("alos2-ingest " + role + " on " + hostName() + " (pid " + ProcessHandle.current().pid() + ")");
        } catch (PossibleAuthenticationFailureException e) {
            throw new QueueException("broker " + address + " refused the login of user " + credentials.map(Credentials::user).orElse("guest")
                    + credentials.map(c -> " (password from " + c.origin() + ")").orElse(" (no login found: set " + BrokerAddress.PASSWORD_ENV
                    + " or add the broker host to .netrc)"), e);
        } catch (IOException e) {
            throw new QueueException("cannot reach broker " + address + ": " + describe(e), e);
        } catch (TimeoutException e) {
            throw new QueueException("broker " + address + " did not answer within 15 s", e);
        }
    }

    private static String describe(Throwable e) {
        Throwable x = e;
        while (x.getMessage() == null && x.getCause() != null) {
            x = x.getCause();
        }
        return x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage();
    }

    /**
     * The client's own reports of failed reconnection attempts as one warning line each, instead of
     * a stack trace per attempt for as long as the broker is away.
     */
    private static final class OneLineErrors extends ForgivingExceptionHandler {
        private final BrokerAddress address;

        OneLineErrors(BrokerAddress address) {
            this.address = address;
        }

        @Override
        public void handleConnectionRecoveryException(Connection conn, Throwable exception) {
            LOG.warning("broker " + address + " still unreachable (" + describe(exception) + "); trying again");
        }

        @Override
        public void handleUnexpectedConnectionDriverException(Connection conn, Throwable exception) {
            // a lost connection: the worker says so in its own log, and the connection recovers
        }

        @Override
        public void handleTopologyRecoveryException(Connection conn, Channel ch, TopologyRecoveryException exception) {
            LOG.warning("broker " + address + ": could not restore a queue or subscription after reconnecting: " + describe(exception));
        }
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    @Override
    public String toString() {
        return "RabbitMQ broker " + address;
    }
}
