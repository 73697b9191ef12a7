package org.alos2ingest.cli;

import java.nio.file.Path;
import java.util.Optional;

import org.alos2ingest.cli.input.ExistingFile;
import org.alos2ingest.fetch.CredentialLookup;
import org.alos2ingest.jobs.Broker;
import org.alos2ingest.jobs.BrokerAddress;
import picocli.CommandLine.Option;

/**
 * Which RabbitMQ broker queued jobs go through. The address never holds the password: it comes
 * from {@code $ALOS2_INGEST_BROKER_PASSWORD}, a password file, or the .netrc entry of the broker host.
 */
public final class BrokerOptions {

    @Option(names = "--broker", paramLabel = "URI",
            description = "RabbitMQ broker for queued jobs: amqp://[user@]host[:port][/vhost] or amqps://... (default: $ALOS2_INGEST_BROKER). "
                    + "The password comes from $ALOS2_INGEST_BROKER_PASSWORD, --broker-password-file or .netrc, never from the URI.")
    String broker;

    @Option(names = "--broker-password-file", paramLabel = "FILE", converter = ExistingFile.class,
            description = "File whose first line is the broker password.")
    Path passwordFile;

    /** The broker named by the option or the environment, if any. */
    Optional<BrokerAddress> address() {
        String text = broker != null ? broker : System.getenv(BrokerAddress.ENV);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(BrokerAddress.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((broker != null ? "--broker: " : "$" + BrokerAddress.ENV + ": ") + e.getMessage(), e);
        }
    }

    boolean configured() {
        return broker != null || (System.getenv(BrokerAddress.ENV) != null && !System.getenv(BrokerAddress.ENV).isBlank());
    }

    /** The broker with the login found for it, if one is configured. */
    Optional<Broker> broker(Path netrc) {
        return address().map(a -> Broker.of(a, CredentialLookup.fromEnvironment(netrc), Optional.ofNullable(passwordFile)));
    }
}
