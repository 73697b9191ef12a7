package org.alos2ingest.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPublisherTest {

    @TempDir
    Path tmp;

    private Path product(String name, String content) throws IOException {
        Path d = Files.createDirectories(tmp.resolve("staging").resolve(name));
        Files.writeString(d.resolve(name + ".met.json"), content);
        return d;
    }

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void publishesWholeFoldersAndRefusesToClobber() throws IOException {
        LocalPublisher p = new LocalPublisher();
        String location = "file://" + tmp.resolve("pub/datasets/t/v1/A");
        assertFalse(p.exists(location));
        p.publish(product("A", "one"), location, false);
        assertTrue(p.exists(location));
        assertEquals("one", Files.readString(tmp.resolve("pub/datasets/t/v1/A/A.met.json")));
        PublishException e = assertThrows(PublishException.class, () -> p.publish(product("A", "two"), location, false));
        assertTrue(e.getMessage().contains("already published"), e.getMessage());
        assertEquals("one", Files.readString(tmp.resolve("pub/datasets/t/v1/A/A.met.json")));
        p.publish(product("A", "three"), location, true);
        assertEquals("three", Files.readString(tmp.resolve("pub/datasets/t/v1/A/A.met.json")));
        assertEquals(List.of("A"), names(tmp.resolve("pub/datasets/t/v1")), "no hidden leftovers");
        p.remove(location);
        assertFalse(p.exists(location));
        assertEquals(List.of(), names(tmp.resolve("pub/datasets/t/v1")));
    }

    @Test
    void leftoversOfADeadPublishAreRemovedButALiveOneIsLeftAlone() throws IOException {
        Path parent = Files.createDirectories(tmp.resolve("pub"));
        // a publish that died before writing its marker, one whose process is gone, and one still running here
        Files.createDirectories(parent.resolve(".A.publishing-dead1"));
        Path dead = Files.createDirectories(parent.resolve(".A.publishing-dead2"));
        Files.writeString(dead.resolve(LocalPublisher.MARKER), "{\"host\":\"" + java.net.InetAddress.getLocalHost().getHostName()
                + "\",\"pid\":999999999,\"started\":\"" + java.time.Instant.now() + "\"}");
        Path live = Files.createDirectories(parent.resolve(".A.publishing-live"));
        Files.writeString(live.resolve(LocalPublisher.MARKER), "{\"host\":\"" + java.net.InetAddress.getLocalHost().getHostName()
                + "\",\"pid\":" + ProcessHandle.current().pid() + ",\"started\":\"" + java.time.Instant.now() + "\"}");
        new LocalPublisher().publish(product("A", "x"), "file://" + parent.resolve("A"), false);
        assertEquals(List.of(".A.publishing-live", "A"), names(parent));
    }

    @Test
    void theOwnerOfAHiddenFolderIsReadFromItsName() throws IOException {
        Path parent = Files.createDirectories(tmp.resolve("pub"));
        String host = org.alos2ingest.util.Host.name();
        host = host.substring(0, Math.min(host.length(), 100));
        long now = java.time.Instant.now().getEpochSecond();
        long me = ProcessHandle.current().pid();
        // the last: numbers no long holds, so not a name this class makes: a dead publish, not a failed one
        List<String> dead = List.of(".B.publishing-" + now + "-999999999@" + host + "-0badf00d",
                ".B.publishing-" + (now - 25 * 3600) + "-" + me + "@other-host.example-0badf00d",
                ".B.publishing-" + "9".repeat(30) + "-" + "9".repeat(30) + "@" + host + "-0badf00d");
        List<String> live = List.of(".B.publishing-" + now + "-" + me + "@" + host + "-1234abcd",
                ".B.publishing-" + now + "-999999999@other-host.example-1234abcd");
        for (String name : dead) {
            Files.createDirectories(parent.resolve(name));
        }
        for (String name : live) {
            Files.createDirectories(parent.resolve(name));
        }
        new LocalPublisher().publish(product("B", "x"), "file://" + parent.resolve("B"), false);
        List<String> expected = new java.util.ArrayList<>(live);
        expected.add("B");
        expected.sort(null);
        assertEquals(expected, names(parent), "the dead and the day-old are removed, a live one here or elsewhere is kept");
        assertEquals(List.of("B.met.json"), names(parent.resolve("B")), "no marker published");
    }

    @Test
    void plainPathsAndFileUrls() {
        assertEquals(Path.of("/data/x"), LocalPublisher.path("file:///data/x"));
        assertEquals(Path.of("/data/x"), LocalPublisher.path("file://localhost/data/x"));
        assertEquals(Path.of("/data/x y"), LocalPublisher.path("file:/data/x%20y"));
        assertEquals(Path.of("/data/x"), LocalPublisher.path("/data/x/"));
        assertTrue(new LocalPublisher().handles("/a") && new LocalPublisher().handles("file:///a"));
        assertFalse(new LocalPublisher().handles("s3://bucket/a"));
        PublishException e = assertThrows(PublishException.class, () -> Publishers.local().forLocation("s3://bucket/key"));
        assertTrue(e.getMessage().contains("no publisher for location 's3://bucket/key'"));
    }
}
