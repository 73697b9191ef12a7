package org.alos2ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.catalog.SqliteCatalog;
import org.alos2ingest.catalog.StateTable;
import org.alos2ingest.config.Json;
import org.alos2ingest.fetch.Samples;
import org.alos2ingest.testing.ChildCli;
import org.alos2ingest.testing.CliRun;
import org.alos2ingest.testing.WebhookReceiver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receiver that is down: its port refuses connections for several retries (the backoff made short
 * by settings.json, 1 s doubling to 4 s, so that the outage takes seconds, not the minutes of the
 * defaults), and the sender keeps the delivery until the receiver is back; a sender killed with
 * SIGKILL while deliveries are owed leaves them in the catalog for the next one.
 */
class WebhookOutageTest {

    static final String A = "ALOS2146686640-170209-FBDR1.5GUA";
    static final String SECRET = "whsec-outage-3Hk8Vq1Lp6Zr";

    @TempDir
    Path tmp;
    Path home;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("settings.json"), "{\"NOTIFY_RETRY_FIRST\": \"1s\", \"NOTIFY_RETRY_MAX\": \"4s\", \"NOTIFY_POLL\": \"1s\","
                + " \"NOTIFY_TIMEOUT\": \"3s\", \"NOTIFY_FLUSH\": \"3s\"}");
        Files.writeString(tmp.resolve("secret"), SECRET + "\n");
    }

    void subscribeAndIngestWhileTheReceiverIsDown(WebhookReceiver receiver) throws IOException {
        receiver.stop();
        CliRun add = CliRun.run("subscribe", "add", "--home", home.toString(), "--name", "chile", "--bbox", "-71,-28,-69,-26",
                "--webhook", receiver.url("/hook").toString(), "--secret-file", tmp.resolve("secret").toString());
        assertEquals(0, add.code(), add.toString());
        Path zip = tmp.resolve(Samples.deliveryName(A));
        Files.write(zip, Samples.delivery(A));
        CliRun ingest = CliRun.run(home, "ingest", "--no-tiles", zip.toString());
        // a receiver that is down does not fail the ingest: the delivery is owed, and said so
        assertEquals(0, ingest.code(), ingest.toString());
        assertTrue(ingest.err().contains("notifying chile (http://127.0.0.1:" + receiver.url("/").getPort() + "/...) of " + A + " failed"), ingest.err());
        assertTrue(!ingest.err().contains(SECRET) && !ingest.out().contains(SECRET));
    }

    @Test
    void aReceiverDownAcrossSeveralRetriesGetsTheItemOnceWhenItIsBack() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            subscribeAndIngestWhileTheReceiverIsDown(receiver);
            Instant down = Instant.now();
            ChildCli sender = ChildCli.start(tmp.resolve("deliver.log"), Map.of(), "subscribe", "deliver", "--follow", "--home", home.toString());
            try {
                // several retries, each refused, with growing waits
                assertTrue(WebhookReceiver.await(40, () -> attempts() >= 5), "retried: " + delivery() + "\n" + sender.output());
                assertEquals(0, receiver.received().size());
                Duration outage = Duration.between(down, Instant.now());
                receiver.restart();
                Instant back = Instant.now();
                assertTrue(WebhookReceiver.await(10, () -> receiver.received().size() == 1), "delivered once it is back:\n" + sender.output());
                Duration late = Duration.between(back, receiver.received().get(0).at());
                System.out.printf("receiver down %.1f s, %d attempts refused; delivered %.2f s after it was back%n",
                        outage.toMillis() / 1000.0, attempts() - 1, late.toMillis() / 1000.0);
                assertTrue(late.toMillis() < 10_000, "within the longest wait (4 s), a poll and some slack for a busy machine: " + late);
                assertTrue(receiver.received().get(0).signatureValid());
                assertEquals(A, receiver.received().get(0).item().path("id").asText());
                Thread.sleep(1500);
                assertEquals(1, receiver.received().size(), "and only once");
                assertEquals("delivered", delivery().state());
                List<String> waits = new ArrayList<>();
                for (String l : sender.lines()) {
                    if (l.contains("failed: ConnectException")) {
                        waits.add(l.substring(l.lastIndexOf(" in ") + 4));
                    }
                }
                assertTrue(waits.containsAll(List.of("2s", "4s")), "the waits grew: " + waits + "\n" + sender.output());
            } finally {
                sender.terminate(30);
            }
            JsonNode list = Json.MAPPER.readTree(CliRun.run("subscribe", "list", "--home", home.toString(), "--format", "json").out());
            assertEquals(1, list.path(0).path("deliveries").path("delivered").asInt(), list.toString());
            assertEquals(0, list.path(0).path("deliveries").path("pending").asInt(), list.toString());
        }
    }

    @Test
    void deliveriesOwedWhenTheSenderIsKilledAreDeliveredByTheNextOne() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            subscribeAndIngestWhileTheReceiverIsDown(receiver);
            ChildCli first = ChildCli.start(tmp.resolve("first.log"), Map.of(), "subscribe", "deliver", "--follow", "--home", home.toString());
            assertTrue(WebhookReceiver.await(30, () -> attempts() >= 3), "the first sender retried: " + first.output());
            assertEquals(137, first.kill(), "SIGKILL");
            receiver.restart();
            Thread.sleep(2000);
            assertEquals(0, receiver.received().size(), "no process owes it now but the catalog");
            assertTrue(List.of("pending", "sending").contains(delivery().state()), delivery().toString());

            CliRun next = CliRun.run("subscribe", "deliver", "--home", home.toString(), "--wait", "30s");
            assertEquals(0, next.code(), next.toString());
            assertEquals("nothing owed", next.out().strip());
            assertEquals(1, receiver.received().size());
            assertTrue(receiver.received().get(0).signatureValid());
            CliRun again = CliRun.run("subscribe", "deliver", "--home", home.toString());
            assertEquals(0, again.code());
            assertEquals(1, receiver.received().size(), "delivered once");
        }
    }

    @Test
    void aReceiverThatNeverTakesItIsGivenUpOnLoudlyAndCounted() throws Exception {
        Files.writeString(home.resolve("settings.json"), "{\"NOTIFY_RETRY_FIRST\": \"1s\", \"NOTIFY_RETRY_MAX\": \"1s\", \"NOTIFY_GIVE_UP_AFTER\": \"3s\","
                + " \"NOTIFY_POLL\": \"1s\", \"NOTIFY_TIMEOUT\": \"3s\", \"NOTIFY_FLUSH\": \"3s\"}");
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            subscribeAndIngestWhileTheReceiverIsDown(receiver);
            receiver.restart();
            receiver.failing(true);
            CliRun r = CliRun.run("subscribe", "deliver", "--home", home.toString(), "--wait", "8s");
            assertEquals(1, r.code(), r.toString());
            assertTrue(r.err().lines().anyMatch(l -> l.startsWith("error: gave up notifying chile of " + A + " after ") && l.endsWith(": HTTP 503")),
                    r.err());
            assertTrue(receiver.refusedAt().size() >= 2, "it answered 503 each time: " + receiver.refusedAt());
            assertEquals("failed", delivery().state());
            JsonNode list = Json.MAPPER.readTree(CliRun.run("subscribe", "list", "--home", home.toString(), "--format", "json").out());
            assertEquals(1, list.path(0).path("deliveries").path("failed").asInt(), list.toString());
            receiver.failing(false);
            assertEquals(0, CliRun.run("subscribe", "deliver", "--home", home.toString()).code(), "nothing is owed any more");
            assertEquals(0, receiver.received().size());
        }
    }

    private StateTable.Row delivery() {
        try (SqliteCatalog c = new SqliteCatalog(home.resolve("catalog.sqlite"))) {
            List<StateTable.Row> rows = c.state("deliveries").list(null);
            assertEquals(1, rows.size(), rows.toString());
            return rows.get(0);
        }
    }

    private int attempts() {
        return delivery().value().path("attempts").asInt();
    }
}
