package org.alos2ingest.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.alos2ingest.fetch.CredentialLookup;
import org.alos2ingest.fetch.FetchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerAddressTest {

    @TempDir
    Path tmp;

    @Test
    void parsesTheAmqpUriFormWithItsDefaults() {
        assertEquals(new BrokerAddress(false, "mq.example.org", 5672, "/", Optional.of("ops")), BrokerAddress.parse("amqp://ops@mq.example.org"));
        assertEquals(new BrokerAddress(true, "mq.example.org", 5671, "/", Optional.empty()), BrokerAddress.parse("amqps://mq.example.org/"));
        assertEquals(new BrokerAddress(false, "localhost", 25672, "aria/ingest", Optional.of("a b")),
                BrokerAddress.parse("amqp://a%20b@localhost:25672/aria%2Fingest"));
        assertEquals("amqp://a+b@localhost:25672/aria%2Fingest", BrokerAddress.parse("amqp://a%20b@localhost:25672/aria%2Fingest").toString());
        assertEquals("amqp://ops@mq.example.org:5672/", BrokerAddress.parse(" amqp://ops@mq.example.org ").toString());
    }

    @Test
    void refusesAPasswordInTheUriWithoutRepeatingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BrokerAddress.parse("amqp://ops:S3cret-pw@mq.example.org/"));
        assertFalse(e.getMessage().contains("S3cret-pw"), e.getMessage());
        assertTrue(e.getMessage().contains("ALOS2_INGEST_BROKER_PASSWORD") && e.getMessage().contains("machine mq.example.org"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BrokerAddress.parse("http://ops:S3cret-pw@mq.example.org/"));
        assertFalse(e.getMessage().contains("S3cret-pw"), e.getMessage());
        assertTrue(e.getMessage().contains("expected amqp://[user@]host[:port][/vhost]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BrokerAddress.parse("amqp://mq.example.org/a/b"));
        assertThrows(IllegalArgumentException.class, () -> BrokerAddress.parse("amqp://mq.example.org/?heartbeat=10"));
        assertThrows(IllegalArgumentException.class, () -> BrokerAddress.parse("amqp:///vhost"));
    }

    @Test
    void theLoginComesFromTheEnvironmentOrNetrcAndTheAddressNamesTheUser() throws Exception {
        Path netrc = tmp.resolve("netrc");
        Files.writeString(netrc, "machine mq.example.org login ingest password from-netrc\n");
        Broker b = Broker.of(BrokerAddress.parse("amqp://mq.example.org"), new CredentialLookup(Map.of(), netrc), Optional.empty());
        assertEquals("amqp://ingest@mq.example.org:5672/", b.address().toString(), "the user found in .netrc");
        b = Broker.of(BrokerAddress.parse("amqp://ops@mq.example.org"), new CredentialLookup(Map.of("ALOS2_INGEST_BROKER_PASSWORD", "x"), netrc),
                Optional.empty());
        assertEquals("amqp://ops@mq.example.org:5672/", b.address().toString());
        FetchException e = assertThrows(FetchException.class,
                () -> Broker.of(BrokerAddress.parse("amqp://ops@mq.example.org"), new CredentialLookup(Map.of(), netrc), Optional.empty()));
        assertTrue(e.getMessage().contains("no RabbitMQ broker password for user ops: set ALOS2_INGEST_BROKER_PASSWORD"), e.getMessage());
        QueueException refused = assertThrows(QueueException.class,
                () -> Broker.of(BrokerAddress.parse("amqp://127.0.0.1:1"), CredentialLookup.none(), Optional.empty()).connect("test"));
        assertTrue(refused.getMessage().startsWith("cannot reach broker amqp://127.0.0.1:1/: "), refused.getMessage());
    }

    @Test
    void queueNamesAreChecked() {
        assertEquals("alos2-ingest", QueueTopology.checkName("alos2-ingest"));
        assertThrows(IllegalArgumentException.class, () -> QueueTopology.checkName("amq.gen-1"));
        assertThrows(IllegalArgumentException.class, () -> QueueTopology.checkName(" "));
        assertThrows(IllegalArgumentException.class, () -> QueueTopology.checkName("x".repeat(201)));
    }
}
