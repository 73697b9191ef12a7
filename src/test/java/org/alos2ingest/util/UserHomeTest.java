package org.alos2ingest.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class UserHomeTest {

    private static final Path JAVA_HOME_OF_USER = Path.of(System.getProperty("user.home"));

    @Test
    void homeIsDollarHomeWhenSet() {
        assertEquals(Path.of("/srv/alice"), UserHome.of(Map.of("HOME", "/srv/alice")));
    }

    @Test
    void anUnsetOrBlankHomeFallsBackOnJavasUserHome() {
        assertEquals(JAVA_HOME_OF_USER, UserHome.of(Map.of()));
        assertEquals(JAVA_HOME_OF_USER, UserHome.of(Map.of("HOME", "  ")));
    }

    @Test
    void netrcIsDollarNetrcElseInTheHome() {
        assertEquals(Path.of("/etc/netrc-of-ci"), UserHome.netrc(Map.of("NETRC", "/etc/netrc-of-ci", "HOME", "/srv/alice")));
        assertEquals(Path.of("/srv/alice/.netrc"), UserHome.netrc(Map.of("NETRC", "", "HOME", "/srv/alice")));
        assertEquals(JAVA_HOME_OF_USER.resolve(".netrc"), UserHome.netrc(Map.of()));
    }
}
